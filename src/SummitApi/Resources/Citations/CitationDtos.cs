namespace SummitApi.Resources.Citations;

/// <summary>Where a fact comes from: a source and a verbatim excerpt of it.</summary>
/// <param name="SourceId">The cited source (see /api/v1/sources/{id}).</param>
/// <param name="Excerpt">At most 400 characters copied exactly from the source; only runs of whitespace may differ.</param>
public sealed record CitationDto(string SourceId, string Excerpt);

/// <summary>One citation seen from its source: which record it supports and with what excerpt.</summary>
public sealed record SourceCitationDto
{
    /// <example>cit-8b5c114aae4967ff</example>
    public required string Id { get; init; }
    /// <example>nyt-kuo-pierson-2025-10-30</example>
    public required string SourceId { get; init; }
    /// <summary>The kind of record cited, snake_case: actor, summit, outcome, concession, readout, readout_statement, event, assessment or context_figure.</summary>
    /// <example>concession</example>
    public required string RecordType { get; init; }
    /// <example>us-fentanyl-tariff-cut</example>
    public required string RecordId { get; init; }
    /// <summary>At most 400 characters copied exactly from the source; only runs of whitespace may differ.</summary>
    public required string Excerpt { get; init; }
    /// <summary>The API path of the cited record.</summary>
    /// <example>/api/v1/concessions/us-fentanyl-tariff-cut</example>
    public required string RecordPath { get; init; }
}
