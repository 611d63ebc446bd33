using System.Text.Json;
using System.Text.Json.Serialization;
using SummitApi.Platform.Reads;

namespace SummitApi.Resources.Parties;

/// <summary>Source-generated serializers for the parties (a page holds the record), so no reflection runs per request; the catalog combines every folder's.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Page<PartyDto>))]
internal sealed partial class PartyJsonContext : JsonSerializerContext;
