using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SummitApi.Resources.Actors;
using SummitApi.Resources.Assessments;
using SummitApi.Resources.Concessions;
using SummitApi.Resources.ContextFigures;
using SummitApi.Resources.Outcomes;
using SummitApi.Resources.Parties;
using SummitApi.Resources.Readouts;
using SummitApi.Resources.Sources;
using SummitApi.Resources.Summits;
using SummitApi.Resources.Timeline;
using SummitApi.Resources.Citations;

namespace SummitApi.Exports;

/// <summary>Source-generated serializers for the records and files of an export.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ActorDto))]
[JsonSerializable(typeof(AssessmentDto))]
[JsonSerializable(typeof(ConcessionDto))]
[JsonSerializable(typeof(ContextFigureDto))]
[JsonSerializable(typeof(EventDto))]
[JsonSerializable(typeof(OutcomeDto))]
[JsonSerializable(typeof(PartyDto))]
[JsonSerializable(typeof(ReadoutDto))]
[JsonSerializable(typeof(ReadoutStatementDto))]
[JsonSerializable(typeof(ReadoutDifferenceRecord))]
[JsonSerializable(typeof(SourceCitationDto))]
[JsonSerializable(typeof(SourceDto))]
[JsonSerializable(typeof(SummitDto))]
[JsonSerializable(typeof(ExportManifest))]
internal sealed partial class ExportJsonContext : JsonSerializerContext;

internal static class ExportJson
{
    // Export files are data, never embedded in HTML, so text stays readable UTF-8 ("“12 out of 10”", not
    // "\u201C12 out of 10\u201D"); the values are those the API serves.
    private static JsonSerializerOptions Options(bool indented) => new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = indented,
    };

    /// <summary>One record per line: the JSON, NDJSON and delta files.</summary>
    public static readonly ExportJsonContext Records = new(Options(indented: false));

    /// <summary>manifest.json and datapackage.json, which people read.</summary>
    public static readonly ExportJsonContext Indented = new(Options(indented: true));
}
