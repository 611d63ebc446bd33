using SummitApi.Resources.Citations;

namespace SummitApi.Resources.ContextFigures;

/// <summary>A number the sources give as background: a share, a growth target, an election year.</summary>
public sealed record ContextFigureDto
{
    /// <summary>A readable slug.</summary>
    /// <example>china-share-global-rare-earth-processing</example>
    public required string Id { get; init; }
    /// <summary>The summit it is background to, if any.</summary>
    /// <example>busan-2025</example>
    public string? SummitId { get; init; }
    /// <summary>What the number is about.</summary>
    /// <example>China's control of global rare-earth processing facilities</example>
    public required string Subject { get; init; }
    /// <summary>What is measured.</summary>
    /// <example>share</example>
    public required string Metric { get; init; }
    /// <summary>The number the sources give, or the bottom of a range.</summary>
    /// <example>90</example>
    public required decimal Value { get; init; }
    /// <summary>The top of a range ("3 to 5 years"); null for a single number.</summary>
    public decimal? ValueHigh { get; init; }
    /// <summary>A bounds code qualifying the value ("over six years" is 6, more_than); null when the value is exact.</summary>
    public string? Bound { get; init; }
    /// <summary>A units code (see /api/v1/vocabularies).</summary>
    /// <example>percent</example>
    public required string Unit { get; init; }
    /// <summary>The period the number applies to, as free text; null when the sources give none.</summary>
    /// <example>2025</example>
    public string? Period { get; init; }
    /// <summary>True when the sources hedge the number ("around 47 percent").</summary>
    public required bool Approximate { get; init; }
    /// <summary>The parties whose own account gives the number; empty when only the press or an analyst does.</summary>
    public required string[] ReportedBy { get; init; }
    /// <summary>Why a field is null, or how a value was derived.</summary>
    public string? Notes { get; init; }
    public required IReadOnlyList<CitationDto> Citations { get; init; }
}
