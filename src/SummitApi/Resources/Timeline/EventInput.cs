using FluentValidation;
using SummitApi.Platform.Validation;

namespace SummitApi.Resources.Timeline;

/// <summary>A dated happening around a summit as an editor writes it.</summary>
public sealed record EventInput
{
    public required string Id { get; init; }
    public DateOnly? Date { get; init; }
    public string? DatePrecision { get; init; }
    public string? DateQualifier { get; init; }
    public string? DateBasis { get; init; }
    public string? DateAnchorType { get; init; }
    public string? DateAnchorId { get; init; }
    public string? DateOffset { get; init; }
    public required string Kind { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public IReadOnlyList<string> Parties { get; init; } = [];
    public IReadOnlyList<string> SummitIds { get; init; } = [];
    public IReadOnlyList<string> ConcessionIds { get; init; } = [];
    public IReadOnlyList<string> After { get; init; } = [];
    public IReadOnlyList<string> Before { get; init; } = [];
    public string? Notes { get; init; }
    public required IReadOnlyList<CitationInput> Citations { get; init; }
}

public sealed class EventInputValidator : AbstractValidator<EventInput>
{
    public EventInputValidator(IReferenceCatalog catalog)
    {
        RuleFor(e => e.Id).MustBeRecordId();
        this.LooseDate("date", e => e.Date, e => e.DatePrecision, e => e.DateQualifier);
        this.DateBasis("date", catalog, e => e.Date, e => e.DatePrecision, e => e.DateBasis, e => e.DateAnchorType, e => e.DateAnchorId, e => e.DateOffset);
        RuleFor(e => e.Kind).NotEmpty().MustBeCode(catalog, "event_kind");
        RuleFor(e => e.Title).NotEmpty();
        RuleFor(e => e.Parties).EachMustReference(catalog, "party");
        RuleFor(e => e.SummitIds).EachMustReference(catalog, "summit");
        RuleFor(e => e.ConcessionIds).EachMustReference(catalog, "concession");
        RuleFor(e => e.After).EachMustReference(catalog, "event");
        RuleFor(e => e.After).Must((e, ids) => !ids.Contains(e.Id)).WithMessage("'after' cannot name the event itself.");
        RuleFor(e => e.Before).EachMustReference(catalog, "event");
        RuleFor(e => e.Before).Must((e, ids) => !ids.Contains(e.Id)).WithMessage("'before' cannot name the event itself.");
        this.Citations(e => e.Citations, catalog);
    }
}
