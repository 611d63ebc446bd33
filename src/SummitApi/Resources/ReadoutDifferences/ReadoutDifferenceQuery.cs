using Dapper;
using Npgsql;
using SummitApi.Platform.Data;

namespace SummitApi.Resources.ReadoutDifferences;

/// <summary>Loads what the comparison needs and runs it: for the endpoint and the exports alike.</summary>
public static class ReadoutDifferenceQuery
{
    /// <summary>
    /// One statement: the data revision it reads at; whether the topic a request filters by is null or a known code
    /// (an unknown one is a 400, before an unknown summit is a 404); and, unless the caller already holds the comparison
    /// made at that revision (@knownRevision), everything the comparison needs as one JSON object, null for an unknown
    /// summit. CASE runs its subqueries only when it takes their branch, so a known revision costs one index lookup.
    /// </summary>
    private const string Inputs = $$"""
        SELECT revision.seq AS data_revision,
               (@topic::text IS NULL OR EXISTS (SELECT 1 FROM topic WHERE code = @topic)) AS topic_known,
               CASE WHEN revision.seq IS DISTINCT FROM @knownRevision::bigint THEN (
                   SELECT json_build_object(
                              'summitParties', s.parties,
                              'readoutParties', ARRAY(SELECT DISTINCT r.party_id FROM readout r WHERE r.summit_id = s.id),
                              'outcomeTopics', ARRAY(SELECT DISTINCT o.topic FROM outcome o WHERE o.summit_id = s.id),
                              'statements', (
                                  SELECT coalesce(json_agg(json_build_object(
                                             'id', st.id, 'readoutId', st.readout_id, 'partyId', r.party_id, 'topic', st.topic,
                                             'stance', st.stance, 'basis', st.basis, 'claim', st.claim, 'contradicts', st.contradicts,
                                             'agreesWith', st.agrees_with, 'citations', cited.citations) ORDER BY st.id), '[]')
                                    FROM readout_statement st
                                    JOIN readout r ON r.id = st.readout_id
                                   CROSS JOIN LATERAL record_citations('readout_statement', st.id) AS cited
                                   WHERE r.summit_id = s.id))
                     FROM summit s
                    WHERE s.id = @summitId)
               END AS inputs
          FROM ({{DataRevision.Sql}}) AS revision (seq)
        """;

    /// <summary>A summit's readout differences; null for an unknown summit.</summary>
    public static async Task<ReadoutDifferencesDto?> ComputeAsync(NpgsqlConnection connection, string summitId) =>
        (await ReadAsync(connection, summitId, topic: null, knownRevision: null)).Differences;

    /// <param name="knownRevision">The data revision of a comparison the caller holds: at that revision nothing is computed.</param>
    /// <returns>
    /// The data revision read at; whether <paramref name="topic"/> is null or a known topic code; and the summit's readout
    /// differences, null for an unknown summit or when the revision read at is <paramref name="knownRevision"/>.
    /// </returns>
    public static async Task<(long Revision, bool TopicKnown, ReadoutDifferencesDto? Differences)> ReadAsync(
        NpgsqlConnection connection, string summitId, string? topic, long? knownRevision)
    {
        var read = await connection.QuerySingleAsync<InputsRow>(Inputs, new { summitId, topic, knownRevision });
        return (read.DataRevision, read.TopicKnown, read.Inputs is not { } inputs
            ? null
            : DifferenceClassifier.Compute(summitId, inputs.SummitParties, inputs.ReadoutParties, inputs.Statements, inputs.OutcomeTopics));
    }

    private sealed record InputsRow
    {
        public required long DataRevision { get; init; }
        public required bool TopicKnown { get; init; }
        public ComparisonInputs? Inputs { get; init; }
    }
}

/// <summary>What a summit's comparison reads, as the statement of <see cref="ReadoutDifferenceQuery"/> returns it in JSON.</summary>
public sealed record ComparisonInputs
{
    public required string[] SummitParties { get; init; }
    public required string[] ReadoutParties { get; init; }
    public required string[] OutcomeTopics { get; init; }
    public required IReadOnlyList<ComparedStatement> Statements { get; init; }
}
