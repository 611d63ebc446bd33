using Dapper;
using Npgsql;

namespace SummitApi.Resources.ReadoutDifferences;

/// <summary>Loads what the comparison needs and runs it: for the endpoint and the exports alike.</summary>
public static class ReadoutDifferenceQuery
{
    /// <summary>What readout differences compare besides the statements; no row for an unknown summit.</summary>
    private const string Scope = """
        SELECT s.parties AS summit_parties,
               ARRAY(SELECT DISTINCT r.party_id FROM readout r WHERE r.summit_id = s.id) AS readout_parties,
               ARRAY(SELECT DISTINCT o.topic FROM outcome o WHERE o.summit_id = s.id) AS outcome_topics
          FROM summit s
         WHERE s.id = @summitId
        """;

    /// <summary>Every statement of the summit's readouts, with the party whose readout holds it.</summary>
    private const string StatementsOfSummit = """
        SELECT s.id, s.readout_id, r.party_id, s.topic, s.stance, s.basis, s.claim,
               s.contradicts, s.agrees_with, citations_of('readout_statement', s.id) AS citations
          FROM readout_statement s
          JOIN readout r ON r.id = s.readout_id
         WHERE r.summit_id = @summitId
         ORDER BY s.id
        """;

    /// <summary>A summit's readout differences; null for an unknown summit.</summary>
    public static async Task<ReadoutDifferencesDto?> ComputeAsync(NpgsqlConnection connection, string summitId)
    {
        var scope = await connection.QuerySingleOrDefaultAsync<ScopeRow>(Scope, new { summitId });
        if (scope is null)
        {
            return null;
        }
        var statements = (await connection.QueryAsync<ComparedStatement>(StatementsOfSummit, new { summitId })).AsList();
        return DifferenceClassifier.Compute(summitId, scope.SummitParties, scope.ReadoutParties, statements, scope.OutcomeTopics);
    }

    private sealed record ScopeRow
    {
        public required string[] SummitParties { get; init; }
        public required string[] ReadoutParties { get; init; }
        public required string[] OutcomeTopics { get; init; }
    }
}
