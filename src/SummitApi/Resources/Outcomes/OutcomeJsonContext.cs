using System.Text.Json;
using System.Text.Json.Serialization;
using SummitApi.Platform.Reads;

namespace SummitApi.Resources.Outcomes;

/// <summary>Source-generated serializers for the outcomes (a page holds the record), so no reflection runs per request; the catalog combines every folder's.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Page<OutcomeDto>))]
internal sealed partial class OutcomeJsonContext : JsonSerializerContext;
