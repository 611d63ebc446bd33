using SummitApi.Platform.Validation;

namespace SummitApi.Resources.ReadoutDifferences;

/// <summary>
/// Compares the parties' readouts of one summit topic by topic. Pure, so that every rule can be
/// tested on small hand-made inputs; the endpoint only loads the inputs.
/// </summary>
public static class DifferenceClassifier
{
    public const string Consistent = "consistent";
    public const string Conflicting = "conflicting";
    public const string OneSided = "one_sided";
    public const string AbsentFromAll = "absent_from_all";
    public const string Unattributed = "unattributed";

    /// <summary>The classifications, as /api/v1/vocabularies lists them.</summary>
    public static readonly IReadOnlyList<VocabularyTerm> ClassificationTerms =
    [
        new(Consistent, "Consistent", "Every party asserts one claim: its statements are linked as agreeing, and no statements on the topic are linked as contradicting."),
        new(Conflicting, "Conflicting", "Two parties' statements on the topic are linked as contradicting (e.g. different values of one metric, or opposite tone)."),
        new(OneSided, "One-sided", "Some parties assert a claim on the topic that the others do not assert (the sources are silent on them, or note their accounts left it out)."),
        new(AbsentFromAll, "Absent from all", "A source says every party's account left the topic out (Taiwan at Busan)."),
        new(Unattributed, "Unattributed", "No party is reported to assert the topic, and not every account is said to leave it out: the sources report it without saying whose account carries it (port fees at Busan)."),
    ];

    public static readonly IReadOnlyList<string> Classifications = [.. ClassificationTerms.Select(term => term.Code)];

    public const string Asserts = "asserts";
    public const string NotMentioned = "not_mentioned";
    public const string NotReported = "not_reported";
    public const string NoReadout = "no_readout";

    /// <summary>Stances only the comparison gives, where no statement exists; never written on a statement.</summary>
    public static readonly IReadOnlyList<string> ComputedStances = [NotReported, NoReadout];

    public const string BasisStatement = "statement";
    public const string BasisSourceReport = "source_report";
    public const string BasisSourceRemark = "source_remark";
    public const string BasisNone = "none";

    /// <summary>What a party's stance rests on, as /api/v1/vocabularies lists it.</summary>
    public static readonly IReadOnlyList<VocabularyTerm> StanceBasisTerms =
    [
        new(BasisStatement, "Statement", "asserts: a source attributes a statement on the topic to the party's account (listed, with its citations)."),
        new(BasisSourceReport, "Source report", "asserts: a source reports the party's words or pledge on the topic without naming the account (listed, with its citations)."),
        new(BasisSourceRemark, "Source remark", "not_mentioned: a source says the party's account left the topic out (listed, with its citations); never a denial."),
        new(BasisNone, "None", "not_reported or no_readout: no source says what the party's account said on the topic, or the party has no account."),
    ];

    /// <param name="summitId">The summit compared.</param>
    /// <param name="summitParties">The summit's participating parties.</param>
    /// <param name="readoutParties">The party of each of the summit's readouts (a readout without statements still counts).</param>
    /// <param name="statements">Every statement of the summit's readouts.</param>
    /// <param name="outcomeTopics">The topic of each of the summit's outcomes.</param>
    public static ReadoutDifferencesDto Compute(
        string summitId,
        IEnumerable<string> summitParties,
        IEnumerable<string> readoutParties,
        IReadOnlyCollection<ComparedStatement> statements,
        IEnumerable<string> outcomeTopics)
    {
        var partiesWithReadouts = readoutParties.ToHashSet(StringComparer.Ordinal);
        var parties = summitParties.Union(partiesWithReadouts, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var topics = statements.Select(s => s.Topic).Union(outcomeTopics, StringComparer.Ordinal).Order(StringComparer.Ordinal);

        var items = topics.Select(topic =>
        {
            var onTopic = statements.Where(s => s.Topic == topic).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
            var stances = parties
                .Select(party => StanceOf(party, onTopic.Where(s => s.PartyId == party).ToList(), partiesWithReadouts.Contains(party)))
                .ToList();
            return new ReadoutDifferenceDto { Topic = topic, Classification = Classify(onTopic, stances), Stances = stances };
        });
        return new ReadoutDifferencesDto { SummitId = summitId, Parties = parties, Items = items.ToList() };
    }

    private static PartyStanceDto StanceOf(string party, List<ComparedStatement> own, bool hasReadouts)
    {
        var asserting = own.Where(s => s.Stance == Asserts).ToList();
        var (stance, basis) =
            asserting.Count > 0 ? (Asserts, asserting.All(s => s.Basis == BasisSourceReport) ? BasisSourceReport : BasisStatement)
            : own.Any(s => s.Stance == NotMentioned) ? (NotMentioned, BasisSourceRemark)
            : hasReadouts ? (NotReported, BasisNone)
            : (NoReadout, BasisNone);
        return new PartyStanceDto
        {
            Party = party,
            Stance = stance,
            Basis = basis,
            Statements = own.Select(s => new PartyStanceStatementDto
            {
                Id = s.Id, ReadoutId = s.ReadoutId, Stance = s.Stance, Basis = s.Basis, Claim = s.Claim,
                Contradicts = s.Contradicts, AgreesWith = s.AgreesWith, Citations = s.Citations,
            }).ToList(),
        };
    }

    private static string Classify(List<ComparedStatement> onTopic, List<PartyStanceDto> stances)
    {
        var onTopicById = onTopic.ToDictionary(s => s.Id, StringComparer.Ordinal);
        // Each statement on the topic is checked, so a link written on either side of a pair is found.
        var contradicted = onTopic.Any(s => s.Contradicts.Any(id => onTopicById.TryGetValue(id, out var other) && other.PartyId != s.PartyId));
        if (contradicted)
        {
            return Conflicting;
        }
        if (stances.Any(s => s.Stance == Asserts))
        {
            return stances.All(s => s.Stance == Asserts) && SomeClaimIsAssertedByAll(onTopic, onTopicById, stances.Count) ? Consistent : OneSided;
        }
        return stances.Count > 0 && stances.All(s => s.Stance == NotMentioned) ? AbsentFromAll : Unattributed;
    }

    /// <summary>
    /// Whether the asserting statements linked as agreeing (in either direction, and through one another) form one
    /// claim that a statement of every party makes: two parties asserting different things on a topic do not agree.
    /// </summary>
    private static bool SomeClaimIsAssertedByAll(List<ComparedStatement> onTopic, Dictionary<string, ComparedStatement> onTopicById, int partyCount)
    {
        var asserting = onTopic.Where(s => s.Stance == Asserts).ToList();
        var neighbours = asserting.ToDictionary(s => s.Id, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var statement in asserting)
        {
            foreach (var other in statement.AgreesWith.Where(neighbours.ContainsKey))
            {
                neighbours[statement.Id].Add(other);
                neighbours[other].Add(statement.Id);
            }
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in asserting.Where(s => !seen.Contains(s.Id)))
        {
            var claimParties = new HashSet<string>(StringComparer.Ordinal);
            var queue = new Queue<string>([start.Id]);
            seen.Add(start.Id);
            while (queue.TryDequeue(out var id))
            {
                claimParties.Add(onTopicById[id].PartyId);
                foreach (var next in neighbours[id].Where(seen.Add))
                {
                    queue.Enqueue(next);
                }
            }
            if (claimParties.Count == partyCount)
            {
                return true;
            }
        }
        return false;
    }
}
