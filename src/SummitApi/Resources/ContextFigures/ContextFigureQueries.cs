namespace SummitApi.Resources.ContextFigures;

internal static class ContextFigureQueries
{
    public const string Columns = """
        id, summit_id, subject, metric, value, value_high, bound, unit, period, approximate, reported_by,
        notes, citations_of('context_figure', id) AS citations
        """;

    public const string ById = $"SELECT {Columns} FROM context_figure WHERE id = @id";

    /// <summary>Every row in the exports' order: bytewise by id, whatever the database's collation.</summary>
    public const string AllForExport = $"SELECT {Columns} FROM context_figure ORDER BY id COLLATE \"C\"";

    public const string List = $"""
        SELECT {Columns} FROM context_figure
         WHERE (@summit::text IS NULL OR summit_id = @summit)
           AND (@after::text IS NULL OR id > @after)
         ORDER BY id
         LIMIT @limit
        """;
}
