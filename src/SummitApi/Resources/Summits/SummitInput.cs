using FluentValidation;
using SummitApi.Platform.Validation;

namespace SummitApi.Resources.Summits;

/// <summary>An engagement between leaders as an editor writes it.</summary>
public sealed record SummitInput
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public string? Place { get; init; }
    public string? Occasion { get; init; }
    public string? OccasionRelation { get; init; }
    public DateOnly? Date { get; init; }
    public string? DatePrecision { get; init; }
    public string? DateQualifier { get; init; }
    public string? DateBasis { get; init; }
    public string? DateAnchorType { get; init; }
    public string? DateAnchorId { get; init; }
    public string? DateOffset { get; init; }
    public string? Duration { get; init; }
    public string? DurationBound { get; init; }
    public required string Status { get; init; }
    public IReadOnlyList<string> Parties { get; init; } = [];
    public string? Notes { get; init; }
    public required IReadOnlyList<CitationInput> Citations { get; init; }
}

public sealed class SummitInputValidator : AbstractValidator<SummitInput>
{
    public SummitInputValidator(IReferenceCatalog catalog)
    {
        RuleFor(s => s.Id).MustBeRecordId();
        RuleFor(s => s.Kind).NotEmpty().MustBeCode(catalog, "summit_kind");
        RuleFor(s => s.Title).NotEmpty();
        RuleFor(s => s.OccasionRelation).MustBeCode(catalog, "occasion_relation")
            .Must((s, relation) => relation is null || s.Occasion is not null).WithMessage("'occasionRelation' needs an 'occasion'.");
        this.LooseDate("date", s => s.Date, s => s.DatePrecision, s => s.DateQualifier);
        this.DateBasis("date", catalog, s => s.Date, s => s.DatePrecision, s => s.DateBasis, s => s.DateAnchorType, s => s.DateAnchorId, s => s.DateOffset);
        RuleFor(s => s.Duration).MustBeIsoDuration();
        RuleFor(s => s.DurationBound).MustBeCode(catalog, "bound")
            .Must((s, bound) => bound is null || s.Duration is not null).WithMessage("'durationBound' needs a 'duration'.");
        RuleFor(s => s.Status).NotEmpty().MustBeCode(catalog, "summit_status");
        RuleFor(s => s.Parties).EachMustReference(catalog, "party");
        this.Citations(s => s.Citations, catalog);
    }
}
