using System.Text.Json;
using System.Text.Json.Serialization;
using SummitApi.Platform.Reads;

namespace SummitApi.Resources.Timeline;

/// <summary>Source-generated serializers for the timeline events (a page holds the record), so no reflection runs per request; the catalog combines every folder's.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Page<EventDto>))]
internal sealed partial class TimelineJsonContext : JsonSerializerContext;
