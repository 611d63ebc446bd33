using FluentValidation;
using SummitApi.Infrastructure.Validation;

namespace SummitApi.Features.Concessions;

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
    public string? Duration { get; init; }
    public IReadOnlyList<string> ExchangedFor { get; init; } = [];
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
        RuleFor(c => c.Duration).MustBeIsoDuration();
        RuleFor(c => c.ExchangedFor).EachMustReference(catalog, "concession");
        RuleFor(c => c.ExchangedFor).Must((c, ids) => !ids.Contains(c.Id)).WithMessage("'exchangedFor' cannot name the concession itself.");
        RuleFor(c => c.ReportedBy).EachMustReference(catalog, "party");
        this.Citations(c => c.Citations, catalog);
    }
}
