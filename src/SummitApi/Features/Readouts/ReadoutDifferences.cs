using SummitApi.Features.Vocabularies;

namespace SummitApi.Features.Readouts;

/// <summary>
/// Compares the parties' readouts of one summit topic by topic. Pure, so that every rule can be
/// tested on small hand-made inputs; the endpoint only loads the inputs.
/// </summary>
public static class ReadoutDifferences
{
    public const string Consistent = "consistent";
    public const string Conflicting = "conflicting";
    public const string OneSided = "one_sided";
    public const string AbsentFromAll = "absent_from_all";

    /// <summary>The classifications, as /api/v1/vocabularies lists them.</summary>
    public static readonly IReadOnlyList<VocabularyTerm> ClassificationTerms =
    [
        new(Consistent, "Consistent", "Every party asserts the topic and no statements are linked as contradicting."),
        new(Conflicting, "Conflicting", "Two parties' statements on the topic are linked as contradicting (e.g. different values of one metric, or opposite tone)."),
        new(OneSided, "One-sided", "Some parties assert the topic, others do not."),
        new(AbsentFromAll, "Absent from all", "No party asserts the topic: a source notes that each account left it out (Taiwan at Busan), or no readout touches it; each stance's basis says which."),
    ];

    public static readonly IReadOnlyList<string> Classifications = [.. ClassificationTerms.Select(term => term.Code)];

    public const string Asserts = "asserts";
    public const string NotMentioned = "not_mentioned";
    public const string NoReadout = "no_readout";

    public const string BasisStatement = "statement";
    public const string BasisInferred = "inferred";
    public const string BasisNone = "none";

    /// <param name="summitId">The summit compared.</param>
    /// <param name="summitParties">The summit's participating parties.</param>
    /// <param name="readoutParties">The party of each of the summit's readouts (a readout without statements still counts).</param>
    /// <param name="statements">Every statement of the summit's readouts.</param>
    /// <param name="outcomeTopics">The topic of each of the summit's outcomes.</param>
    public static ReadoutDifferencesDto Compute(
        string summitId,
        IEnumerable<string> summitParties,
        IEnumerable<string> readoutParties,
        IReadOnlyCollection<ReadoutStatementDto> statements,
        IEnumerable<string> outcomeTopics)
    {
        var partiesWithReadouts = readoutParties.ToHashSet(StringComparer.Ordinal);
        var parties = summitParties.Union(partiesWithReadouts, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var topics = statements.Select(s => s.Topic).Union(outcomeTopics, StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var byId = statements.ToDictionary(s => s.Id, StringComparer.Ordinal);

        var items = topics.Select(topic =>
        {
            var onTopic = statements.Where(s => s.Topic == topic).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
            var stances = parties
                .Select(party => StanceOf(party, onTopic.Where(s => s.PartyId == party).ToList(), partiesWithReadouts.Contains(party)))
                .ToList();
            return new ReadoutDifferenceDto { Topic = topic, Classification = Classify(onTopic, stances, byId), Stances = stances };
        });
        return new ReadoutDifferencesDto { SummitId = summitId, Parties = parties, Items = items.ToList() };
    }

    private static PartyStanceDto StanceOf(string party, List<ReadoutStatementDto> own, bool hasReadouts)
    {
        var (stance, basis) =
            own.Any(s => s.Stance == Asserts) ? (Asserts, BasisStatement)
            : own.Any(s => s.Stance == NotMentioned) ? (NotMentioned, BasisStatement)
            : hasReadouts ? (NotMentioned, BasisInferred)
            : (NoReadout, BasisNone);
        return new PartyStanceDto
        {
            Party = party,
            Stance = stance,
            Basis = basis,
            Statements = own.Select(s => new PartyStanceStatementDto
            {
                Id = s.Id, ReadoutId = s.ReadoutId, Stance = s.Stance, Claim = s.Claim, Contradicts = s.Contradicts, Citations = s.Citations,
            }).ToList(),
        };
    }

    private static string Classify(List<ReadoutStatementDto> onTopic, List<PartyStanceDto> stances, Dictionary<string, ReadoutStatementDto> byId)
    {
        // Each statement on the topic is checked, so a link written on either side of a pair is found.
        var contradicted = onTopic.Any(s => s.Contradicts.Any(id =>
            byId.TryGetValue(id, out var other) && other.Topic == s.Topic && other.PartyId != s.PartyId));
        if (contradicted)
        {
            return Conflicting;
        }
        var asserting = stances.Count(s => s.Stance == Asserts);
        return asserting == 0 ? AbsentFromAll
            : asserting == stances.Count ? Consistent
            : OneSided;
    }
}
