namespace SummitApi.Resources.Actors;

internal static class ActorQueries
{
    public const string Columns = """
        id, name, kind, role, affiliation, party_id, notes, citations_of('actor', id) AS citations
        """;

    public const string ById = $"SELECT {Columns} FROM actor WHERE id = @id";

    /// <summary>Every row in the exports' order: bytewise by id, whatever the database's collation.</summary>
    public const string AllForExport = $"SELECT {Columns} FROM actor ORDER BY id COLLATE \"C\"";

    public const string List = $"""
        SELECT {Columns} FROM actor
         WHERE (@party::text IS NULL OR party_id = @party)
           AND (@after::text IS NULL OR id > @after)
         ORDER BY id
         LIMIT @limit
        """;
}
