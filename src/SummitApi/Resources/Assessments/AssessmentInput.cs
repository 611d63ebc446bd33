using FluentValidation;
using SummitApi.Platform.Validation;

namespace SummitApi.Resources.Assessments;

/// <summary>An analyst's quoted judgement as an editor writes it.</summary>
public sealed record AssessmentInput
{
    public required string Id { get; init; }
    public string? SpeakerId { get; init; }
    public string? SummitId { get; init; }
    public string? Topic { get; init; }
    public required string Quote { get; init; }
    public string? Notes { get; init; }
    public required IReadOnlyList<CitationInput> Citations { get; init; }
}

public sealed class AssessmentInputValidator : AbstractValidator<AssessmentInput>
{
    public AssessmentInputValidator(IReferenceCatalog catalog)
    {
        RuleFor(a => a.Id).MustBeRecordId();
        RuleFor(a => a.SpeakerId).MustReference(catalog, "actor");
        RuleFor(a => a.SummitId).MustReference(catalog, "summit");
        RuleFor(a => a.Topic).MustBeCode(catalog, "topic");
        RuleFor(a => a.Quote).NotEmpty();
        this.Citations(a => a.Citations, catalog);
    }
}
