using System.Text.Json;
using System.Text.Json.Serialization;
using SummitApi.Platform.Reads;

namespace SummitApi.Resources.Summits;

/// <summary>Source-generated serializers for the summits (a page holds the record), so no reflection runs per request; the catalog combines every folder's.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Page<SummitDto>))]
internal sealed partial class SummitJsonContext : JsonSerializerContext;
