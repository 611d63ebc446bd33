namespace SummitApi.Resources.Parties;

/// <summary>A state or a bloc. Reference data: it cites no source.</summary>
public sealed record PartyDto
{
    /// <summary>An ISO 3166-1 alpha-2 code, or a bloc's code.</summary>
    /// <example>US</example>
    public required string Id { get; init; }
    /// <example>United States</example>
    public required string Name { get; init; }
    /// <summary>A partyKinds code (see /api/v1/vocabularies): state or bloc.</summary>
    /// <example>state</example>
    public required string Kind { get; init; }
}
