-- SummitApi schema: vocabularies, reference data, facts, citations and their append-only history.
--
-- Every table is written only inside a change set (one per write transaction, numbered in commit
-- order): a trigger records each insert, update and delete as a revision with the row's full JSON
-- body, so history can never be bypassed and any read can be answered "as of" a past change set.

-------------------------------------------------------------------------------------------------
-- Change sets and revisions
-------------------------------------------------------------------------------------------------

CREATE TABLE change_set (
    seq          bigint      PRIMARY KEY CHECK (seq > 0),
    committed_at timestamptz NOT NULL,
    author       text        NOT NULL CHECK (author <> ''),
    reason       text
);

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
    PRIMARY KEY (seq, ordinal),
    UNIQUE (entity, record_id, version)
);

CREATE INDEX revision_current_idx ON revision (entity, record_id) WHERE valid_to_seq IS NULL;
CREATE INDEX revision_as_of_idx ON revision (entity, record_id, seq);

-- The session variable summit.change_seq names the open change set; the write path sets it with
-- SET LOCAL after taking the write lock, so a write that did not take the lock cannot happen.
CREATE FUNCTION current_change_seq() RETURNS bigint LANGUAGE plpgsql STABLE AS $$
DECLARE
    change_seq bigint := nullif(current_setting('summit.change_seq', true), '')::bigint;
BEGIN
    IF change_seq IS NULL THEN
        RAISE EXCEPTION 'writes must run inside a change set (summit.change_seq is not set)'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN change_seq;
END $$;

-- TG_ARGV[0] names the key column ('id' for records, 'code' for vocabulary terms).
CREATE FUNCTION record_revision() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    change_seq   bigint := current_change_seq();
    change_at    timestamptz;
    key_column   text := TG_ARGV[0];
    old_key      text := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) ->> key_column END;
    new_key      text := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) ->> key_column END;
    record_key   text := coalesce(new_key, old_key);
    last_version integer;
    next_ordinal integer;
BEGIN
    IF TG_OP = 'UPDATE' AND old_key IS DISTINCT FROM new_key THEN
        RAISE EXCEPTION '% % cannot change its %', TG_TABLE_NAME, old_key, key_column
            USING ERRCODE = 'check_violation';
    END IF;

    SELECT committed_at INTO STRICT change_at FROM change_set WHERE seq = change_seq;

    UPDATE revision SET valid_to = change_at, valid_to_seq = change_seq
     WHERE entity = TG_TABLE_NAME AND record_id = record_key AND valid_to_seq IS NULL;

    SELECT max(version) INTO last_version
      FROM revision WHERE entity = TG_TABLE_NAME AND record_id = record_key;
    SELECT coalesce(max(ordinal), 0) + 1 INTO next_ordinal FROM revision WHERE seq = change_seq;

    INSERT INTO revision (seq, ordinal, entity, record_id, version, operation, valid_from, body)
    VALUES (change_seq, next_ordinal, TG_TABLE_NAME, record_key, coalesce(last_version, 0) + 1,
            CASE TG_OP WHEN 'INSERT' THEN 'create' WHEN 'UPDATE' THEN 'update' ELSE 'delete' END,
            change_at,
            CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE to_jsonb(NEW) END);
    RETURN NULL;
END $$;

-------------------------------------------------------------------------------------------------
-- Value rules shared by many tables
-------------------------------------------------------------------------------------------------

