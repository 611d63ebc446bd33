using SummitApi.Resources.Citations;

namespace SummitApi.Resources.Summits;

/// <summary>An engagement between leaders: a meeting, a call or a visit.</summary>
public sealed record SummitDto
{
    /// <summary>A readable slug.</summary>
    /// <example>busan-2025</example>
    public required string Id { get; init; }
    /// <summary>A summitKinds code (see /api/v1/vocabularies): in_person, call, state_visit, …</summary>
    /// <example>in_person</example>
    public required string Kind { get; init; }
    public required string Title { get; init; }
    /// <example>Busan, South Korea</example>
    public string? Place { get; init; }
    /// <summary>The larger gathering it was held at, if any.</summary>
    public string? Occasion { get; init; }
    /// <summary>An occasionRelations code: how the sources place it relative to its occasion (at, alongside, ahead_of); null without an occasion.</summary>
    /// <example>ahead_of</example>
    public string? OccasionRelation { get; init; }
    /// <summary>The first day of the period the sources give; null when not stated (see notes).</summary>
    /// <example>2025-10-30</example>
    public DateOnly? Date { get; init; }
    /// <summary>day, month, quarter or year.</summary>
    /// <example>day</example>
    public string? DatePrecision { get; init; }
    /// <summary>early, mid, late, or null.</summary>
    public string? DateQualifier { get; init; }
    /// <summary>A dateBases code: stated (a source gives the date at this precision), derived (computed from dateAnchorId and dateOffset) or assumed (the curator's assumption, see notes); null without a date, or when a writer did not give one (unknown, never presumed stated).</summary>
    /// <example>stated</example>
    public string? DateBasis { get; init; }
    /// <summary>For a derived date: the kind of record it is computed from (summit or event).</summary>
    public string? DateAnchorType { get; init; }
    /// <summary>For a derived date: the id of the record it is computed from.</summary>
    public string? DateAnchorId { get; init; }
    /// <summary>For a derived date: the ISO 8601 offset from the anchor's date, a leading minus for before (P1D: a day later).</summary>
    public string? DateOffset { get; init; }
    /// <summary>Its length as an ISO 8601 duration, when stated.</summary>
    /// <example>PT2H</example>
    public string? Duration { get; init; }
    /// <summary>A bounds code qualifying the duration ("under two hours" is PT2H, less_than).</summary>
    public string? DurationBound { get; init; }
    /// <summary>A summitStatuses code: held, planned, tentative, …</summary>
    /// <example>held</example>
    public required string Status { get; init; }
    /// <summary>Participating parties.</summary>
    public required string[] Parties { get; init; }
    /// <summary>Why a field is null, or how a value was derived.</summary>
    public string? Notes { get; init; }
    public required IReadOnlyList<CitationDto> Citations { get; init; }
}
