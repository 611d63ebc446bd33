using SummitApi.Platform.Catalog;

namespace SummitApi.Resources.Summits;

public static class SummitResource
{
    public static readonly RecordResource<SummitInput, SummitDto> Definition = new()
    {
        Path = "summits", IdParameter = "summitId", Table = "summit", Name = "Summit", Tag = "Summits", SeedFile = "summits.json",
        MapReads = SummitEndpoints.MapSummits,
        Serializers = SummitJsonContext.Default,
        Export = new() { Sql = SummitQueries.AllForExport },
        Validator = catalog => new SummitInputValidator(catalog), IdOf = record => record.Id,
        Lookup = RecordLookup.ById<SummitDto>(SummitQueries.ById),
        CitationsOf = record => record.Citations,
    };
}
