using SummitApi.Platform.Catalog;

namespace SummitApi.Resources.Timeline;

public static class EventResource
{
    public static readonly RecordResource<EventInput, EventDto> Definition = new()
    {
        Path = "events", IdParameter = "eventId", Table = "event", Name = "Event", Tag = "Timeline", SeedFile = "events.json",
        MapReads = TimelineEndpoints.MapTimeline,
        Serializers = TimelineJsonContext.Default,
        Export = new() { Sql = TimelineQueries.AllForExport },
        Validator = catalog => new EventInputValidator(catalog), IdOf = record => record.Id,
        Lookup = RecordLookup.ById<EventDto>(TimelineQueries.ById),
        CitationsOf = record => record.Citations,
    };
}
