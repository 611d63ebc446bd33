using System.Text.Json;
using System.Text.Json.Serialization;
using SummitApi.Platform.Reads;

namespace SummitApi.Resources.Concessions;

/// <summary>Source-generated serializers for the concessions (a page holds the record), so no reflection runs per request; the catalog combines every folder's.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Page<ConcessionDto>))]
internal sealed partial class ConcessionJsonContext : JsonSerializerContext;
