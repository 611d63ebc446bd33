using FluentValidation;
using SummitApi.Platform.Validation;

using SummitApi.Resources.ReadoutDifferences;

namespace SummitApi.Resources.Readouts;

/// <summary>One side's account of a summit as an editor writes it.</summary>
public sealed record ReadoutInput
{
    public required string Id { get; init; }
    public required string SummitId { get; init; }
    public required string PartyId { get; init; }
    public required string Kind { get; init; }
    public string? IssuerId { get; init; }
    public required string Title { get; init; }
    public DateOnly? PublishedDate { get; init; }
    public string? PublishedDatePrecision { get; init; }
    public string? PublishedDateQualifier { get; init; }
    public string? PublishedDateBasis { get; init; }
    public string? PublishedDateAnchorType { get; init; }
    public string? PublishedDateAnchorId { get; init; }
    public string? PublishedDateOffset { get; init; }
    public string? Tone { get; init; }
    public string? Notes { get; init; }
    public required IReadOnlyList<CitationInput> Citations { get; init; }

    /// <summary>Only in the seed files, where a readout's statements are written inside it.</summary>
    public IReadOnlyList<ReadoutStatementInput>? Statements { get; init; }
}

/// <summary>What one readout says (or leaves out) on one topic.</summary>
public sealed record ReadoutStatementInput
{
    public required string Id { get; init; }
    public string? ReadoutId { get; init; }
    public required string Topic { get; init; }
    public required string Stance { get; init; }
    public string? Basis { get; init; }
    public string? SpeakerId { get; init; }
    public string? Claim { get; init; }
    public string? OutcomeId { get; init; }
    public string? ConcessionId { get; init; }
    public IReadOnlyList<string> Contradicts { get; init; } = [];
    public IReadOnlyList<string> AgreesWith { get; init; } = [];
    public string? Notes { get; init; }
    public required IReadOnlyList<CitationInput> Citations { get; init; }
}

public sealed class ReadoutInputValidator : AbstractValidator<ReadoutInput>
{
    public ReadoutInputValidator(IReferenceCatalog catalog)
    {
        RuleFor(r => r.Id).MustBeRecordId();
        RuleFor(r => r.SummitId).NotEmpty().MustReference(catalog, "summit");
        RuleFor(r => r.PartyId).NotEmpty().MustReference(catalog, "party");
        RuleFor(r => r.Kind).NotEmpty().MustBeCode(catalog, "readout_kind");
        RuleFor(r => r.IssuerId).MustReference(catalog, "actor");
        RuleFor(r => r.Title).NotEmpty();
        this.LooseDate("publishedDate", r => r.PublishedDate, r => r.PublishedDatePrecision, r => r.PublishedDateQualifier);
        this.DateBasis("publishedDate", catalog, r => r.PublishedDate, r => r.PublishedDatePrecision,
            r => r.PublishedDateBasis, r => r.PublishedDateAnchorType, r => r.PublishedDateAnchorId, r => r.PublishedDateOffset);
        RuleFor(r => r.Tone).MustBeCode(catalog, "readout_tone");
        this.Citations(r => r.Citations, catalog);
    }
}

public sealed class ReadoutStatementInputValidator : AbstractValidator<ReadoutStatementInput>
{
    public ReadoutStatementInputValidator(IReferenceCatalog catalog)
    {
        RuleFor(s => s.Id).MustBeRecordId();
        RuleFor(s => s.ReadoutId).NotEmpty().MustReference(catalog, "readout");
        RuleFor(s => s.Topic).NotEmpty().MustBeCode(catalog, "topic");
        RuleFor(s => s.Stance).NotEmpty().MustBeCode(catalog, "stance")
            .Must(stance => !DifferenceClassifier.ComputedStances.Contains(stance))
            .WithMessage("'stance' not_reported and no_readout are what the readout differences compute where no statement exists; a statement asserts or is noted as not_mentioned.");
        RuleFor(s => s.Basis).MustBeCode(catalog, "statement_basis")
            .Must((s, basis) => basis is null || (basis == DifferenceClassifier.BasisSourceRemark) == (s.Stance == DifferenceClassifier.NotMentioned))
            .WithMessage("'basis' is source_remark exactly when the stance is not_mentioned: only a source's remark says an account left a topic out.");
        RuleFor(s => s.SpeakerId).MustReference(catalog, "actor");
        RuleFor(s => s.OutcomeId).MustReference(catalog, "outcome");
        RuleFor(s => s.ConcessionId).MustReference(catalog, "concession");
        RuleFor(s => s.Contradicts).EachMustReference(catalog, "readout_statement");
        RuleFor(s => s.Contradicts).Must((s, ids) => !ids.Contains(s.Id)).WithMessage("'contradicts' cannot name the statement itself.");
        RuleFor(s => s.AgreesWith).EachMustReference(catalog, "readout_statement");
        RuleFor(s => s.AgreesWith).Must((s, ids) => !ids.Contains(s.Id)).WithMessage("'agreesWith' cannot name the statement itself.");
        RuleFor(s => s.AgreesWith).Must((s, ids) => !ids.Intersect(s.Contradicts).Any()).WithMessage("A statement cannot both agree with and contradict another.");
        this.Citations(s => s.Citations, catalog);
    }
}
