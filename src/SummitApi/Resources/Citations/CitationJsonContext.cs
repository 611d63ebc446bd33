using System.Text.Json;
using System.Text.Json.Serialization;
using SummitApi.Platform.Reads;

namespace SummitApi.Resources.Citations;

/// <summary>Source-generated serializers for the citations (a page holds the record), so no reflection runs per request; the catalog combines every folder's.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Page<SourceCitationDto>))]
internal sealed partial class CitationJsonContext : JsonSerializerContext;
