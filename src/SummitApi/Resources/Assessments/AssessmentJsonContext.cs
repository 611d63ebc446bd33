using System.Text.Json;
using System.Text.Json.Serialization;
using SummitApi.Platform.Reads;

namespace SummitApi.Resources.Assessments;

/// <summary>Source-generated serializers for the assessments (a page holds the record), so no reflection runs per request; the catalog combines every folder's.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Page<AssessmentDto>))]
internal sealed partial class AssessmentJsonContext : JsonSerializerContext;
