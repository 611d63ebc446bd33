using SummitApi.Resources.Citations;

namespace SummitApi.Resources.Timeline;

/// <summary>Something that happened, or is planned, around a summit: a tariff action, a control, a call, an expiry, a visit.</summary>
public sealed record EventDto
{
    /// <summary>A readable slug.</summary>
    /// <example>trump-xi-call-late-november</example>
    public required string Id { get; init; }
    /// <summary>The first day of the period the sources give; null when not stated (see notes).</summary>
    /// <example>2025-11-01</example>
    public DateOnly? Date { get; init; }
    /// <summary>day, month, quarter or year.</summary>
    /// <example>month</example>
    public string? DatePrecision { get; init; }
    /// <summary>early, mid, late, or null.</summary>
    /// <example>late</example>
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
    /// <summary>An eventKinds code: tariff_action, export_control, call, expiry, planned_visit, …</summary>
    /// <example>call</example>
    public required string Kind { get; init; }
    /// <example>Trump and Xi hold a call</example>
    public required string Title { get; init; }
    public string? Description { get; init; }
    /// <summary>The parties involved.</summary>
    /// <example>["US", "CN"]</example>
    public required string[] Parties { get; init; }
    /// <summary>The summits it belongs to the timeline of.</summary>
    /// <example>["busan-2025", "trump-xi-call-2025-11"]</example>
    public required string[] SummitIds { get; init; }
    /// <summary>The concessions it concerns.</summary>
    /// <example>[]</example>
    public required string[] ConcessionIds { get; init; }
    /// <summary>Events the sources place this one after; the timeline places an undated event right after the latest of them.</summary>
    /// <example>[]</example>
    public required string[] After { get; init; }
    /// <summary>Events the sources place this one before; an undated event without dated 'after' events goes right before the earliest of them.</summary>
    /// <example>[]</example>
    public required string[] Before { get; init; }
    /// <summary>Why a field is null, or how a value was derived.</summary>
    public string? Notes { get; init; }
    public required IReadOnlyList<CitationDto> Citations { get; init; }
}
