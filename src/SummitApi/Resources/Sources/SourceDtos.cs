namespace SummitApi.Resources.Sources;

/// <summary>A document that facts cite. Fields the document does not state are null (see notes).</summary>
public sealed record SourceDto
{
    /// <summary>A readable slug.</summary>
    /// <example>nyt-kuo-pierson-2025-10-30</example>
    public required string Id { get; init; }
    /// <example>How Xi Walked Away From Trump Trade Talks Looking Stronger</example>
    public string? Title { get; init; }
    /// <example>The New York Times</example>
    public string? Publisher { get; init; }
    /// <summary>The authors as the document names them; null when it does not say who wrote it.</summary>
    public string[]? Authors { get; init; }
    /// <summary>The first day of the period the document gives as its date; null when not stated.</summary>
    /// <example>2025-10-30</example>
    public DateOnly? PublishedDate { get; init; }
    /// <summary>day, month, quarter or year.</summary>
    /// <example>day</example>
    public string? PublishedDatePrecision { get; init; }
    /// <summary>early, mid, late, or null.</summary>
    public string? PublishedDateQualifier { get; init; }
    /// <summary>A sourceKinds code (see /api/v1/vocabularies).</summary>
    /// <example>news_analysis</example>
    public required string Kind { get; init; }
    /// <summary>The licence the document states, if any.</summary>
    public string? Licence { get; init; }
    public string? Url { get; init; }
    /// <summary>The SHA-256 of the document's text, so anyone holding it can verify every excerpt.</summary>
    public required string Sha256 { get; init; }
    /// <summary>Why a field is null, or how a value was derived.</summary>
    public string? Notes { get; init; }
    /// <summary>How many citations quote this document (see /api/v1/sources/{sourceId}/citations).</summary>
    public required int CitationCount { get; init; }
}
