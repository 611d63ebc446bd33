namespace SummitApi.Resources.Summits;

internal static class SummitQueries
{
    public const string Columns = """
        id, kind, title, place, occasion, occasion_relation, date, date_precision, date_qualifier,
        date_basis, date_anchor_type, date_anchor_id, date_offset, duration, duration_bound,
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
