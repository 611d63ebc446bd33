using FluentValidation;
using SummitApi.Platform.Validation;

namespace SummitApi.Resources.ContextFigures;

/// <summary>A background number the sources give, as an editor writes it.</summary>
public sealed record ContextFigureInput
{
    public required string Id { get; init; }
    public string? SummitId { get; init; }
    public required string Subject { get; init; }
    public required string Metric { get; init; }
    public required decimal Value { get; init; }
    public decimal? ValueHigh { get; init; }
    public string? Bound { get; init; }
    public required string Unit { get; init; }
    public string? Period { get; init; }
    public bool Approximate { get; init; }
    public IReadOnlyList<string> ReportedBy { get; init; } = [];
    public string? Notes { get; init; }
    public required IReadOnlyList<CitationInput> Citations { get; init; }
}

public sealed class ContextFigureInputValidator : AbstractValidator<ContextFigureInput>
{
    public ContextFigureInputValidator(IReferenceCatalog catalog)
    {
        RuleFor(f => f.Id).MustBeRecordId();
        RuleFor(f => f.SummitId).MustReference(catalog, "summit");
        RuleFor(f => f.Subject).NotEmpty();
        RuleFor(f => f.Metric).NotEmpty();
        RuleFor(f => f.ValueHigh).GreaterThan(f => f.Value).When(f => f.ValueHigh is not null)
            .WithMessage("'valueHigh' must be greater than 'value' (it is the top of a range).");
        RuleFor(f => f.Bound).MustBeCode(catalog, "bound");
        RuleFor(f => f.Unit).NotEmpty().MustBeCode(catalog, "unit");
        RuleFor(f => f.ReportedBy).EachMustReference(catalog, "party");
        this.Citations(f => f.Citations, catalog);
    }
}
