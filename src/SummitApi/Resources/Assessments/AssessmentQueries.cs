namespace SummitApi.Resources.Assessments;

internal static class AssessmentQueries
{
    public const string Columns = """
        id, speaker_id, summit_id, topic, quote, notes, cited.citations
        """;

    private const string From = "assessment CROSS JOIN LATERAL record_citations('assessment', assessment.id) AS cited";

    public const string ById = $"SELECT {Columns} FROM {From} WHERE id = @id";

    /// <summary>Every row in the exports' order: bytewise by id, whatever the database's collation.</summary>
    public const string AllForExport = $"SELECT {Columns} FROM {From} ORDER BY id COLLATE \"C\"";

    public const string List = $"""
        SELECT {Columns} FROM {From}
         WHERE (@summit::text IS NULL OR summit_id = @summit)
           AND (@speaker::text IS NULL OR speaker_id = @speaker)
           AND (@topic::text IS NULL OR topic = @topic)
           AND (@after::text IS NULL OR id > @after)
         ORDER BY id
         LIMIT @limit
        """;
}
