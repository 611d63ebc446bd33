using SummitApi.Platform.Catalog;

namespace SummitApi.Resources.Sources;

public static class SourceResource
{
    public static readonly RecordResource<SourceInput, SourceDto> Definition = new()
    {
        Path = "sources", IdParameter = "sourceId", Table = "source", Name = "Source", Tag = "Sources", SeedFile = "sources.json",
        MapReads = SourceEndpoints.MapSources,
        Serializers = SourceJsonContext.Default,
        Export = new() { Sql = SourceQueries.AllForExport },
        Validator = catalog => new SourceInputValidator(catalog), IdOf = record => record.Id,
        Lookup = RecordLookup.ById<SourceDto>(SourceQueries.ById),
    };
}
