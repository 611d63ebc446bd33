using SummitApi.Resources.Citations;

namespace SummitApi.Resources.Readouts;

/// <summary>One side's account of a summit (an official summary, a ministry statement, a leader's remarks, a post), with what it says topic by topic.</summary>
public sealed record ReadoutDto
{
    /// <summary>A readable slug.</summary>
    /// <example>cn-government-summary-busan</example>
    public required string Id { get; init; }
    /// <summary>The summit it gives an account of.</summary>
    /// <example>busan-2025</example>
    public required string SummitId { get; init; }
    /// <summary>The party whose account it is.</summary>
    /// <example>CN</example>
    public required string PartyId { get; init; }
    /// <summary>A readoutKinds code: official_summary, ministry_statement, leader_remarks, social_media_post, …</summary>
    /// <example>official_summary</example>
    public required string Kind { get; init; }
    /// <summary>The actor who issued it (see /api/v1/actors/{id}), or null when the sources do not say.</summary>
    /// <example>chinese-government</example>
    public string? IssuerId { get; init; }
    public required string Title { get; init; }
    /// <summary>The first day of the period the sources give; null when not stated (see notes).</summary>
    /// <example>2025-10-30</example>
    public DateOnly? PublishedDate { get; init; }
    /// <summary>day, month, quarter or year.</summary>
    /// <example>day</example>
    public string? PublishedDatePrecision { get; init; }
    /// <summary>early, mid, late, or null.</summary>
    public string? PublishedDateQualifier { get; init; }
    /// <summary>A dateBases code: stated (a source gives the date at this precision), derived (computed from publishedDateAnchorId and publishedDateOffset) or assumed (the curator's assumption, see notes); null without a date, or when a writer did not give one (unknown, never presumed stated).</summary>
    /// <example>assumed</example>
    public string? PublishedDateBasis { get; init; }
    /// <summary>For a derived publication date: the kind of record it is computed from (summit or event).</summary>
    public string? PublishedDateAnchorType { get; init; }
    /// <summary>For a derived publication date: the id of the record it is computed from.</summary>
    public string? PublishedDateAnchorId { get; init; }
    /// <summary>For a derived publication date: the ISO 8601 offset from the anchor's date, a leading minus for before.</summary>
    public string? PublishedDateOffset { get; init; }
    /// <summary>A readoutTones code (cautious, enthusiastic, …), or null when the sources do not characterise it.</summary>
    /// <example>cautious</example>
    public string? Tone { get; init; }
    /// <summary>Why a field is null, or how a value was derived.</summary>
    public string? Notes { get; init; }
    public required IReadOnlyList<CitationDto> Citations { get; init; }
    /// <summary>What the readout says (or leaves out) on each topic, ordered by id.</summary>
    public required IReadOnlyList<ReadoutStatementDto> Statements { get; init; } = [];
}

/// <summary>What one readout says, or is noted to leave out, on one topic.</summary>
public sealed record ReadoutStatementDto
{
    /// <summary>A readable slug.</summary>
    /// <example>us-trump-remarks-12-out-of-10</example>
    public required string Id { get; init; }
    /// <summary>The readout it belongs to.</summary>
    /// <example>us-trump-remarks-busan</example>
    public required string ReadoutId { get; init; }
    /// <summary>The party of its readout.</summary>
    /// <example>US</example>
    public required string PartyId { get; init; }
    /// <summary>A topics code.</summary>
    /// <example>meeting_assessment</example>
    public required string Topic { get; init; }
    /// <summary>A stances code: asserts, or not_mentioned (a source notes the readout left the topic out; never a denial).</summary>
    /// <example>asserts</example>
    public required string Stance { get; init; }
    /// <summary>A statementBases code: readout (a source attributes it to this account), source_report (a source reports the party's words without naming the account) or source_remark (a source says the account left the topic out); null when the writer did not say.</summary>
    /// <example>readout</example>
    public string? Basis { get; init; }
    /// <summary>The actor the readout quotes (see /api/v1/actors/{id}), when it quotes someone.</summary>
    /// <example>xi-jinping</example>
    public string? SpeakerId { get; init; }
    /// <summary>What the readout says, in the sources' words where possible; null for not_mentioned.</summary>
    /// <example>Trump dubbed the Busan summit a “12 out of 10”.</example>
    public string? Claim { get; init; }
    /// <summary>The outcome it bears on (see /api/v1/outcomes/{id}), if any.</summary>
    /// <example>fentanyl-tariff-reduction</example>
    public string? OutcomeId { get; init; }
    /// <summary>The concession it bears on (see /api/v1/concessions/{id}), if any.</summary>
    public string? ConcessionId { get; init; }
    /// <summary>Ids of statements (of another party) this one conflicts with.</summary>
    public required string[] Contradicts { get; init; }
    /// <summary>Ids of statements (of another party) that make the same claim.</summary>
    public required string[] AgreesWith { get; init; }
    /// <summary>Why a field is null, or how a value was derived.</summary>
    public string? Notes { get; init; }
    public required IReadOnlyList<CitationDto> Citations { get; init; }
}
