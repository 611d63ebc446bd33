namespace SummitApi.Resources.Summits;

internal static class SummitQueries
{
    public const string Columns = """
        id, kind, title, place, occasion, occasion_relation, date, date_precision, date_qualifier,
        date_basis, date_anchor_type, date_anchor_id, date_offset, duration, duration_bound,
        status, parties, notes, cited.citations
        """;

    private const string From = "summit CROSS JOIN LATERAL record_citations('summit', summit.id) AS cited";

    public const string ById = $"SELECT {Columns} FROM {From} WHERE id = @id";

    /// <summary>Every row in the exports' order: bytewise by id, whatever the database's collation.</summary>
    public const string AllForExport = $"SELECT {Columns} FROM {From} ORDER BY id COLLATE \"C\"";

    public const string List = $"""
        SELECT {Columns} FROM {From}
         WHERE (@after::text IS NULL OR id > @after)
         ORDER BY id
         LIMIT @limit
        """;
}
