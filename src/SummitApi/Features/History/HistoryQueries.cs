namespace SummitApi.Features.History;

internal static class HistoryQueries
{
    // Bounded by the data revision the read sees, so an asOf read lists the history up to that instant.
    public const string Revisions = """
        SELECT r.version AS "Version", r.seq AS "Seq", r.operation AS "Operation", r.valid_from AS "ValidFrom", r.valid_to AS "ValidTo",
               cs.author AS "Author", cs.reason AS "Reason", r.body::text AS "Body"
          FROM revision r JOIN change_set cs ON cs.seq = r.seq
         WHERE r.entity = @entity AND r.record_id = @id
           AND r.seq <= (SELECT coalesce(max(seq), 0) FROM change_set)
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
