namespace SummitApi.Features.Parties;

internal static class PartyQueries
{
    public const string Columns = "id, name, kind";

    public const string ById = $"SELECT {Columns} FROM party WHERE id = @id";

    public const string List = $"""
        SELECT {Columns} FROM party
         WHERE (@after::text IS NULL OR id > @after)
         ORDER BY id
         LIMIT @limit
        """;
}
