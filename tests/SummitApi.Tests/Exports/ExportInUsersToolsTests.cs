using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SummitApi.Features.Exports;
using SummitApi.Tests.Ecosystem;
using SummitApi.Tests.Infrastructure;
using static SummitApi.Tests.Exports.ExportTestKit;

namespace SummitApi.Tests.Exports;

/// <summary>
/// The latest export as its users' tools read it: Frictionless' JavaScript libraries validate the data
/// package and every CSV against its Table Schema (tools/validate-datapackage), and Python's own csv and json
/// modules read the NDJSON and CSV back to the same records as the JSON.
/// </summary>
public class ExportInUsersToolsTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    [Fact]
    public async Task Frictionless_validates_the_latest_exports_data_package_and_every_csv_against_its_table_schema()
    {
        var folder = await LatestExportFolderAsync();

        var run = await ValidateDataPackageAsync(Path.Combine(folder, ExportStore.DataPackageFile));

        Assert.True(run.ExitCode == 0, $"Frictionless finds the export invalid: {run}");
        var report = JsonNode.Parse(run.Output)!;
        var resources = report["resources"]!.AsArray();
        Assert.Equal(Datasets.Order(StringComparer.Ordinal), resources.Select(r => r!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.All(resources, r => Assert.EndsWith(".csv", r!["path"]!.GetValue<string>()));
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, ExportStore.ManifestFile)))!;
        foreach (var resource in resources)
        {
            var file = manifest["files"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == resource!["path"]!.GetValue<string>());
            Assert.Equal(file!["rows"]!.GetValue<long>(), resource!["rows"]!.GetValue<long>());
        }
        Assert.Contains(resources, r => r!["foreignKeys"]!.GetValue<int>() > 0);
    }

    [Fact]
    public async Task Frictionless_refuses_a_csv_with_a_repeated_key_or_a_value_its_schema_cannot_cast()
    {
        var copy = Directory.CreateTempSubdirectory("summit-export-broken-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(await LatestExportFolderAsync()))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }
            var parties = Path.Combine(copy, "parties.csv");
            await File.AppendAllTextAsync(parties, File.ReadAllLines(parties)[1] + "\r\n");
            var concessions = Path.Combine(copy, "concessions.csv");
            await File.WriteAllTextAsync(concessions, (await File.ReadAllTextAsync(concessions)).Replace(",2025-11-10,", ",10 November,", StringComparison.Ordinal));

            var run = await ValidateDataPackageAsync(Path.Combine(copy, ExportStore.DataPackageFile));

            Assert.Equal(1, run.ExitCode);
            var errors = JsonNode.Parse(run.Output)!["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ToList();
            Assert.Contains(errors, e => e.StartsWith("parties:", StringComparison.Ordinal));
            Assert.Contains(errors, e => e.StartsWith("concessions:", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public async Task Pythons_csv_and_json_modules_read_the_ndjson_and_csv_back_to_the_jsons_records()
    {
        var folder = await LatestExportFolderAsync();

        var run = await EcosystemTools.RunAsync("python3", [Path.Combine(EcosystemTools.Directory, "read-export.py"), folder]);

        Assert.True(run.ExitCode == 0, $"Python reads the export differently: {run}");
        var datasets = JsonNode.Parse(run.Output)!["datasets"]!.AsObject();
        Assert.Equal(Datasets.Order(StringComparer.Ordinal), datasets.Select(d => d.Key).Order(StringComparer.Ordinal));
        Assert.Equal(await factory.CountAsync("SELECT count(*) FROM concession"), datasets["concessions"]!.GetValue<long>());
    }

    /// <summary>tools/validate-datapackage, once the tests' own install of its npm libraries is done (the script would otherwise race it with its own).</summary>
    private static async Task<ToolRun> ValidateDataPackageAsync(string dataPackage)
    {
        await EcosystemTools.NpmToolsAsync();
        return await EcosystemTools.RunAsync(Path.Combine(EcosystemTools.RepositoryRoot, "tools", "validate-datapackage"), [dataPackage]);
    }

    /// <summary>Exports once per class (when no export exists yet), then finds the latest one as a user would: through the API.</summary>
    private async Task<string> LatestExportFolderAsync()
    {
        var client = factory.CreateClient();
        if ((await client.GetAsync("/api/v1/exports/latest")).StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            await ServedExporter(factory).ExportAsync();
        }
        var latest = await client.GetFromJsonAsync<ExportManifest>("/api/v1/exports/latest");
        return Path.Combine(factory.ExportsDirectory, latest!.ExportId);
    }
}
