namespace SummitApi.Resources.Parties;

internal static class PartyQueries
{
    public const string Columns = "id, name, kind";

    public const string ById = $"SELECT {Columns} FROM party WHERE id = @id";

    /// <summary>Every row in the exports' order: bytewise by id, whatever the database's collation.</summary>
    public const string AllForExport = $"SELECT {Columns} FROM party ORDER BY id COLLATE \"C\"";

    public const string List = $"""
        SELECT {Columns} FROM party
         WHERE (@after::text IS NULL OR id > @after)
         ORDER BY id
         LIMIT @limit
        """;
}
