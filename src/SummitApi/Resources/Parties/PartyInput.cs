using FluentValidation;
using SummitApi.Platform.Validation;

namespace SummitApi.Resources.Parties;

/// <summary>A state or bloc (reference data, loaded from the seed files).</summary>
public sealed record PartyInput(string Id, string Name, string Kind);

public sealed class PartyInputValidator : AbstractValidator<PartyInput>
{
    public PartyInputValidator(IReferenceCatalog catalog)
    {
        RuleFor(p => p.Id).MustBeRecordId();
        RuleFor(p => p.Name).NotEmpty();
        RuleFor(p => p.Kind).NotEmpty().MustBeCode(catalog, "party_kind");
    }
}
