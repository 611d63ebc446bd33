using System.Text.Json;
using System.Text.Json.Serialization;
using SummitApi.Platform.Reads;

namespace SummitApi.Exports;

/// <summary>Source-generated serializers for the export endpoints' responses (the files have <see cref="ExportJson"/>).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ExportAccepted))]
[JsonSerializable(typeof(Page<ExportManifest>))]
[JsonSerializable(typeof(ExportManifest))]
internal sealed partial class ExportResponseJsonContext : JsonSerializerContext;
