using FluentValidation;
using SummitApi.Infrastructure.Validation;

namespace SummitApi.Features.Timeline;

/// <summary>A dated happening around a summit as an editor writes it.</summary>
public sealed record EventInput
{
    public required string Id { get; init; }
    public DateOnly? Date { get; init; }
    public string? DatePrecision { get; init; }
    public string? DateQualifier { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Parties { get; init; } = [];
    public IReadOnlyList<string> SummitIds { get; init; } = [];
    public IReadOnlyList<string> ConcessionIds { get; init; } = [];
    public string? Notes { get; init; }
    public required IReadOnlyList<CitationInput> Citations { get; init; }
}

public sealed class EventInputValidator : AbstractValidator<EventInput>
{
    public EventInputValidator(IReferenceCatalog catalog)
    {
        RuleFor(e => e.Id).MustBeRecordId();
        this.LooseDate("date", e => e.Date, e => e.DatePrecision, e => e.DateQualifier);
        RuleFor(e => e.Kind).NotEmpty().MustBeCode(catalog, "event_kind");
        RuleFor(e => e.Title).NotEmpty();
        RuleFor(e => e.Parties).EachMustReference(catalog, "party");
        RuleFor(e => e.SummitIds).EachMustReference(catalog, "summit");
        RuleFor(e => e.ConcessionIds).EachMustReference(catalog, "concession");
        this.Citations(e => e.Citations, catalog);
    }
}
