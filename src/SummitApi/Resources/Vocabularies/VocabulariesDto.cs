using SummitApi.Platform.Validation;

namespace SummitApi.Resources.Vocabularies;

/// <summary>
/// Every vocabulary: the codes records use, each list ordered by code. Most are data (a new summit's new
/// value is a new row); date precisions and qualifiers, classifications and stance bases are fixed by the model.
/// </summary>
public sealed record VocabulariesDto
{
    /// <summary>What outcomes, readout statements and assessments are about.</summary>
    public required IReadOnlyList<VocabularyTerm> Topics { get; init; }
    /// <summary>What a concession gives.</summary>
    public required IReadOnlyList<VocabularyTerm> ConcessionActions { get; init; }
    /// <summary>Units of concessions' values and context figures.</summary>
    public required IReadOnlyList<VocabularyTerm> Units { get; init; }
    public required IReadOnlyList<VocabularyTerm> SummitKinds { get; init; }
    public required IReadOnlyList<VocabularyTerm> SummitStatuses { get; init; }
    public required IReadOnlyList<VocabularyTerm> OutcomeKinds { get; init; }
    public required IReadOnlyList<VocabularyTerm> OutcomeStatuses { get; init; }
    public required IReadOnlyList<VocabularyTerm> ReadoutKinds { get; init; }
    public required IReadOnlyList<VocabularyTerm> ReadoutTones { get; init; }
    /// <summary>A readout statement's stance on its topic.</summary>
    public required IReadOnlyList<VocabularyTerm> Stances { get; init; }
    public required IReadOnlyList<VocabularyTerm> EventKinds { get; init; }
    public required IReadOnlyList<VocabularyTerm> SourceKinds { get; init; }
    public required IReadOnlyList<VocabularyTerm> ActorKinds { get; init; }
    public required IReadOnlyList<VocabularyTerm> PartyKinds { get; init; }
    /// <summary>Qualifiers of a number or a duration: less_than, more_than, about.</summary>
    public required IReadOnlyList<VocabularyTerm> Bounds { get; init; }
    /// <summary>Whether a loose date is stated by a source, derived from another record's date, or assumed by the curator.</summary>
    public required IReadOnlyList<VocabularyTerm> DateBases { get; init; }
    /// <summary>How a summit relates to its occasion: at, alongside, ahead_of.</summary>
    public required IReadOnlyList<VocabularyTerm> OccasionRelations { get; init; }
    /// <summary>What a readout statement rests on: the account itself, a source's report of the party's words, or a source's remark that the account left the topic out.</summary>
    public required IReadOnlyList<VocabularyTerm> StatementBases { get; init; }
    /// <summary>How precise a loose date is: its date is the first day of the period.</summary>
    public required IReadOnlyList<VocabularyTerm> DatePrecisions { get; init; }
    /// <summary>Which part of a loose date's period the sources mean.</summary>
    public required IReadOnlyList<VocabularyTerm> DateQualifiers { get; init; }
    /// <summary>How the parties' readouts compare on a topic (see /api/v1/summits/{summitId}/readout-differences).</summary>
    public required IReadOnlyList<VocabularyTerm> ReadoutDifferenceClassifications { get; init; }
    /// <summary>What a party's stance in the readout differences rests on.</summary>
    public required IReadOnlyList<VocabularyTerm> StanceBases { get; init; }
}
