-- Reads "as of" a past revision (db/0003) rebuilt every row of a table from its whole history before they could find
-- one: the asof views took every column from jsonb_populate_record(r.body), and PostgreSQL estimated their joins from
-- the number of distinct record ids in the history of every table. At a million concessions (2.75 million revisions)
-- one asOf GET by id took 33 s, and an asOf list page, or a later page pinned before a write, 60 s.
--
-- 1. The history is partitioned by the table each revision belongs to, so each table's revisions have statistics of
--    their own, and a join of two views is estimated as the join of the two tables is.
-- 2. The views are made again, from the catalog rather than a hand list, with the columns an index can serve taken
--    from the revision itself: the key is r.record_id (revision_as_of_idx), and a text column is r.body ->> 'column',
--    which expression indexes on each partition mirror from the table's own indexes. A filter, a join or a keyset
--    page on those columns then reads the few revisions it needs, in index order.
--
-- asof.refresh_views() is idempotent: a migration that adds or changes a table with a revision trigger calls it
-- again, and its partition, views and indexes follow.
--
-- A unique key on a partitioned table must hold the partition key, so (seq, ordinal) is unique per table here; the
-- write path numbers ordinals within a change set across every table (record_revision), as before.
ALTER TABLE revision RENAME TO revision_unpartitioned;
ALTER INDEX revision_pkey RENAME TO revision_unpartitioned_pkey;
ALTER INDEX revision_entity_record_id_version_key RENAME TO revision_unpartitioned_entity_record_id_version_key;
ALTER INDEX revision_current_idx RENAME TO revision_unpartitioned_current_idx;
ALTER INDEX revision_as_of_idx RENAME TO revision_unpartitioned_as_of_idx;
ALTER INDEX revision_entity_seq_idx RENAME TO revision_unpartitioned_entity_seq_idx;

CREATE TABLE revision (
    seq          bigint      NOT NULL REFERENCES change_set (seq),
    ordinal      integer     NOT NULL CHECK (ordinal > 0),
    entity       text        NOT NULL,
    record_id    text        NOT NULL,
    version      integer     NOT NULL CHECK (version > 0),
    operation    text        NOT NULL CHECK (operation IN ('create', 'update', 'delete')),
    valid_from   timestamptz NOT NULL,
    valid_to     timestamptz,
    valid_to_seq bigint      REFERENCES change_set (seq),
    -- The row as it stood from this revision on; null for a delete (a tombstone).
    body         jsonb       CHECK ((operation = 'delete') = (body IS NULL)),
    PRIMARY KEY (entity, seq, ordinal),
    UNIQUE (entity, record_id, version)
) PARTITION BY LIST (entity);

-- A table that gains a revision trigger later gets its partition from asof.refresh_views(); until then, and for any
-- entity no table has, its revisions land here.
CREATE TABLE revision_other PARTITION OF revision DEFAULT;

CREATE OR REPLACE FUNCTION public.create_revision_partitions() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    versioned text;
BEGIN
    FOR versioned IN
        SELECT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
         WHERE t.tgfoid = 'public.record_revision'::regproc AND c.relnamespace = 'public'::regnamespace
    LOOP
        IF to_regclass(format('public.%I', 'revision_' || versioned)) IS NULL THEN
            EXECUTE format('CREATE TABLE %I PARTITION OF revision FOR VALUES IN (%L)', 'revision_' || versioned, versioned);
        END IF;
    END LOOP;
END $$;

SELECT create_revision_partitions();

INSERT INTO revision SELECT * FROM revision_unpartitioned;

CREATE INDEX revision_seq_idx ON revision (seq, ordinal);
CREATE INDEX revision_current_idx ON revision (entity, record_id) WHERE valid_to_seq IS NULL;
CREATE INDEX revision_as_of_idx ON revision (entity, record_id, seq);
-- (entity, seq) needs no index of its own here: the primary key (entity, seq, ordinal) serves a table's newest change.

CREATE FUNCTION asof.refresh_views() RETURNS void LANGUAGE plpgsql AS $refresh$
DECLARE
    versioned record;
    mirrored record;
    columns text;
BEGIN
    PERFORM public.create_revision_partitions();
    FOR versioned IN
        SELECT c.relname AS table_name, split_part(encode(t.tgargs, 'escape'), '\000', 1) AS key_column
          FROM pg_trigger t
          JOIN pg_class c ON c.oid = t.tgrelid
         WHERE t.tgfoid = 'public.record_revision'::regproc AND c.relnamespace = 'public'::regnamespace
    LOOP
        SELECT string_agg(CASE
                   WHEN a.attname = versioned.key_column THEN format('r.record_id AS %I', a.attname)
                   WHEN a.atttypid = 'text'::regtype THEN format('r.body ->> %L AS %I', a.attname, a.attname)
                   ELSE format('row.%I', a.attname) END, ', ' ORDER BY a.attnum)
          INTO columns
          FROM pg_attribute a
         WHERE a.attrelid = format('public.%I', versioned.table_name)::regclass AND a.attnum > 0 AND NOT a.attisdropped;
        EXECUTE format('DROP VIEW IF EXISTS asof.%I', versioned.table_name);
        EXECUTE format($view$
            CREATE VIEW asof.%1$I AS
            SELECT %2$s
              FROM public.revision r
             CROSS JOIN LATERAL jsonb_populate_record(NULL::public.%1$I, r.body) AS row
             WHERE r.entity = %1$L
               AND r.seq <= asof.pinned_seq()
               AND (r.valid_to_seq IS NULL OR r.valid_to_seq > asof.pinned_seq())
               AND r.operation <> 'delete'
        $view$, versioned.table_name, columns);

        -- The table's own btree indexes on text columns, on its revisions: (giver, id) becomes
        -- ((body ->> 'giver'), record_id) on the concession partition. Unique ones are left out (they guard writes,
        -- which never go through the views).
        FOR mirrored IN
            SELECT i.indexrelid::regclass::text AS index_name,
                   string_agg(CASE WHEN a.attname = versioned.key_column THEN 'record_id'
                                   ELSE format('(body ->> %L)', a.attname) END, ', ' ORDER BY k.position) AS expressions
              FROM pg_index i
              JOIN pg_class ic ON ic.oid = i.indexrelid
              JOIN pg_am am ON am.oid = ic.relam AND am.amname = 'btree'
             CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
             WHERE i.indrelid = format('public.%I', versioned.table_name)::regclass
               AND NOT i.indisunique AND NOT i.indisprimary AND i.indexprs IS NULL AND i.indpred IS NULL
             GROUP BY i.indexrelid
            HAVING bool_and(a.atttypid = 'text'::regtype OR a.attname = versioned.key_column)
        LOOP
            EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON public.%I (%s)',
                           'revision_asof_' || mirrored.index_name, 'revision_' || versioned.table_name, mirrored.expressions);
        END LOOP;
    END LOOP;
END
$refresh$;

SELECT asof.refresh_views();

-- The old views were the last to read it.
DROP TABLE revision_unpartitioned;
ANALYZE revision;
