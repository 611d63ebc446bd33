using SummitApi.Resources.Citations;

namespace SummitApi.Resources.ReadoutDifferences;

/// <summary>A readout statement as the comparison sees it: whose account, on which topic, with which stance and links.</summary>
public sealed record ComparedStatement
{
    public required string Id { get; init; }
    public required string ReadoutId { get; init; }
    public required string PartyId { get; init; }
    public required string Topic { get; init; }
    public required string Stance { get; init; }
    public string? Basis { get; init; }
    public string? Claim { get; init; }
    public required string[] Contradicts { get; init; }
    public required string[] AgreesWith { get; init; }
    public required IReadOnlyList<CitationDto> Citations { get; init; }
}
