using SummitApi.Resources.Citations;

namespace SummitApi.Resources.Actors;

/// <summary>A person or a body the sources name: a leader, a ministry, an analyst, a journalist.</summary>
public sealed record ActorDto
{
    /// <summary>A readable slug.</summary>
    /// <example>julian-gewirtz</example>
    public required string Id { get; init; }
    /// <example>Julian Gewirtz</example>
    public required string Name { get; init; }
    /// <summary>An actorKinds code (see /api/v1/vocabularies): person or organisation.</summary>
    /// <example>person</example>
    public required string Kind { get; init; }
    /// <summary>The role the sources give, in their words; null when they give none.</summary>
    /// <example>Former senior China policy official</example>
    public string? Role { get; init; }
    /// <summary>The institution the sources tie the actor to, if any.</summary>
    public string? Affiliation { get; init; }
    /// <summary>The party the actor speaks for; null for analysts, journalists and others who speak for no state.</summary>
    /// <example>US</example>
    public string? PartyId { get; init; }
    /// <summary>Why a field is null, or how a value was derived.</summary>
    public string? Notes { get; init; }
    public required IReadOnlyList<CitationDto> Citations { get; init; }
}
