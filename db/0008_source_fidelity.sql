-- Say what the sources say (issue 18): every loose date says whether a source states it, the curator derived it
-- from another record (which one, and the ISO 8601 offset), or assumed it; qualifiers narrow a period to its
-- third; undated events carry the order the sources give them; a pairing of concessions names the source that
-- states it; a summit says how it relates to its occasion; a statement says who it quotes and on what it rests.
--
-- The new codes are vocabulary rows (seeds/vocabularies.json), not CHECKs. New columns are nullable without a
-- default: existing rows predate the vocabulary rows, and v1 writers that predate the fields may leave them out
-- (a date without a basis is served with a null basis: unknown, never presumed stated). The seed set gives every one.

-------------------------------------------------------------------------------------------------
-- Vocabularies
-------------------------------------------------------------------------------------------------

DO $$
DECLARE
    table_name text;
BEGIN
    FOREACH table_name IN ARRAY ARRAY['date_basis', 'occasion_relation', 'statement_basis'] LOOP
        EXECUTE format($sql$
            CREATE TABLE %1$I (
                code        text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{0,63}$'),
                label       text NOT NULL CHECK (label <> ''),
                description text
            );
            CREATE TRIGGER %1$s_revision AFTER INSERT OR UPDATE OR DELETE ON %1$I
                FOR EACH ROW EXECUTE FUNCTION record_revision('code');
        $sql$, table_name);
    END LOOP;
END $$;

-------------------------------------------------------------------------------------------------
-- Value rules
-------------------------------------------------------------------------------------------------

