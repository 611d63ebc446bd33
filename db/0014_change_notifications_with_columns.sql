-- A cached list page was dropped by every write to its table (db/0009 names the records a change set wrote, and a
-- page shows some records but depends on which records match its filters): under bench/run's mixed workload one
-- edit of a concession's notes a second dropped all 311 cached concession lists and every outcome, since an outcome
-- lists the ids of its concessions. What a page can depend on besides the records it shows is which records exist and
-- the columns it filters and sorts on. So a change set now also says, per table, which columns its updates changed,
-- or * when it created or deleted a record of it: a write that changes the notes of a concession no page shows
-- leaves the page cached, and one that changes a concession's giver drops the pages filtered by giver.
--
-- change_set_writes() is what both the notification and the writing instance itself (ChangeSet.WritesAsync) read.
-- An update's columns are the keys of its row whose values differ from the record's revision before it (a record
-- written twice in one change set counts both steps, a superset of what changed).
CREATE FUNCTION change_set_writes(change_seq bigint)
RETURNS TABLE (entity text, record_ids text[], changed_columns text[])
LANGUAGE sql STABLE AS $$
    WITH written AS (
        SELECT r.entity, r.record_id,
               -- Null: the record was created or deleted, so any page of its table may have gained or lost it.
               CASE WHEN r.operation = 'update' AND earlier.body IS NOT NULL THEN
                    ARRAY(SELECT now.key FROM jsonb_each(r.body) AS now WHERE now.value IS DISTINCT FROM earlier.body -> now.key)
               END AS columns
          FROM revision r
          LEFT JOIN revision earlier
            ON earlier.entity = r.entity AND earlier.record_id = r.record_id AND earlier.version = r.version - 1
         WHERE r.seq = change_seq)
    SELECT w.entity,
           array_agg(DISTINCT w.record_id ORDER BY w.record_id),
           CASE WHEN bool_and(w.columns IS NOT NULL) THEN
                ARRAY(SELECT DISTINCT changed.column_name
                        FROM written AS same_table CROSS JOIN LATERAL unnest(same_table.columns) AS changed (column_name)
                       WHERE same_table.entity = w.entity
                       ORDER BY changed.column_name)
           END
      FROM written w
     GROUP BY w.entity
     ORDER BY w.entity
$$;

-- 'summit_records_changed': "<seq> <table>:<ids>:<columns>,…", the ids joined by '|' or * for more than 50 records,
-- the columns joined by '|' (empty when an update changed none) or * for a created or deleted record; * for the ids,
-- then for the columns too, when the payload would not fit in a notification's 8000 bytes. Column names hold no
-- ':', ',' or '|'. 'summit_tables_changed' (db/0009) keeps being sent as before, for instances of the version before
-- during a rolling deploy.
CREATE OR REPLACE FUNCTION notify_tables_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    by_record           text;
    by_table            text;
    columns_by_record   text;
    columns_by_table    text;
    anything_changed    text;
BEGIN
    SELECT string_agg(w.entity || ':' || w.ids, ',' ORDER BY w.entity),
           string_agg(w.entity || ':*', ',' ORDER BY w.entity),
           string_agg(w.entity || ':' || w.ids || ':' || w.columns, ',' ORDER BY w.entity),
           string_agg(w.entity || ':*:' || w.columns, ',' ORDER BY w.entity),
           string_agg(w.entity || ':*:*', ',' ORDER BY w.entity)
      INTO by_record, by_table, columns_by_record, columns_by_table, anything_changed
      FROM (SELECT entity,
                   CASE WHEN cardinality(record_ids) <= 50 THEN array_to_string(record_ids, '|') ELSE '*' END AS ids,
                   coalesce(array_to_string(changed_columns, '|'), '*') AS columns
              FROM change_set_writes(NEW.seq)) AS w;
    PERFORM pg_notify('summit_tables_changed',
                      NEW.seq::text || ' ' || coalesce(CASE WHEN octet_length(by_record) < 7000 THEN by_record ELSE by_table END, ''));
    PERFORM pg_notify('summit_records_changed',
                      NEW.seq::text || ' ' || coalesce(CASE WHEN octet_length(columns_by_record) < 7000 THEN columns_by_record
                                                            WHEN octet_length(columns_by_table) < 7000 THEN columns_by_table
                                                            ELSE anything_changed END, ''));
    RETURN NULL;
END
$$;
