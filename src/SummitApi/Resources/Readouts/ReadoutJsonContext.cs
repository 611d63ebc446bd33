using System.Text.Json;
using System.Text.Json.Serialization;
using SummitApi.Platform.Reads;

namespace SummitApi.Resources.Readouts;

/// <summary>Source-generated serializers for the readouts and their statements (a page holds the record), so no reflection runs per request; the catalog combines every folder's.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Page<ReadoutDto>))]
[JsonSerializable(typeof(ReadoutStatementDto))]
internal sealed partial class ReadoutJsonContext : JsonSerializerContext;
