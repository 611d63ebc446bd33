-- A record's citations as the API serves them, [{ sourceId, excerpt }], for the statement that reads the record
-- (issue 20). citations_of() returns a scalar, so PostgreSQL runs it as a query of its own for every row, planned
-- again on every statement; a set-returning SQL function used in FROM (CROSS JOIN LATERAL record_citations(...)) is
-- inlined into the statement instead, and planned (and prepared) with it: a GET by id ran about 1.6 times as many
-- statements a second in pgbench. The names stay unqualified, so under SET LOCAL search_path = asof, public they
-- resolve to the asof views (db/0003_as_of.sql), as citations_of() does.
CREATE FUNCTION record_citations(cited_type text, cited_id text) RETURNS TABLE (citations jsonb)
    LANGUAGE sql STABLE AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object('sourceId', source_id, 'excerpt', excerpt) ORDER BY id), '[]'::jsonb)
      FROM citation WHERE record_type = cited_type AND record_id = cited_id
$$;
