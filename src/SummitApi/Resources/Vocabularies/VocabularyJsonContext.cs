using System.Text.Json;
using System.Text.Json.Serialization;

namespace SummitApi.Resources.Vocabularies;

/// <summary>Source-generated serializers for the vocabularies, so no reflection runs per request; the catalog combines every folder's.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(VocabulariesDto))]
internal sealed partial class VocabularyJsonContext : JsonSerializerContext;
