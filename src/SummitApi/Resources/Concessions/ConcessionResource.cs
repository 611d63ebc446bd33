using SummitApi.Platform.Catalog;

namespace SummitApi.Resources.Concessions;

public static class ConcessionResource
{
    public static readonly RecordResource<ConcessionInput, ConcessionDto> Definition = new()
    {
        Path = "concessions", IdParameter = "concessionId", Table = "concession", Name = "Concession", Tag = "Concessions", SeedFile = "concessions.json",
        MapReads = ConcessionEndpoints.MapConcessions,
        Serializers = ConcessionJsonContext.Default,
        Export = new()
        {
            Sql = ConcessionQueries.AllForExport,
            ForeignKeys = [("outcomeId", "outcomes"), ("summitId", "summits"), ("giver", "parties"), ("beneficiary", "parties")],
        },
        Validator = catalog => new ConcessionInputValidator(catalog), IdOf = record => record.Id,
        Lookup = RecordLookup.ById<ConcessionDto>(ConcessionQueries.ById),
        CitationsOf = record => record.Citations,
    };
}
