namespace SummitApi.Features.ContextFigures;

internal static class ContextFigureQueries
{
    public const string Columns = """
        id, summit_id, subject, metric, value, value_high, bound, unit, period, approximate, reported_by,
        notes, citations_of('context_figure', id) AS citations
        """;

    public const string ById = $"SELECT {Columns} FROM context_figure WHERE id = @id";

    public const string List = $"""
        SELECT {Columns} FROM context_figure
         WHERE (@summit::text IS NULL OR summit_id = @summit)
           AND (@after::text IS NULL OR id > @after)
         ORDER BY id
         LIMIT @limit
        """;
}
