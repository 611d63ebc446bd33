namespace SummitApi.Features.Summits;

internal static class SummitQueries
{
    public const string Columns = """
        id, kind, title, place, occasion, date, date_precision, date_qualifier, duration, duration_bound,
        status, parties, notes, citations_of('summit', id) AS citations
        """;

    public const string ById = $"SELECT {Columns} FROM summit WHERE id = @id";

    /// <summary>Every row in the exports' order: bytewise by id, whatever the database's collation.</summary>
    public const string AllForExport = $"SELECT {Columns} FROM summit ORDER BY id COLLATE \"C\"";

    public const string List = $"""
        SELECT {Columns} FROM summit
         WHERE (@after::text IS NULL OR id > @after)
         ORDER BY id
         LIMIT @limit
        """;
}
