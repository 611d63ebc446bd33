using System.Text.Json;
using System.Text.Json.Serialization;
using SummitApi.Features.Summits;
using SummitApi.Infrastructure.Http;

namespace SummitApi.Infrastructure.Json;

/// <summary>Source-generated serializers for the response types, so no reflection runs per request.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SummitDto))]
[JsonSerializable(typeof(Page<SummitDto>))]
internal sealed partial class SummitJsonContext : JsonSerializerContext;
