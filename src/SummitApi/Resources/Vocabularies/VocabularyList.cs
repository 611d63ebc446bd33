using SummitApi.Platform.Validation;

namespace SummitApi.Resources.Vocabularies;

/// <summary>The vocabularies of the data set: each a table of codes, listed at /api/v1/vocabularies and seeded from vocabularies.json.</summary>
public static class VocabularyList
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
