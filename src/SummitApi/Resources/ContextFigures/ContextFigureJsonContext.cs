using System.Text.Json;
using System.Text.Json.Serialization;
using SummitApi.Platform.Reads;

namespace SummitApi.Resources.ContextFigures;

/// <summary>Source-generated serializers for the context figures (a page holds the record), so no reflection runs per request; the catalog combines every folder's.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Page<ContextFigureDto>))]
internal sealed partial class ContextFigureJsonContext : JsonSerializerContext;
