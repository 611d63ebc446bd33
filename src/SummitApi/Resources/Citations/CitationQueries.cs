namespace SummitApi.Resources.Citations;

internal static class CitationQueries
{
    // Every record type's resource is its kebab-case plural: readout_statement → /api/v1/readout-statements/{id}.
    public const string Columns = """
        id, source_id, record_type, record_id, excerpt,
        '/api/v1/' || replace(record_type, '_', '-') || 's/' || record_id AS record_path
        """;

    public const string ById = $"SELECT {Columns} FROM citation WHERE id = @id";

    /// <summary>Every row in the exports' order: bytewise by id, whatever the database's collation.</summary>
    public const string AllForExport = $"SELECT {Columns} FROM citation ORDER BY id COLLATE \"C\"";

    public const string List = $"""
        SELECT {Columns} FROM citation
         WHERE (@source::text IS NULL OR source_id = @source)
           AND (@recordType::text IS NULL OR record_type = @recordType)
           AND (@after::text IS NULL OR id > @after)
         ORDER BY id
         LIMIT @limit
        """;
}
