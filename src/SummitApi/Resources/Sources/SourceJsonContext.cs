using System.Text.Json;
using System.Text.Json.Serialization;
using SummitApi.Platform.Reads;

namespace SummitApi.Resources.Sources;

/// <summary>Source-generated serializers for the sources (a page holds the record), so no reflection runs per request; the catalog combines every folder's.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Page<SourceDto>))]
internal sealed partial class SourceJsonContext : JsonSerializerContext;
