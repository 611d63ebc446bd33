using FluentValidation;
using SummitApi.Platform.Validation;

namespace SummitApi.Resources.Sources;

/// <summary>A document that facts cite, as an editor writes it.</summary>
public sealed record SourceInput
{
    public required string Id { get; init; }
    public string? Title { get; init; }
    public string? Publisher { get; init; }
    /// <summary>Null when the document does not say who wrote it.</summary>
    public IReadOnlyList<string>? Authors { get; init; }
    public DateOnly? PublishedDate { get; init; }
    public string? PublishedDatePrecision { get; init; }
    public string? PublishedDateQualifier { get; init; }
    public required string Kind { get; init; }
    public string? Licence { get; init; }
    public Uri? Url { get; init; }
    public required string Sha256 { get; init; }
    public string? Notes { get; init; }
}

public sealed partial class SourceInputValidator : AbstractValidator<SourceInput>
{
    public SourceInputValidator(IReferenceCatalog catalog)
    {
        RuleFor(s => s.Id).MustBeRecordId();
        RuleFor(s => s.Authors).ForEach(author => author.NotEmpty());
        this.LooseDate("publishedDate", s => s.PublishedDate, s => s.PublishedDatePrecision, s => s.PublishedDateQualifier);
        RuleFor(s => s.Kind).NotEmpty().MustBeCode(catalog, "source_kind");
        RuleFor(s => s.Url).Must(url => url is null || (url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
            .WithMessage("'url' must be an absolute http(s) URL.");
        RuleFor(s => s.Sha256).Matches(Sha256Pattern()).WithMessage("'sha256' must be 64 lowercase hex digits: the SHA-256 of the document's text.");
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial System.Text.RegularExpressions.Regex Sha256Pattern();
}
