using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SummitApi.Exports;
using SummitApi.LocalPostgres;

namespace SummitApi.Tests.Exports;

/// <summary>What the export tests share: exporters over a directory of their own, and readers of the files.</summary>
internal static class ExportTestKit
{
    /// <summary>Every data set, with the API path that serves one of its records by id.</summary>
    public static readonly IReadOnlyDictionary<string, string> ItemPaths = new Dictionary<string, string>
    {
        ["parties"] = "/api/v1/parties", ["sources"] = "/api/v1/sources", ["actors"] = "/api/v1/actors",
        ["summits"] = "/api/v1/summits", ["outcomes"] = "/api/v1/outcomes", ["concessions"] = "/api/v1/concessions",
        ["readouts"] = "/api/v1/readouts", ["readout-statements"] = "/api/v1/readout-statements", ["events"] = "/api/v1/events",
        ["assessments"] = "/api/v1/assessments", ["context-figures"] = "/api/v1/context-figures", ["citations"] = "/api/v1/citations",
    };

    public static IEnumerable<string> Datasets => [.. ItemPaths.Keys, "readout-differences"];

    public static string NewDirectory() => Path.Combine(Path.GetTempPath(), $"summit-exports-test-{Guid.NewGuid():N}");

    /// <summary>An exporter of its own (its own lock-waiting, its own in-process run) over <paramref name="directory"/>.</summary>
    public static ExportService Exporter(SummitApiFactory factory, string directory, ExportFileSystem? files = null, int keep = 14)
    {
        var options = Options.Create(new ExportOptions { Directory = directory, Keep = keep });
        return ActivatorUtilities.CreateInstance<ExportService>(factory.Services, new ExportStore(options), files ?? new ExportFileSystem(), options);
    }

    /// <summary>The exporter the application itself uses, over the fixture's exports directory, which the API serves.</summary>
    public static ExportService ServedExporter(SummitApiFactory factory) => factory.Services.GetRequiredService<ExportService>();

    public static Task<ExportManifest> ExportAsync(this ExportService exporter) => exporter.RunAsync("tests", progress: null, CancellationToken.None);

    public static JsonArray ReadJsonArray(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsArray();

    public static List<JsonObject> ReadNdjson(string path) =>
        [.. File.ReadAllLines(path).Select(line => JsonNode.Parse(line)!.AsObject())];

    /// <summary>The data files of an export: every file but manifest.json and datapackage.json, which carry its time, and SHA256SUMS, which hashes datapackage.json.</summary>
    public static IEnumerable<string> DataFiles(ExportManifest manifest) =>
        manifest.Files.Select(f => f.Name).Where(name => name is not ExportStore.DataPackageFile and not ExportStore.Sha256SumsFile);

    public static void AssertSameDataFiles(string folder, ExportManifest manifest, string otherFolder)
    {
        foreach (var name in DataFiles(manifest))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(folder, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(otherFolder, name))),
                $"{name} differs between {folder} and {otherFolder}");
        }
    }

    /// <summary>Runs SQL inside a change set, as every write must.</summary>
    public static Task WriteAsync(SummitApiFactory factory, string reason, string sql) => factory.WriteOutsideTheApiAsync("tests", reason, sql);
}
