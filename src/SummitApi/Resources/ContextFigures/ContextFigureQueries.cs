namespace SummitApi.Resources.ContextFigures;

internal static class ContextFigureQueries
{
    public const string Columns = """
        id, summit_id, subject, metric, value, value_high, bound, unit, period, approximate, reported_by,
        notes, cited.citations
        """;

    private const string From = "context_figure CROSS JOIN LATERAL record_citations('context_figure', context_figure.id) AS cited";

    public const string ById = $"SELECT {Columns} FROM {From} WHERE id = @id";

    /// <summary>Every row in the exports' order: bytewise by id, whatever the database's collation.</summary>
    public const string AllForExport = $"SELECT {Columns} FROM {From} ORDER BY id COLLATE \"C\"";

    public const string List = $"""
        SELECT {Columns} FROM {From}
         WHERE (@summit::text IS NULL OR summit_id = @summit)
           AND (@after::text IS NULL OR id > @after)
         ORDER BY id
         LIMIT @limit
        """;
}
