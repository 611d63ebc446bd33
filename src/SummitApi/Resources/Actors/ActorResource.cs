using SummitApi.Platform.Catalog;

namespace SummitApi.Resources.Actors;

public static class ActorResource
{
    public static readonly RecordResource<ActorInput, ActorDto> Definition = new()
    {
        Path = "actors", IdParameter = "actorId", Table = "actor", Name = "Actor", Tag = "Actors", SeedFile = "actors.json",
        MapReads = ActorEndpoints.MapActors,
        Serializers = ActorJsonContext.Default,
        Export = new() { Sql = ActorQueries.AllForExport, ForeignKeys = [("partyId", "parties")] },
        Validator = catalog => new ActorInputValidator(catalog), IdOf = record => record.Id,
        Lookup = RecordLookup.ById<ActorDto>(ActorQueries.ById),
        CitationsOf = record => record.Citations,
    };
}
