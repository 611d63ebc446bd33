using System.Text.Json;
using System.Text.Json.Serialization;
using SummitApi.Platform.Auth;
using SummitApi.Platform.History;
using SummitApi.Platform.Reads;

namespace SummitApi.Platform.Hosting;

/// <summary>
/// Source-generated serializers for the platform's own responses, so no reflection runs per request; the resources
/// and the exports add theirs.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ChangeFeedPage))]
[JsonSerializable(typeof(IReadOnlyList<ApiKeyStore.ApiKeyInfo>))]
[JsonSerializable(typeof(Page<RevisionDto>))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails))]
[JsonSerializable(typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails))]
internal sealed partial class PlatformJsonContext : JsonSerializerContext;
