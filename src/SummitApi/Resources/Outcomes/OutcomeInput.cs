using FluentValidation;
using SummitApi.Platform.Validation;

namespace SummitApi.Resources.Outcomes;

/// <summary>One result of a summit as an editor writes it.</summary>
public sealed record OutcomeInput
{
    public required string Id { get; init; }
    public required string SummitId { get; init; }
    public required string Topic { get; init; }
    public required string Title { get; init; }
    public string? Summary { get; init; }
    public required string Kind { get; init; }
    public required string Status { get; init; }
    public IReadOnlyList<string> ReportedBy { get; init; } = [];
    public string? Notes { get; init; }
    public required IReadOnlyList<CitationInput> Citations { get; init; }
}

public sealed class OutcomeInputValidator : AbstractValidator<OutcomeInput>
{
    public OutcomeInputValidator(IReferenceCatalog catalog)
    {
        RuleFor(o => o.Id).MustBeRecordId();
        RuleFor(o => o.SummitId).NotEmpty().MustReference(catalog, "summit");
        RuleFor(o => o.Topic).NotEmpty().MustBeCode(catalog, "topic");
        RuleFor(o => o.Title).NotEmpty();
        RuleFor(o => o.Kind).NotEmpty().MustBeCode(catalog, "outcome_kind");
        RuleFor(o => o.Status).NotEmpty().MustBeCode(catalog, "outcome_status");
        RuleFor(o => o.ReportedBy).EachMustReference(catalog, "party");
        this.Citations(o => o.Citations, catalog);
    }
}
