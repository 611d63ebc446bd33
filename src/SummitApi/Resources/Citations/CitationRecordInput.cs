using FluentValidation;
using SummitApi.Platform.Data;
using SummitApi.Platform.Validation;

namespace SummitApi.Resources.Citations;

/// <summary>A citation written on its own: the link of one record to one source, with a verbatim excerpt.</summary>
public sealed record CitationRecordInput
{
    /// <summary>Optional on create: when omitted, an id is derived from what the citation links.</summary>
    public string? Id { get; init; }
    public required string SourceId { get; init; }
    /// <summary>The cited record's type: actor, summit, outcome, concession, readout, readout_statement, event, assessment or context_figure.</summary>
    public required string RecordType { get; init; }
    public required string RecordId { get; init; }
    /// <summary>At most 400 characters copied exactly from the source.</summary>
    public required string Excerpt { get; init; }

    public string IdOrDerived() => Id ?? RecordRows.CitationId(RecordType, RecordId, new CitationInput(SourceId, Excerpt));
}

public sealed class CitationRecordInputValidator : AbstractValidator<CitationRecordInput>
{
    public CitationRecordInputValidator(IReferenceCatalog catalog)
    {
        RuleFor(c => c.Id!).MustBeRecordId().When(c => c.Id is not null);
        RuleFor(c => c.SourceId).NotEmpty().MustReference(catalog, "source");
        RuleFor(c => c.RecordType).Must(catalog.CitedRecordTypes.Contains)
            .WithMessage(RecordTypeProblem(catalog.CitedRecordTypes));
        RuleFor(c => c.RecordId).NotEmpty()
            .Must((c, id) => catalog.HasRecord(c.RecordType, id))
            .When(c => catalog.CitedRecordTypes.Contains(c.RecordType))
            .WithMessage(c => $"'recordId' refers to {c.RecordType.Replace('_', ' ')} '{c.RecordId}', which does not exist.");
        RuleFor(c => c.Excerpt).MustBeExcerpt();
    }

    public static string RecordTypeProblem(IReadOnlyList<string> citedRecordTypes) => $"'recordType' must be one of: {string.Join(", ", citedRecordTypes)}.";
}
