-- Every committed change set tells the API instances listening on 'summit_data_changed' the data revision it
-- created, so that each can drop the responses it cached at older revisions. NOTIFY is transactional: a
-- change set that rolls back notifies no one, and one that commits notifies only once its rows are visible.
CREATE FUNCTION notify_data_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('summit_data_changed', NEW.seq::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER change_set_notifies AFTER INSERT ON change_set
    FOR EACH ROW EXECUTE FUNCTION notify_data_changed();
