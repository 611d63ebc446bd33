using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SummitApi.Resources;

namespace SummitApi.Exports;

/// <summary>
/// Source-generated serializers for the files of an export and the records it computes; the resources' records are
/// written with the resources' own (<see cref="ResourceCatalog.Serializers"/>), chained after these.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ReadoutDifferenceRecord))]
[JsonSerializable(typeof(ExportManifest))]
internal sealed partial class ExportJsonContext : JsonSerializerContext;

internal static class ExportJson
{
    /// <summary>One record per line: the JSON, NDJSON and delta files.</summary>
    public static readonly Serializers Records = new(indented: false);

    /// <summary>manifest.json and datapackage.json, which people read.</summary>
    public static readonly Serializers Indented = new(indented: true);

    /// <summary>The options an export writes with, and the metadata of the types it writes, for those options.</summary>
    internal sealed class Serializers(bool indented)
    {
        // Export files are data, never embedded in HTML, so text stays readable UTF-8 ("“12 out of 10”", not
        // "\u201C12 out of 10\u201D"); the values are those the API serves, written by the same serializers.
        public JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            WriteIndented = indented,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(ExportJsonContext.Default, ResourceCatalog.Instance.Serializers),
        };

        public JsonTypeInfo<ExportManifest> ExportManifest => For<ExportManifest>();

        public JsonTypeInfo<ReadoutDifferenceRecord> ReadoutDifferenceRecord => For<ReadoutDifferenceRecord>();

        public JsonTypeInfo<T> For<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
    }
}
