using SummitApi.Resources.Citations;

namespace SummitApi.Resources.Outcomes;

/// <summary>One result of a summit: an agreement, a commitment, a claim one side made, or an omission the sources observed.</summary>
public sealed record OutcomeDto
{
    /// <summary>A readable slug.</summary>
    /// <example>truce-extension</example>
    public required string Id { get; init; }
    /// <summary>The summit it came out of.</summary>
    /// <example>busan-2025</example>
    public required string SummitId { get; init; }
    /// <summary>A topics code (see /api/v1/vocabularies).</summary>
    /// <example>trade_truce</example>
    public required string Topic { get; init; }
    /// <example>One-year extension of the tariff truce</example>
    public required string Title { get; init; }
    /// <summary>What the sources say was agreed or claimed, in their words where possible.</summary>
    public string? Summary { get; init; }
    /// <summary>An outcomeKinds code: agreement, commitment, claim, omission, …</summary>
    /// <example>agreement</example>
    public required string Kind { get; init; }
    /// <summary>An outcomeStatuses code: announced, confirmed, implemented, disputed, lapsed, …</summary>
    /// <example>announced</example>
    public required string Status { get; init; }
    /// <summary>The parties whose own account makes the claim; empty when only the press or an analyst does.</summary>
    /// <example>["CN"]</example>
    public required string[] ReportedBy { get; init; }
    /// <summary>The ids of its structured concessions (see /api/v1/concessions/{id}), ordered by id.</summary>
    /// <example>["cn-truce-extension", "us-truce-extension"]</example>
    public required string[] ConcessionIds { get; init; }
    /// <summary>Why a field is null, or how a value was derived.</summary>
    public string? Notes { get; init; }
    public required IReadOnlyList<CitationDto> Citations { get; init; }
}