CREATE FUNCTION is_record_id(value text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT value ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$'
$$;

-- A loose date is the first day of its period: "late November 2025" is 2025-11-01/month/late.
CREATE FUNCTION is_loose_date(value date, precision_code text, qualifier text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN value IS NULL THEN precision_code IS NULL AND qualifier IS NULL
        ELSE precision_code IN ('day', 'month', 'quarter', 'year')
             AND value = date_trunc(precision_code, value::timestamp)::date
             AND (qualifier IS NULL OR (qualifier IN ('early', 'mid', 'late') AND precision_code <> 'day'))
    END
$$;

-- The last day of a loose date's period, so that date filters can match by overlap.
CREATE FUNCTION loose_date_end(value date, precision_code text) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE precision_code
        WHEN 'day'     THEN value
        WHEN 'month'   THEN (value + interval '1 month' - interval '1 day')::date
        WHEN 'quarter' THEN (value + interval '3 months' - interval '1 day')::date
        WHEN 'year'    THEN (value + interval '1 year' - interval '1 day')::date
    END
$$;

-- ISO 8601 durations are kept as text (P1Y, P90D, PT2H): Postgres' interval would lose the
-- difference between P1Y and P12M and print in its own style.
CREATE FUNCTION is_iso_duration(value text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
    SELECT value IS NULL
        OR value ~ '^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$'
$$;

-- Interval input is only STABLE in general, but an ISO 8601 duration that passed is_iso_duration
-- parses the same under every setting, which makes this deterministic.
CREATE FUNCTION add_iso_duration(value date, duration text) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN value IS NULL OR duration IS NULL THEN NULL
                ELSE (value + duration::interval)::date END
$$;

-- Arrays of ids cannot carry foreign keys; this trigger checks them. TG_ARGV holds pairs of
-- (array column, referenced table).
CREATE FUNCTION check_array_references() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    row_json jsonb := to_jsonb(NEW);
    i        integer := 0;
    missing  text;
BEGIN
    WHILE i < TG_NARGS LOOP
        EXECUTE format(
            'SELECT string_agg(ref, '', '') FROM jsonb_array_elements_text($1) AS ref
              WHERE NOT EXISTS (SELECT 1 FROM %I WHERE id = ref)', TG_ARGV[i + 1])
           INTO missing USING coalesce(row_json -> TG_ARGV[i], '[]'::jsonb);
        IF missing IS NOT NULL THEN
            RAISE EXCEPTION '% %: % refers to unknown % %', TG_TABLE_NAME, NEW.id, TG_ARGV[i], TG_ARGV[i + 1], missing
                USING ERRCODE = 'foreign_key_violation';
        END IF;
        i := i + 2;
    END LOOP;
    RETURN NULL;
END $$;

-------------------------------------------------------------------------------------------------
-- Vocabularies: rows, not CHECKs or enums, so a new summit's new value is data, not a migration.
-------------------------------------------------------------------------------------------------

CREATE FUNCTION create_vocabulary(table_name text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format($sql$
        CREATE TABLE %1$I (
            code        text PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]{0,63}$'),
            label       text NOT NULL CHECK (label <> ''),
            description text
        );
        CREATE TRIGGER %1$s_revision AFTER INSERT OR UPDATE OR DELETE ON %1$I
            FOR EACH ROW EXECUTE FUNCTION record_revision('code');
    $sql$, table_name);
END $$;

DO $$ BEGIN
    PERFORM create_vocabulary(name) FROM unnest(ARRAY[
        'topic', 'concession_action', 'unit', 'summit_kind', 'summit_status', 'outcome_kind',
        'outcome_status', 'readout_kind', 'readout_tone', 'stance', 'event_kind', 'source_kind',
        'actor_kind', 'party_kind', 'bound']) AS name;
END $$;

DROP FUNCTION create_vocabulary(text);

-------------------------------------------------------------------------------------------------
-- Reference data and sources
-------------------------------------------------------------------------------------------------

CREATE TABLE party (
    id   text PRIMARY KEY CHECK (id ~ '^[A-Z][A-Z0-9]{1,9}$'),
    name text NOT NULL CHECK (name <> ''),
    kind text NOT NULL REFERENCES party_kind (code)
);

CREATE TABLE source (
    id                       text PRIMARY KEY CHECK (is_record_id(id)),
    title                    text,
    publisher                text,
    authors                  text[], -- null when the document does not say who wrote it
    published_date           date,
    published_date_precision text,
    published_date_qualifier text,
    kind                     text NOT NULL REFERENCES source_kind (code),
    licence                  text,
    url                      text,
    sha256                   text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    notes                    text,
    CHECK (is_loose_date(published_date, published_date_precision, published_date_qualifier))
);

-------------------------------------------------------------------------------------------------
-- Facts. Each one must be cited (see citation below).
-------------------------------------------------------------------------------------------------

CREATE TABLE actor (
    id          text PRIMARY KEY CHECK (is_record_id(id)),
    name        text NOT NULL CHECK (name <> ''),
    kind        text NOT NULL REFERENCES actor_kind (code),
    role        text,
    affiliation text,
    party_id    text REFERENCES party (id),
    notes       text
);

CREATE TABLE summit (
    id             text PRIMARY KEY CHECK (is_record_id(id)),
    kind           text NOT NULL REFERENCES summit_kind (code),
    title          text NOT NULL CHECK (title <> ''),
    place          text,
    occasion       text,
    date           date,
    date_precision text,
    date_qualifier text,
    date_end       date GENERATED ALWAYS AS (loose_date_end(date, date_precision)) STORED,
    duration       text CHECK (is_iso_duration(duration)),
    duration_bound text REFERENCES bound (code),
    status         text NOT NULL REFERENCES summit_status (code),
    parties        text[] NOT NULL DEFAULT '{}',
    notes          text,
    CHECK (is_loose_date(date, date_precision, date_qualifier)),
    CHECK (duration_bound IS NULL OR duration IS NOT NULL)
);

CREATE TABLE outcome (
    id          text PRIMARY KEY CHECK (is_record_id(id)),
    summit_id   text NOT NULL REFERENCES summit (id),
    topic       text NOT NULL REFERENCES topic (code),
    title       text NOT NULL CHECK (title <> ''),
    summary     text,
    kind        text NOT NULL REFERENCES outcome_kind (code),
    status      text NOT NULL REFERENCES outcome_status (code),
    reported_by text[] NOT NULL DEFAULT '{}',
    notes       text,
    search      tsvector GENERATED ALWAYS AS (
        to_tsvector('english', title || ' ' || coalesce(summary, '') || ' ' || coalesce(notes, ''))) STORED
);

CREATE INDEX outcome_summit_idx ON outcome (summit_id, id);
CREATE INDEX outcome_search_idx ON outcome USING gin (search);

CREATE TABLE concession (
    id                         text PRIMARY KEY CHECK (is_record_id(id)),
    outcome_id                 text NOT NULL REFERENCES outcome (id),
    giver                      text NOT NULL REFERENCES party (id),
    beneficiary                text NOT NULL REFERENCES party (id),
    action                     text NOT NULL REFERENCES concession_action (code),
    instrument                 text NOT NULL CHECK (instrument <> ''),
    metric                     text,
    value_before               numeric,
    value_after                numeric,
    unit                       text REFERENCES unit (code),
    approximate                boolean NOT NULL DEFAULT false,
    effective_date             date,
    effective_date_precision   text,
    effective_date_qualifier   text,
    duration                   text CHECK (is_iso_duration(duration)),
    -- Derived, never written: known only when both the effective date and the duration are.
    expiry_date                date GENERATED ALWAYS AS (add_iso_duration(effective_date, duration)) STORED,
    exchanged_for              text[] NOT NULL DEFAULT '{}',
    reported_by                text[] NOT NULL DEFAULT '{}',
    notes                      text,
    search                     tsvector GENERATED ALWAYS AS (
        to_tsvector('english', instrument || ' ' || coalesce(metric, '') || ' ' || coalesce(notes, ''))) STORED,
    CHECK (giver <> beneficiary),
    CHECK (is_loose_date(effective_date, effective_date_precision, effective_date_qualifier)),
    CHECK (unit IS NOT NULL OR (value_before IS NULL AND value_after IS NULL)),
    CHECK (NOT (id = ANY (exchanged_for)))
);

CREATE INDEX concession_outcome_idx ON concession (outcome_id, id);
CREATE INDEX concession_giver_idx ON concession (giver, id);
CREATE INDEX concession_beneficiary_idx ON concession (beneficiary, id);
CREATE INDEX concession_search_idx ON concession USING gin (search);

CREATE TABLE readout (
    id                       text PRIMARY KEY CHECK (is_record_id(id)),
    summit_id                text NOT NULL REFERENCES summit (id),
    party_id                 text NOT NULL REFERENCES party (id),
    kind                     text NOT NULL REFERENCES readout_kind (code),
    issuer_id                text REFERENCES actor (id),
    title                    text NOT NULL CHECK (title <> ''),
    published_date           date,
    published_date_precision text,
    published_date_qualifier text,
    tone                     text REFERENCES readout_tone (code),
    notes                    text,
    CHECK (is_loose_date(published_date, published_date_precision, published_date_qualifier))
);

CREATE INDEX readout_summit_idx ON readout (summit_id, id);

CREATE TABLE readout_statement (
    id            text PRIMARY KEY CHECK (is_record_id(id)),
    readout_id    text NOT NULL REFERENCES readout (id),
    topic         text NOT NULL REFERENCES topic (code),
    stance        text NOT NULL REFERENCES stance (code),
    claim         text,
    outcome_id    text REFERENCES outcome (id),
    concession_id text REFERENCES concession (id),
    contradicts   text[] NOT NULL DEFAULT '{}',
    notes         text,
    search        tsvector GENERATED ALWAYS AS (
        to_tsvector('english', coalesce(claim, '') || ' ' || coalesce(notes, ''))) STORED,
    CHECK (NOT (id = ANY (contradicts)))
);

CREATE INDEX readout_statement_readout_idx ON readout_statement (readout_id, id);
CREATE INDEX readout_statement_search_idx ON readout_statement USING gin (search);

CREATE TABLE event (
    id             text PRIMARY KEY CHECK (is_record_id(id)),
    date           date,
    date_precision text,
    date_qualifier text,
    date_end       date GENERATED ALWAYS AS (loose_date_end(date, date_precision)) STORED,
    kind           text NOT NULL REFERENCES event_kind (code),
    title          text NOT NULL CHECK (title <> ''),
    description    text,
    parties        text[] NOT NULL DEFAULT '{}',
    summit_ids     text[] NOT NULL DEFAULT '{}',
    concession_ids text[] NOT NULL DEFAULT '{}',
    notes          text,
    CHECK (is_loose_date(date, date_precision, date_qualifier))
);

CREATE INDEX event_timeline_idx ON event (date, id);
CREATE INDEX event_summits_idx ON event USING gin (summit_ids);

CREATE TABLE assessment (
    id         text PRIMARY KEY CHECK (is_record_id(id)),
    speaker_id text REFERENCES actor (id),
    summit_id  text REFERENCES summit (id),
    topic      text REFERENCES topic (code),
    quote      text NOT NULL CHECK (quote <> ''),
    notes      text
);

CREATE TABLE context_figure (
    id          text PRIMARY KEY CHECK (is_record_id(id)),
    summit_id   text REFERENCES summit (id),
    subject     text NOT NULL CHECK (subject <> ''),
    metric      text NOT NULL CHECK (metric <> ''),
    value       numeric NOT NULL,
    value_high  numeric,
    bound       text REFERENCES bound (code),
    unit        text NOT NULL REFERENCES unit (code),
    period      text,
    approximate boolean NOT NULL DEFAULT false,
    reported_by text[] NOT NULL DEFAULT '{}',
    notes       text,
    CHECK (value_high IS NULL OR value_high > value)
);

-------------------------------------------------------------------------------------------------
-- Citations: the link of a fact to a source, with a verbatim excerpt of that source.
-------------------------------------------------------------------------------------------------

CREATE TABLE citation (
    id          text PRIMARY KEY CHECK (is_record_id(id)),
    source_id   text NOT NULL REFERENCES source (id),
    record_type text NOT NULL CHECK (record_type IN (
        'actor', 'summit', 'outcome', 'concession', 'readout', 'readout_statement', 'event',
        'assessment', 'context_figure')),
    record_id   text NOT NULL,
    excerpt     text NOT NULL CHECK (btrim(excerpt) <> '' AND char_length(excerpt) <= 400),
    UNIQUE (record_type, record_id, source_id, excerpt)
);

CREATE INDEX citation_source_idx ON citation (source_id, id);

-- Checked at commit, so a record and its citations can be written in either order.
CREATE FUNCTION check_cited() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    cited_type  text;
    cited_key   text;
    record_live boolean;
BEGIN
    IF TG_TABLE_NAME = 'citation' THEN
        cited_type := coalesce(NEW.record_type, OLD.record_type);
        cited_key := coalesce(NEW.record_id, OLD.record_id);
    ELSE
        cited_type := TG_TABLE_NAME;
        cited_key := NEW.id;
    END IF;

    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE id = $1)', cited_type)
       INTO record_live USING cited_key;

    IF TG_TABLE_NAME = 'citation' AND TG_OP <> 'DELETE' AND NOT record_live THEN
        RAISE EXCEPTION 'citation % cites unknown % %', NEW.id, cited_type, cited_key
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    IF record_live AND NOT EXISTS (
        SELECT 1 FROM citation c WHERE c.record_type = cited_type AND c.record_id = cited_key) THEN
        RAISE EXCEPTION '% % has no citation: every fact must cite a source', cited_type, cited_key
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;

CREATE INDEX citation_record_idx ON citation (record_type, record_id);

CREATE CONSTRAINT TRIGGER citation_cited AFTER INSERT OR UPDATE OR DELETE ON citation
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_cited();

-------------------------------------------------------------------------------------------------
-- Triggers on every table: history for all, citations and array references for facts.
-------------------------------------------------------------------------------------------------

DO $$
DECLARE
    table_name text;
BEGIN
    FOREACH table_name IN ARRAY ARRAY[
        'party', 'source', 'actor', 'summit', 'outcome', 'concession', 'readout',
        'readout_statement', 'event', 'assessment', 'context_figure', 'citation'] LOOP
        EXECUTE format('CREATE TRIGGER %1$s_revision AFTER INSERT OR UPDATE OR DELETE ON %1$I
                        FOR EACH ROW EXECUTE FUNCTION record_revision(''id'')', table_name);
    END LOOP;
    FOREACH table_name IN ARRAY ARRAY[
        'actor', 'summit', 'outcome', 'concession', 'readout', 'readout_statement', 'event',
        'assessment', 'context_figure'] LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER %1$s_cited AFTER INSERT OR UPDATE ON %1$I
                        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_cited()', table_name);
    END LOOP;
END $$;

CREATE CONSTRAINT TRIGGER summit_references AFTER INSERT OR UPDATE ON summit
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_array_references('parties', 'party');
CREATE CONSTRAINT TRIGGER outcome_references AFTER INSERT OR UPDATE ON outcome
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_array_references('reported_by', 'party');
CREATE CONSTRAINT TRIGGER concession_references AFTER INSERT OR UPDATE ON concession
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_array_references(
        'reported_by', 'party', 'exchanged_for', 'concession');
CREATE CONSTRAINT TRIGGER readout_statement_references AFTER INSERT OR UPDATE ON readout_statement
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_array_references(
        'contradicts', 'readout_statement');
CREATE CONSTRAINT TRIGGER event_references AFTER INSERT OR UPDATE ON event
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_array_references(
        'parties', 'party', 'summit_ids', 'summit', 'concession_ids', 'concession');
CREATE CONSTRAINT TRIGGER context_figure_references AFTER INSERT OR UPDATE ON context_figure
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_array_references('reported_by', 'party');

-------------------------------------------------------------------------------------------------
-- Service state that every instance must share (not data, so not revisioned).
-------------------------------------------------------------------------------------------------

CREATE TABLE service_secret (
    name  text PRIMARY KEY,
    value bytea NOT NULL CHECK (octet_length(value) >= 32)
);

-- A record's citations as the API serves them: [{ sourceId, excerpt }].
CREATE FUNCTION citations_of(cited_type text, cited_id text) RETURNS jsonb LANGUAGE sql STABLE AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object('sourceId', source_id, 'excerpt', excerpt) ORDER BY id), '[]'::jsonb)
      FROM citation WHERE record_type = cited_type AND record_id = cited_id
$$;
