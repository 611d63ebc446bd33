using SummitApi.Platform.Catalog;

namespace SummitApi.Resources.ContextFigures;

public static class ContextFigureResource
{
    public static readonly RecordResource<ContextFigureInput, ContextFigureDto> Definition = new()
    {
        Path = "context-figures", IdParameter = "figureId", Table = "context_figure", Name = "ContextFigure", Tag = "Context figures", SeedFile = "context-figures.json",
        MapReads = ContextFigureEndpoints.MapContextFigures,
        Serializers = ContextFigureJsonContext.Default,
        Export = new() { Sql = ContextFigureQueries.AllForExport, ForeignKeys = [("summitId", "summits")] },
        Validator = catalog => new ContextFigureInputValidator(catalog), IdOf = record => record.Id,
        Lookup = RecordLookup.ById<ContextFigureDto>(ContextFigureQueries.ById),
        CitationsOf = record => record.Citations,
    };
}
