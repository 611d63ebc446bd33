using SummitApi.Platform.Catalog;

namespace SummitApi.Resources.Outcomes;

public static class OutcomeResource
{
    public static readonly RecordResource<OutcomeInput, OutcomeDto> Definition = new()
    {
        Path = "outcomes", IdParameter = "outcomeId", Table = "outcome", Name = "Outcome", Tag = "Outcomes", SeedFile = "outcomes.json",
        MapReads = OutcomeEndpoints.MapOutcomes,
        Serializers = OutcomeJsonContext.Default,
        Export = new() { Sql = OutcomeQueries.AllForExport, ForeignKeys = [("summitId", "summits")] },
        Validator = catalog => new OutcomeInputValidator(catalog), IdOf = record => record.Id,
        Lookup = RecordLookup.ById<OutcomeDto>(OutcomeQueries.ById),
        CitationsOf = record => record.Citations,
    };
}
