-- Two statements every pinned read and every list page ran, as functions.
--
-- The newest change set up to bound that wrote one of the tables (0 for none): the data revision of what a read of
-- those tables sees (DataRevision.OfTables). Written as a join of the table names to the partitioned history (db/0011),
-- PostgreSQL started a scan of all of its partitions for each name before it knew which one it wanted: a statement
-- per name, with the name a parameter, opens only that name's partition (pgbench: 16,000 against 12,000 a second).
-- Its plan is the generic one: PostgreSQL otherwise planned it again for every name on every call, the partitions'
-- plans looking dearer than a plan for one name.
CREATE FUNCTION public.tables_revision(tables text[], bound bigint) RETURNS bigint LANGUAGE plpgsql STABLE
    SET plan_cache_mode = force_generic_plan AS $$
DECLARE
    versioned text;
    newest bigint;
    result bigint := 0;
BEGIN
    FOREACH versioned IN ARRAY tables LOOP
        SELECT max(seq) INTO newest FROM public.revision WHERE entity = versioned AND seq <= bound;
        result := greatest(result, newest);
    END LOOP;
    RETURN result;
END
$$;

-- Pins a read to a past revision (ReadScope). As a statement the API sent, its parameters chose between branches (a
-- cursor's revision or an instant; the tables a read declares, or none), so PostgreSQL planned it again on every read,
-- and binding it cost more than the asOf read it prepared (0.19 ms against 0.07 ms, at a million concessions).
-- PL/pgSQL plans each statement inside once per session. The revision an instant names is found walking the change
-- sets back from the newest, not by reading all of them.
--
-- Inside the read's transaction: returns the newest revision (head) and the revision the read is pinned to (the
-- cursor's, else the newest committed by as_of, else 0); when that is older than the newest change to the tables the
-- read declares (all of them when null), puts the asof views before the tables at that revision, for this transaction
-- only. A revision past that change shows those tables as they are now, which the tables themselves serve faster.
-- Names are schema-qualified: once the views are in the search path, change_set is the asof view.
CREATE FUNCTION asof.pin(as_of timestamptz, pinned_revision bigint, tables text[], OUT head bigint, OUT pinned bigint)
    LANGUAGE plpgsql AS $$
DECLARE
    tables_head bigint;
BEGIN
    SELECT coalesce(max(seq), 0) INTO head FROM public.change_set;
    pinned := coalesce(pinned_revision,
                       (SELECT seq FROM public.change_set WHERE committed_at <= as_of ORDER BY seq DESC LIMIT 1),
                       0);
    tables_head := CASE WHEN tables IS NULL THEN head ELSE public.tables_revision(tables, head) END;
    IF pinned < tables_head THEN
        PERFORM set_config('search_path', 'asof, public', true), set_config('summit.as_of_seq', pinned::text, true);
    END IF;
END
$$;

-- Pins one statement to the instant as_of, for a read of one record by id (ReadScope.ReadOneAsync): the API sends it
-- and the read in one batch, which PostgreSQL runs as one implicit transaction, so the settings made here end with the
-- read, with no BEGIN and COMMIT around them. Without a snapshot shared by the two statements, the read always goes
-- through the asof views, which show the revision pinned here whatever commits in between (the tables would show a
-- write that landed after the instant and between the two). A read by id finds its record by index whatever the id:
-- its generic plan is as good as a plan for the id, but through the views PostgreSQL judged it dearer, and planned the
-- statement again on every read (0.2 ms), so the generic plan is forced for the read.
CREATE FUNCTION asof.pin_instant(as_of timestamptz) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    pinned bigint := coalesce((SELECT seq FROM public.change_set WHERE committed_at <= as_of ORDER BY seq DESC LIMIT 1), 0);
BEGIN
    PERFORM set_config('search_path', 'asof, public', true), set_config('summit.as_of_seq', pinned::text, true),
            set_config('plan_cache_mode', 'force_generic_plan', true);
    RETURN pinned;
END
$$;
