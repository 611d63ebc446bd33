using SummitApi.Platform.Catalog;

namespace SummitApi.Resources.Parties;

/// <summary>The parties are reference data: the seed files define them and editors cannot write them.</summary>
public static class PartyResource
{
    public static readonly RecordResource<PartyInput, PartyDto> Definition = new()
    {
        Path = "parties", IdParameter = "partyId", Table = "party", Name = "Party", Tag = "Parties", SeedFile = "parties.json",
        MapReads = PartyEndpoints.MapParties,
        Serializers = PartyJsonContext.Default,
        Export = new() { Sql = PartyQueries.AllForExport },
        Validator = catalog => new PartyInputValidator(catalog), IdOf = record => record.Id,
        Lookup = RecordLookup.ById<PartyDto>(PartyQueries.ById),
        IsWritable = false,
    };
}