-- An offset from an anchor date: an ISO 8601 duration, with a leading minus for "before" ("with two weeks to
-- go" is -P2W from the meeting).
CREATE FUNCTION is_date_offset(value text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT value IS NULL OR (value ~ '^-?P' AND is_iso_duration(ltrim(value, '-')))
$$;

-- The part of a loose date's period its qualifier points at: early, mid and late are its thirds, so "late
-- November" (21-30 November) sorts after 10 November and matches only ranges that reach its last third.
CREATE FUNCTION qualified_start(value date, precision_code text, qualifier text) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE qualifier
        WHEN 'mid'  THEN value + (loose_date_end(value, precision_code) - value + 1) / 3
        WHEN 'late' THEN value + (loose_date_end(value, precision_code) - value + 1) * 2 / 3
        ELSE value
    END
$$;

CREATE FUNCTION qualified_end(value date, precision_code text, qualifier text) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE qualifier
        WHEN 'early' THEN value + (loose_date_end(value, precision_code) - value + 1) / 3 - 1
        WHEN 'mid'   THEN value + (loose_date_end(value, precision_code) - value + 1) * 2 / 3 - 1
        ELSE loose_date_end(value, precision_code)
    END
$$;

-------------------------------------------------------------------------------------------------
-- Columns. The as-of views expand their table's columns when created, so they are rebuilt below.
-------------------------------------------------------------------------------------------------

DROP VIEW asof.summit, asof.event, asof.concession, asof.readout, asof.readout_statement;

ALTER TABLE summit
    ADD COLUMN occasion_relation text REFERENCES occasion_relation (code),
    ADD COLUMN date_basis        text REFERENCES date_basis (code),
    ADD COLUMN date_anchor_type  text CHECK (date_anchor_type IN ('summit', 'event')),
    ADD COLUMN date_anchor_id    text,
    ADD COLUMN date_offset       text CHECK (is_date_offset(date_offset)),
    ADD CHECK (occasion_relation IS NULL OR occasion IS NOT NULL),
    ADD CHECK ((date_anchor_type IS NULL) = (date_anchor_id IS NULL)),
    ADD CHECK (date_offset IS NULL OR date_anchor_id IS NOT NULL),
    -- A basis only with a date; a date without one is a v1 writer's that predates bases (served as null: unknown).
    ADD CHECK (date IS NOT NULL OR date_basis IS NULL);

ALTER TABLE event
    ADD COLUMN date_basis       text REFERENCES date_basis (code),
    ADD COLUMN date_anchor_type text CHECK (date_anchor_type IN ('summit', 'event')),
    ADD COLUMN date_anchor_id   text,
    ADD COLUMN date_offset      text CHECK (is_date_offset(date_offset)),
    -- Ids of events the sources place this one after or before; the timeline places an undated event by them.
    ADD COLUMN after            text[] NOT NULL DEFAULT '{}',
    ADD COLUMN before           text[] NOT NULL DEFAULT '{}',
    ADD CHECK ((date_anchor_type IS NULL) = (date_anchor_id IS NULL)),
    ADD CHECK (date_offset IS NULL OR date_anchor_id IS NOT NULL),
    ADD CHECK (NOT (id = ANY (after)) AND NOT (id = ANY (before))),
    ADD CHECK (date IS NOT NULL OR date_basis IS NULL);

-- Queries compute the qualified period from the stored fields rather than a generated column, so that as-of
-- reads of revisions written before this migration get it too.
CREATE INDEX event_period_idx ON event (qualified_start(date, date_precision, date_qualifier), id);

ALTER TABLE concession
    ADD COLUMN effective_date_basis       text REFERENCES date_basis (code),
    ADD COLUMN effective_date_anchor_type text CHECK (effective_date_anchor_type IN ('summit', 'event')),
    ADD COLUMN effective_date_anchor_id   text,
    ADD COLUMN effective_date_offset      text CHECK (is_date_offset(effective_date_offset)),
    -- [{ "concessionId", "sourceId" }]: each pairing of exchanged_for with the source that states it.
    ADD COLUMN exchanges                  jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(exchanges) = 'array'),
    ADD CHECK ((effective_date_anchor_type IS NULL) = (effective_date_anchor_id IS NULL)),
    ADD CHECK (effective_date_offset IS NULL OR effective_date_anchor_id IS NOT NULL),
    ADD CHECK (effective_date IS NOT NULL OR effective_date_basis IS NULL);

ALTER TABLE readout
    ADD COLUMN published_date_basis       text REFERENCES date_basis (code),
    ADD COLUMN published_date_anchor_type text CHECK (published_date_anchor_type IN ('summit', 'event')),
    ADD COLUMN published_date_anchor_id   text,
    ADD COLUMN published_date_offset      text CHECK (is_date_offset(published_date_offset)),
    ADD CHECK ((published_date_anchor_type IS NULL) = (published_date_anchor_id IS NULL)),
    ADD CHECK (published_date_offset IS NULL OR published_date_anchor_id IS NOT NULL),
    ADD CHECK (published_date IS NOT NULL OR published_date_basis IS NULL);

ALTER TABLE readout_statement
    ADD COLUMN speaker_id text REFERENCES actor (id),
    ADD COLUMN basis      text REFERENCES statement_basis (code),
    -- Ids of statements (of another party) that make the same claim.
    ADD COLUMN agrees_with text[] NOT NULL DEFAULT '{}',
    ADD CHECK (NOT (id = ANY (agrees_with)));

DROP TRIGGER event_references ON event;
CREATE CONSTRAINT TRIGGER event_references AFTER INSERT OR UPDATE ON event
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_array_references(
        'parties', 'party', 'summit_ids', 'summit', 'concession_ids', 'concession', 'after', 'event', 'before', 'event');
DROP TRIGGER readout_statement_references ON readout_statement;
CREATE CONSTRAINT TRIGGER readout_statement_references AFTER INSERT OR UPDATE ON readout_statement
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_array_references(
        'contradicts', 'readout_statement', 'agrees_with', 'readout_statement');

-------------------------------------------------------------------------------------------------
-- As-of views, as db/0003_as_of.sql makes them, for the new vocabularies and the changed tables.
-------------------------------------------------------------------------------------------------

DO $$
DECLARE
    table_name text;
BEGIN
    FOREACH table_name IN ARRAY ARRAY[
        'date_basis', 'occasion_relation', 'statement_basis',
        'summit', 'event', 'concession', 'readout', 'readout_statement'] LOOP
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
