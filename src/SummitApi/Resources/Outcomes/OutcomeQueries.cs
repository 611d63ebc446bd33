namespace SummitApi.Resources.Outcomes;

internal static class OutcomeQueries
{
    private const string Columns = """
        o.id, o.summit_id, o.topic, o.title, o.summary, o.kind, o.status, o.reported_by,
        ARRAY(SELECT c.id FROM concession c WHERE c.outcome_id = o.id ORDER BY c.id) AS concession_ids,
        o.notes, cited.citations
        """;

    private const string From = "outcome o CROSS JOIN LATERAL record_citations('outcome', o.id) AS cited";

    public const string ById = $"SELECT {Columns} FROM {From} WHERE o.id = @id";

    /// <summary>Every row in the exports' order: bytewise by id, whatever the database's collation.</summary>
    public const string AllForExport = $"SELECT {Columns} FROM {From} ORDER BY o.id COLLATE \"C\"";

    public const string List = $"""
        SELECT {Columns} FROM {From}
         WHERE (@summit::text IS NULL OR o.summit_id = @summit)
           AND (@topic::text IS NULL OR o.topic = @topic)
           AND (@party::text IS NULL OR @party = ANY (o.reported_by))
           AND (@status::text IS NULL OR o.status = @status)
           AND (@q::text IS NULL OR o.search @@ websearch_to_tsquery('english', @q))
           AND (@after::text IS NULL OR o.id > @after)
         ORDER BY o.id
         LIMIT @limit
        """;
}
