using SummitApi.Resources.Citations;

namespace SummitApi.Resources.Concessions;

/// <summary>A structured give, part of an outcome: who conceded what to whom, with numbers, dates and durations where the sources give them.</summary>
public sealed record ConcessionDto
{
    /// <summary>A readable slug.</summary>
    /// <example>us-fentanyl-tariff-cut</example>
    public required string Id { get; init; }
    /// <summary>The outcome it is part of.</summary>
    /// <example>fentanyl-tariff-reduction</example>
    public required string OutcomeId { get; init; }
    /// <summary>Its outcome's summit.</summary>
    /// <example>busan-2025</example>
    public required string SummitId { get; init; }
    /// <summary>Its outcome's topic (a topics code).</summary>
    /// <example>tariffs</example>
    public required string Topic { get; init; }
    /// <summary>The party that gives.</summary>
    /// <example>US</example>
    public required string Giver { get; init; }
    /// <summary>The party that benefits.</summary>
    /// <example>CN</example>
    public required string Beneficiary { get; init; }
    /// <summary>A concessionActions code: reduce_tariff, suspend_export_control, suspend_fees, purchase_commitment, extend_truce, …</summary>
    /// <example>reduce_tariff</example>
    public required string Action { get; init; }
    /// <summary>What is given up or changed, in the sources' words.</summary>
    /// <example>fentanyl-related tariffs on Chinese goods</example>
    public required string Instrument { get; init; }
    /// <summary>What valueBefore and valueAfter measure; null when no number applies.</summary>
    /// <example>tariff rate</example>
    public string? Metric { get; init; }
    /// <example>20</example>
    public decimal? ValueBefore { get; init; }
    /// <example>10</example>
    public decimal? ValueAfter { get; init; }
    /// <summary>A units code for the values; null when there are none.</summary>
    /// <example>percent</example>
    public string? Unit { get; init; }
    /// <summary>True when the sources hedge the numbers ("around 47 percent").</summary>
    public required bool Approximate { get; init; }
    /// <summary>The first day of the period from which it takes effect; null when not stated (see notes).</summary>
    /// <example>2025-11-10</example>
    public DateOnly? EffectiveDate { get; init; }
    /// <summary>day, month, quarter or year.</summary>
    /// <example>day</example>
    public string? EffectiveDatePrecision { get; init; }
    /// <summary>early, mid, late, or null.</summary>
    public string? EffectiveDateQualifier { get; init; }
    /// <summary>A dateBases code: stated (a source gives the date at this precision), derived (computed from effectiveDateAnchorId and effectiveDateOffset) or assumed (the curator's assumption, see notes); null without a date, or when a writer did not give one (unknown, never presumed stated).</summary>
    /// <example>assumed</example>
    public string? EffectiveDateBasis { get; init; }
    /// <summary>For a derived effective date: the kind of record it is computed from (summit or event).</summary>
    public string? EffectiveDateAnchorType { get; init; }
    /// <summary>For a derived effective date: the id of the record it is computed from.</summary>
    public string? EffectiveDateAnchorId { get; init; }
    /// <summary>For a derived effective date: the ISO 8601 offset from the anchor's date, a leading minus for before.</summary>
    public string? EffectiveDateOffset { get; init; }
    /// <summary>How long it lasts, as an ISO 8601 duration; null when not stated.</summary>
    /// <example>P1Y</example>
    public string? Duration { get; init; }
    /// <summary>Derived, never stated: effectiveDate plus duration; null unless both are known.</summary>
    /// <example>2026-11-10</example>
    public DateOnly? ExpiryDate { get; init; }
    /// <summary>The precision of expiryDate, which is that of effectiveDate; null when there is no expiry date.</summary>
    /// <example>day</example>
    public string? ExpiryDatePrecision { get; init; }
    /// <summary>The basis of expiryDate: derived when the effective date is stated (no source states the expiry itself), else the effective date's own basis (derived or assumed); null when there is no expiry date.</summary>
    /// <example>derived</example>
    public string? ExpiryDateBasis { get; init; }
    /// <summary>The ids of the concessions of the other side it was given in exchange for.</summary>
    /// <example>["cn-soybean-purchases"]</example>
    public required string[] ExchangedFor { get; init; }
    /// <summary>Each pairing of exchangedFor with the source that states it.</summary>
    public required IReadOnlyList<ConcessionExchange> Exchanges { get; init; }
    /// <summary>The parties whose own account makes the claim; empty when only the press or an analyst does.</summary>
    /// <example>["US"]</example>
    public required string[] ReportedBy { get; init; }
    /// <summary>Why a field is null, or how a value was derived.</summary>
    public string? Notes { get; init; }
    public required IReadOnlyList<CitationDto> Citations { get; init; }
}
