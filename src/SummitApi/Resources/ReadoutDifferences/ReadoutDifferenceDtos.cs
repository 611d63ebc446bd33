using SummitApi.Resources.Citations;

namespace SummitApi.Resources.ReadoutDifferences;

/// <summary>How the parties' readouts of one summit differ, topic by topic. Computed on every request, never stored.</summary>
public sealed record ReadoutDifferencesDto
{
    /// <summary>The summit compared.</summary>
    /// <example>busan-2025</example>
    public required string SummitId { get; init; }
    /// <summary>The parties compared: the summit's participants and the parties of its readouts, sorted.</summary>
    public required IReadOnlyList<string> Parties { get; init; }
    /// <summary>One entry per topic, ordered by topic.</summary>
    public required IReadOnlyList<ReadoutDifferenceDto> Items { get; init; }
}

/// <summary>Each party's stance on one topic side by side, and how they compare.</summary>
public sealed record ReadoutDifferenceDto
{
    /// <summary>A topics code.</summary>
    /// <example>meeting_assessment</example>
    public required string Topic { get; init; }
    /// <summary>consistent, conflicting, one_sided, absent_from_all or unattributed (see readoutDifferenceClassifications at /api/v1/vocabularies).</summary>
    /// <example>conflicting</example>
    public required string Classification { get; init; }
    /// <summary>One entry per compared party, ordered by party.</summary>
    public required IReadOnlyList<PartyStanceDto> Stances { get; init; }
}

/// <summary>One party's stance on one topic, and what it rests on.</summary>
public sealed record PartyStanceDto
{
    /// <example>US</example>
    public required string Party { get; init; }
    /// <summary>asserts (a source attributes to the party's account, or reports the party's words, a claim on the topic), not_mentioned (a source says the party's account left the topic out), not_reported (no source says what the party's account said on the topic: silence, not an omission) or no_readout (the party has no account of the summit).</summary>
    /// <example>asserts</example>
    public required string Stance { get; init; }
    /// <summary>What the stance rests on (see stanceBases at /api/v1/vocabularies): statement or source_report for asserts, source_remark for not_mentioned, none for not_reported and no_readout.</summary>
    /// <example>statement</example>
    public required string Basis { get; init; }
    /// <summary>The party's readout statements on the topic, ordered by id, with their citations; empty when the basis is none.</summary>
    public required IReadOnlyList<PartyStanceStatementDto> Statements { get; init; }
}

/// <summary>A readout statement as a stance rests on it (see /api/v1/readout-statements/{id} for all of it).</summary>
public sealed record PartyStanceStatementDto
{
    /// <example>us-trump-remarks-12-out-of-10</example>
    public required string Id { get; init; }
    /// <example>us-trump-remarks-busan</example>
    public required string ReadoutId { get; init; }
    /// <summary>asserts or not_mentioned.</summary>
    /// <example>asserts</example>
    public required string Stance { get; init; }
    /// <summary>readout, source_report or source_remark (see statementBases at /api/v1/vocabularies); null when the writer did not say.</summary>
    /// <example>readout</example>
    public string? Basis { get; init; }
    public string? Claim { get; init; }
    /// <summary>Ids of statements (of another party) this one conflicts with.</summary>
    public required string[] Contradicts { get; init; }
    /// <summary>Ids of statements (of another party) that make the same claim.</summary>
    public required string[] AgreesWith { get; init; }
    public required IReadOnlyList<CitationDto> Citations { get; init; }
}
