namespace SummitApi.Resources.Sources;

internal static class SourceQueries
{
    public const string Columns = """
        id, title, publisher, authors, published_date, published_date_precision, published_date_qualifier,
        kind, licence, url, sha256, notes,
        (SELECT count(*) FROM citation c WHERE c.source_id = source.id)::int AS citation_count
        """;

    public const string ById = $"SELECT {Columns} FROM source WHERE id = @id";

    /// <summary>Every row in the exports' order: bytewise by id, whatever the database's collation.</summary>
    public const string AllForExport = $"SELECT {Columns} FROM source ORDER BY id COLLATE \"C\"";

    public const string List = $"""
        SELECT {Columns} FROM source
         WHERE (@after::text IS NULL OR id > @after)
         ORDER BY id
         LIMIT @limit
        """;
}
