-- Every committed change set also tells the listening API instances what it wrote, on 'summit_tables_changed', as
-- "<seq> <table>:<id>|<id>…,<table>:*…": per table the ids of the records it changed, or * for more than 50 of
-- them (or when the ids would not fit in a notification's 8000 bytes). Each instance then drops only the cached
-- responses that read those tables, or, for a read of one record, that record: a write to one concession leaves
-- the other concessions, the actors, the summits and the unrelated lists cached. It is a deferred constraint trigger
-- because what was written is known only once the change set's revisions are in, just before it commits; NOTIFY
-- still delivers only after the commit, and nothing if it rolls back. Ids cannot hold ' ', ',' or '|'
-- (is_record_id), and table names hold no ':'. 'summit_data_changed' (0006) keeps being sent for instances of the
-- version before, during a rolling deploy.
CREATE FUNCTION notify_tables_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    by_record text;
    by_table  text;
BEGIN
    WITH written AS (
        SELECT entity, count(DISTINCT record_id) AS records, string_agg(DISTINCT record_id, '|') AS ids
          FROM revision WHERE seq = NEW.seq GROUP BY entity)
    SELECT string_agg(entity || ':' || CASE WHEN records <= 50 THEN ids ELSE '*' END, ',' ORDER BY entity),
           string_agg(entity || ':*', ',' ORDER BY entity)
      INTO by_record, by_table
      FROM written;
    PERFORM pg_notify('summit_tables_changed',
                      NEW.seq::text || ' ' || coalesce(CASE WHEN octet_length(by_record) < 7000 THEN by_record ELSE by_table END, ''));
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER change_set_notifies_tables AFTER INSERT ON change_set
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION notify_tables_changed();
