using System.Text.Json;
using System.Text.Json.Serialization;

namespace SummitApi.Resources.ReadoutDifferences;

/// <summary>Source-generated serializers for the readout differences, so no reflection runs per request; the catalog combines every folder's.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ReadoutDifferencesDto))]
internal sealed partial class ReadoutDifferenceJsonContext : JsonSerializerContext;
