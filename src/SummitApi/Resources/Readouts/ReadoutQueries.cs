
namespace SummitApi.Resources.Readouts;

internal static class ReadoutQueries
{
    private const string Columns = """
        id, summit_id, party_id, kind, issuer_id, title, published_date, published_date_precision,
        published_date_qualifier, published_date_basis, published_date_anchor_type, published_date_anchor_id,
        published_date_offset, tone, notes, citations_of('readout', id) AS citations
        """;

    public const string ById = $"SELECT {Columns} FROM readout WHERE id = @id";

    /// <summary>Every row in the exports' order: bytewise by id, whatever the database's collation.</summary>
    public const string AllForExport = $"SELECT {Columns} FROM readout ORDER BY id COLLATE \"C\"";

    public const string ListBySummit = $"""
        SELECT {Columns} FROM readout
         WHERE summit_id = @summitId
           AND (@after::text IS NULL OR id > @after)
         ORDER BY id
         LIMIT @limit
        """;

    private const string StatementSelect = """
        SELECT s.id, s.readout_id, r.party_id, s.topic, s.stance, s.basis, s.speaker_id, s.claim, s.outcome_id, s.concession_id,
               s.contradicts, s.agrees_with, s.notes, citations_of('readout_statement', s.id) AS citations
          FROM readout_statement s
          JOIN readout r ON r.id = s.readout_id
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

    public const string StatementsOfSummit = $"""
        {StatementSelect}
         WHERE r.summit_id = @summitId
         ORDER BY s.id
        """;

    public const string SummitExists = "SELECT EXISTS (SELECT 1 FROM summit WHERE id = @summitId)";

    /// <summary>What readout differences compare besides the statements; no row for an unknown summit.</summary>
    public const string DifferenceScope = """
        SELECT s.parties AS summit_parties,
               ARRAY(SELECT DISTINCT r.party_id FROM readout r WHERE r.summit_id = s.id) AS readout_parties,
               ARRAY(SELECT DISTINCT o.topic FROM outcome o WHERE o.summit_id = s.id) AS outcome_topics
          FROM summit s
         WHERE s.id = @summitId
        """;
}

/// <summary>A row of <see cref="ReadoutQueries.DifferenceScope"/>.</summary>
internal sealed record DifferenceScopeRow
{
    public required string[] SummitParties { get; init; }
    public required string[] ReadoutParties { get; init; }
    public required string[] OutcomeTopics { get; init; }
}
