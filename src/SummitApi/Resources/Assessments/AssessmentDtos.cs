using SummitApi.Resources.Citations;

namespace SummitApi.Resources.Assessments;

/// <summary>An analyst's (or a source's own) quoted judgement.</summary>
public sealed record AssessmentDto
{
    /// <summary>A readable slug.</summary>
    /// <example>zhu-feng-lose-lose</example>
    public required string Id { get; init; }
    /// <summary>The actor who said it; null when the source itself judges (an unsigned analysis, a newspaper's own analysis) or cites unnamed experts.</summary>
    /// <example>zhu-feng</example>
    public string? SpeakerId { get; init; }
    /// <summary>The summit it judges, if any.</summary>
    /// <example>busan-2025</example>
    public string? SummitId { get; init; }
    /// <summary>A topics code (see /api/v1/vocabularies), or null when it is about no single topic.</summary>
    /// <example>rare_earths</example>
    public string? Topic { get; init; }
    /// <summary>The judgement, verbatim from the source.</summary>
    public required string Quote { get; init; }
    /// <summary>Context the quote needs, or why a field is null.</summary>
    public string? Notes { get; init; }
    public required IReadOnlyList<CitationDto> Citations { get; init; }
}
