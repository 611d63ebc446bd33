using System.Text.Json.Serialization;
using FluentValidation;
using SummitApi.Platform.Validation;

namespace SummitApi.Resources.Concessions;

/// <summary>A structured give, part of an outcome, as an editor writes it. Its expiry is derived.</summary>
public sealed record ConcessionInput
{
    public required string Id { get; init; }
    public required string OutcomeId { get; init; }
    public required string Giver { get; init; }
    public required string Beneficiary { get; init; }
    public required string Action { get; init; }
    public required string Instrument { get; init; }
    public string? Metric { get; init; }
    public decimal? ValueBefore { get; init; }
    public decimal? ValueAfter { get; init; }
    public string? Unit { get; init; }
    public bool Approximate { get; init; }
    public DateOnly? EffectiveDate { get; init; }
    public string? EffectiveDatePrecision { get; init; }
    public string? EffectiveDateQualifier { get; init; }
    public string? EffectiveDateBasis { get; init; }
    public string? EffectiveDateAnchorType { get; init; }
    public string? EffectiveDateAnchorId { get; init; }
    public string? EffectiveDateOffset { get; init; }
    public string? Duration { get; init; }
    public IReadOnlyList<string> ExchangedFor { get; init; } = [];
    public IReadOnlyList<ConcessionExchange> Exchanges { get; init; } = [];
    public IReadOnlyList<string> ReportedBy { get; init; } = [];
    public string? Notes { get; init; }
    public required IReadOnlyList<CitationInput> Citations { get; init; }
}

public sealed class ConcessionInputValidator : AbstractValidator<ConcessionInput>
{
    public ConcessionInputValidator(IReferenceCatalog catalog)
    {
        RuleFor(c => c.Id).MustBeRecordId();
        RuleFor(c => c.OutcomeId).NotEmpty().MustReference(catalog, "outcome");
        RuleFor(c => c.Giver).NotEmpty().MustReference(catalog, "party");
        RuleFor(c => c.Beneficiary).NotEmpty().MustReference(catalog, "party")
            .NotEqual(c => c.Giver).WithMessage("'beneficiary' must differ from 'giver'.");
        RuleFor(c => c.Action).NotEmpty().MustBeCode(catalog, "concession_action");
        RuleFor(c => c.Instrument).NotEmpty();
        RuleFor(c => c.Unit).MustBeCode(catalog, "unit")
            .NotNull().When(c => c.ValueBefore is not null || c.ValueAfter is not null)
            .WithMessage("'unit' is required when 'valueBefore' or 'valueAfter' is given.");
        this.LooseDate("effectiveDate", c => c.EffectiveDate, c => c.EffectiveDatePrecision, c => c.EffectiveDateQualifier);
        this.DateBasis("effectiveDate", catalog, c => c.EffectiveDate, c => c.EffectiveDatePrecision,
            c => c.EffectiveDateBasis, c => c.EffectiveDateAnchorType, c => c.EffectiveDateAnchorId, c => c.EffectiveDateOffset);
        RuleFor(c => c.Duration).MustBeIsoDuration();
        RuleFor(c => c.ExchangedFor).EachMustReference(catalog, "concession");
        RuleFor(c => c.ExchangedFor).Must((c, ids) => !ids.Contains(c.Id)).WithMessage("'exchangedFor' cannot name the concession itself.");
        // A pairing is only as good as the source that states it: each one in exchangedFor needs its exchanges entry.
        RuleFor(c => c.ExchangedFor)
            .Must((c, ids) => ids.Order(StringComparer.Ordinal).SequenceEqual(c.Exchanges.Select(e => e.ConcessionId).Distinct().Order(StringComparer.Ordinal)))
            .WithMessage("'exchangedFor' must list exactly the concessions of 'exchanges', each pairing with the source that states it.");
        RuleForEach(c => c.Exchanges).ChildRules(exchange =>
        {
            exchange.RuleFor(e => e.ConcessionId).NotEmpty().MustReference(catalog, "concession").OverridePropertyName("concessionId");
            exchange.RuleFor(e => e.SourceId).NotEmpty().MustReference(catalog, "source").OverridePropertyName("sourceId");
        }).OverridePropertyName("exchanges");
        RuleFor(c => c.ReportedBy).EachMustReference(catalog, "party");
        this.Citations(c => c.Citations, catalog);
    }
}

/// <summary>One pairing of a concession with another it was exchanged for, and the source that states the exchange.</summary>
/// <param name="ConcessionId">The concession of the other side (see /api/v1/concessions/{id}).</param>
/// <param name="SourceId">The source that states the exchange (see /api/v1/sources/{id}).</param>
// Named explicitly so that the stored JSON (written with the tables' snake_case names) reads back as served.
public sealed record ConcessionExchange(
    [property: JsonPropertyName("concessionId")] string ConcessionId,
    [property: JsonPropertyName("sourceId")] string SourceId);
