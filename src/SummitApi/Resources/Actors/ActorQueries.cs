namespace SummitApi.Resources.Actors;

internal static class ActorQueries
{
    public const string Columns = """
        id, name, kind, role, affiliation, party_id, notes, cited.citations
        """;

    private const string From = "actor CROSS JOIN LATERAL record_citations('actor', actor.id) AS cited";

    public const string ById = $"SELECT {Columns} FROM {From} WHERE id = @id";

    /// <summary>Every row in the exports' order: bytewise by id, whatever the database's collation.</summary>
    public const string AllForExport = $"SELECT {Columns} FROM {From} ORDER BY id COLLATE \"C\"";

    public const string List = $"""
        SELECT {Columns} FROM {From}
         WHERE (@party::text IS NULL OR party_id = @party)
           AND (@after::text IS NULL OR id > @after)
         ORDER BY id
         LIMIT @limit
        """;
}
