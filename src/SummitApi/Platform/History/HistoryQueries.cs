namespace SummitApi.Platform.History;

internal static class HistoryQueries
{
    // Bounded by the data revision the read sees, so an asOf read lists the history known then (a
    // version superseded later shows no validTo yet).
    public const string Revisions = """
        WITH seen AS (SELECT coalesce(max(seq), 0) AS seq FROM change_set)
        SELECT r.version AS "Version", r.seq AS "Seq", r.operation AS "Operation", r.valid_from AS "ValidFrom",
               CASE WHEN r.valid_to_seq <= seen.seq THEN r.valid_to END AS "ValidTo",
               cs.author AS "Author", cs.reason AS "Reason", r.body::text AS "Body"
          FROM revision r JOIN change_set cs ON cs.seq = r.seq CROSS JOIN seen
         WHERE r.entity = @entity AND r.record_id = @id
           AND r.seq <= seen.seq
           AND (@after::int IS NULL OR r.version > @after::int)
         ORDER BY r.version
         LIMIT @limit
        """;

    public const string Changes = """
        SELECT r.seq, r.ordinal, r.entity, r.record_id AS id, r.version, r.operation, cs.committed_at, cs.author
          FROM revision r JOIN change_set cs ON cs.seq = r.seq
         WHERE (r.seq, r.ordinal) > (@afterSeq, @afterOrdinal)
         ORDER BY r.seq, r.ordinal
         LIMIT @limit
        """;
}
