-- Every committed change set also tells the listening API instances which tables it wrote, on
-- 'summit_tables_changed', as "<seq> <table>,<table>…", so that each drops only the cached responses that
-- read those tables: a write to one concession leaves the actors, the summits and the unrelated lists cached.
-- It is a deferred constraint trigger because the tables are known only once the change set's revisions are
-- in, just before it commits; NOTIFY still delivers only after the commit, and nothing if it rolls back.
-- 'summit_data_changed' (0006) keeps being sent for instances of the version before, during a rolling deploy.
CREATE FUNCTION notify_tables_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('summit_tables_changed',
                      NEW.seq::text || ' ' || coalesce((SELECT string_agg(DISTINCT entity, ',' ORDER BY entity)
                                                          FROM revision WHERE seq = NEW.seq), ''));
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER change_set_notifies_tables AFTER INSERT ON change_set
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION notify_tables_changed();

