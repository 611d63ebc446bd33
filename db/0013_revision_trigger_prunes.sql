-- Every write to a versioned table took 1-3 s at a million concessions (bench/run's mixed workload: 2 s a write at the
-- median), against 15-35 ms alone: the revision trigger compared the history's entity (text) with TG_TABLE_NAME, whose
-- type is name, and PostgreSQL cannot prune the partitions of db/0011 by a comparison of another type. So each write
-- looked for the record's current revision in all 32 partitions, reading the 1.25 million citation revisions
-- sequentially. The same function, the table's name taken as text; and the revision's ordinal within its change set
-- counted in a setting that ends with the change set's transaction, rather than by probing every partition for the
-- change set's highest ordinal so far on every row written.
CREATE OR REPLACE FUNCTION record_revision() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    change_seq   bigint := current_change_seq();
    change_at    timestamptz;
    versioned    text := TG_TABLE_NAME;
    key_column   text := TG_ARGV[0];
    old_key      text := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) ->> key_column END;
    new_key      text := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) ->> key_column END;
    record_key   text := coalesce(new_key, old_key);
    last_version integer;
    next_ordinal integer;
BEGIN
    IF TG_OP = 'UPDATE' AND old_key IS DISTINCT FROM new_key THEN
        RAISE EXCEPTION '% % cannot change its %', versioned, old_key, key_column
            USING ERRCODE = 'check_violation';
    END IF;

    SELECT committed_at INTO STRICT change_at FROM change_set WHERE seq = change_seq;

    UPDATE revision SET valid_to = change_at, valid_to_seq = change_seq
     WHERE entity = versioned AND record_id = record_key AND valid_to_seq IS NULL;

    SELECT max(version) INTO last_version
      FROM revision WHERE entity = versioned AND record_id = record_key;
    -- 'seq:ordinal' of the last revision this transaction wrote.
    next_ordinal := CASE WHEN split_part(current_setting('summit.change_ordinal', true), ':', 1) = change_seq::text
                         THEN split_part(current_setting('summit.change_ordinal', true), ':', 2)::integer + 1
                         ELSE 1 END;
    PERFORM set_config('summit.change_ordinal', change_seq || ':' || next_ordinal, true);

    INSERT INTO revision (seq, ordinal, entity, record_id, version, operation, valid_from, body)
    VALUES (change_seq, next_ordinal, versioned, record_key, coalesce(last_version, 0) + 1,
            CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END,
            change_at,
            CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END);
    RETURN NULL;
END $$;
