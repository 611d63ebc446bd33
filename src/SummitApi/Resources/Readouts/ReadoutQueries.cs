namespace SummitApi.Resources.Readouts;

internal static class ReadoutQueries
{
    private const string Columns = """
        id, summit_id, party_id, kind, issuer_id, title, published_date, published_date_precision,
        published_date_qualifier, published_date_basis, published_date_anchor_type, published_date_anchor_id,
        published_date_offset, tone, notes, cited.citations
        """;

    private const string From = "readout CROSS JOIN LATERAL record_citations('readout', readout.id) AS cited";

    public const string ById = $"SELECT {Columns} FROM {From} WHERE id = @id";

    /// <summary>Every row in the exports' order: bytewise by id, whatever the database's collation.</summary>
    public const string AllForExport = $"SELECT {Columns} FROM {From} ORDER BY id COLLATE \"C\"";

    public const string ListBySummit = $"""
        SELECT {Columns} FROM {From}
         WHERE summit_id = @summitId
           AND (@after::text IS NULL OR id > @after)
         ORDER BY id
         LIMIT @limit
        """;

    private const string StatementSelect = """
        SELECT s.id, s.readout_id, r.party_id, s.topic, s.stance, s.basis, s.speaker_id, s.claim, s.outcome_id, s.concession_id,
               s.contradicts, s.agrees_with, s.notes, cited.citations
          FROM readout_statement s
          JOIN readout r ON r.id = s.readout_id
         CROSS JOIN LATERAL record_citations('readout_statement', s.id) AS cited
        """;

    public const string StatementById = $"{StatementSelect} WHERE s.id = @id";

    /// <summary>Every row in the exports' order: bytewise by id, whatever the database's collation.</summary>
    public const string AllStatementsForExport = $"{StatementSelect} ORDER BY s.id COLLATE \"C\"";

    /// <summary>Every summit id, in the exports' order.</summary>
    public const string AllSummitIdsForExport = "SELECT id FROM summit ORDER BY id COLLATE \"C\"";

    public const string StatementsOfReadouts = $"""
        {StatementSelect}
         WHERE s.readout_id = ANY (@ids)
         ORDER BY s.id
        """;
}
