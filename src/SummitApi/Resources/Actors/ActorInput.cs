using FluentValidation;
using SummitApi.Platform.Validation;

namespace SummitApi.Resources.Actors;

/// <summary>A person or body as an editor writes it.</summary>
public sealed record ActorInput
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public string? Role { get; init; }
    public string? Affiliation { get; init; }
    public string? PartyId { get; init; }
    public string? Notes { get; init; }
    public required IReadOnlyList<CitationInput> Citations { get; init; }
}

public sealed class ActorInputValidator : AbstractValidator<ActorInput>
{
    public ActorInputValidator(IReferenceCatalog catalog)
    {
        RuleFor(a => a.Id).MustBeRecordId();
        RuleFor(a => a.Name).NotEmpty();
        RuleFor(a => a.Kind).NotEmpty().MustBeCode(catalog, "actor_kind");
        RuleFor(a => a.PartyId).MustReference(catalog, "party");
        this.Citations(a => a.Citations, catalog);
    }
}
