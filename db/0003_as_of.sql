-- Reads "as of" a past data revision. Each view rebuilds its table from the revision history as it
-- stood after change set summit.as_of_seq. A read runs its usual SQL unchanged after
-- SET LOCAL search_path = asof, public, so unqualified table names (and citations_of(), which is not
-- schema-qualified) resolve to these views.
CREATE SCHEMA asof;

CREATE FUNCTION asof.pinned_seq() RETURNS bigint LANGUAGE sql STABLE AS $$
    SELECT current_setting('summit.as_of_seq')::bigint
$$;

CREATE VIEW asof.change_set AS
    SELECT * FROM public.change_set WHERE seq <= asof.pinned_seq();

DO $$
DECLARE
    table_name text;
BEGIN
    FOREACH table_name IN ARRAY ARRAY[
        'topic', 'concession_action', 'unit', 'summit_kind', 'summit_status', 'outcome_kind',
        'outcome_status', 'readout_kind', 'readout_tone', 'stance', 'event_kind', 'source_kind',
        'actor_kind', 'party_kind', 'bound', 'party', 'source', 'actor', 'summit', 'outcome',
        'concession', 'readout', 'readout_statement', 'event', 'assessment', 'context_figure', 'citation'] LOOP
        EXECUTE format($view$
            CREATE VIEW asof.%1$I AS
            SELECT row.*
              FROM public.revision r
             CROSS JOIN LATERAL jsonb_populate_record(NULL::public.%1$I, r.body) AS row
             WHERE r.entity = %1$L
               AND r.seq <= asof.pinned_seq()
               AND (r.valid_to_seq IS NULL OR r.valid_to_seq > asof.pinned_seq())
               AND r.operation <> 'delete'
        $view$, table_name);
    END LOOP;
END $$;

CREATE INDEX revision_entity_seq_idx ON revision (entity, seq);
