namespace SummitApi.Features.Vocabularies;

/// <summary>
/// Every vocabulary: the codes records use, each list ordered by code. The first fifteen are data
/// (a new summit's new value is a new row); the last three are fixed by the model.
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
    /// <summary>How precise a loose date is: its date is the first day of the period.</summary>
    public required IReadOnlyList<VocabularyTerm> DatePrecisions { get; init; }
    /// <summary>Which part of a loose date's period the sources mean.</summary>
    public required IReadOnlyList<VocabularyTerm> DateQualifiers { get; init; }
    /// <summary>How the parties' readouts compare on a topic (see /api/v1/summits/{summitId}/readout-differences).</summary>
    public required IReadOnlyList<VocabularyTerm> ReadoutDifferenceClassifications { get; init; }
}
