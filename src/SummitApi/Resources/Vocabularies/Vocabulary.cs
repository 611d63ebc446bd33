namespace SummitApi.Resources.Vocabularies;

/// <summary>A controlled list of codes kept as rows of its own table.</summary>
/// <param name="Name">The name in the API and the seed files (camelCase plural).</param>
/// <param name="Table">The table that holds its terms.</param>
public sealed record Vocabulary(string Name, string Table)
{
    public static readonly IReadOnlyList<Vocabulary> All =
    [
        new("topics", "topic"),
        new("concessionActions", "concession_action"),
        new("units", "unit"),
        new("summitKinds", "summit_kind"),
        new("summitStatuses", "summit_status"),
        new("outcomeKinds", "outcome_kind"),
        new("outcomeStatuses", "outcome_status"),
        new("readoutKinds", "readout_kind"),
        new("readoutTones", "readout_tone"),
        new("stances", "stance"),
        new("eventKinds", "event_kind"),
        new("sourceKinds", "source_kind"),
        new("actorKinds", "actor_kind"),
        new("partyKinds", "party_kind"),
        new("bounds", "bound"),
        new("dateBases", "date_basis"),
        new("occasionRelations", "occasion_relation"),
        new("statementBases", "statement_basis"),
    ];
}

/// <summary>One code of a vocabulary.</summary>
/// <param name="Code">The snake_case value used in records.</param>
/// <param name="Label">A human label.</param>
/// <param name="Description">What the code means.</param>
public sealed record VocabularyTerm(string Code, string Label, string? Description);
