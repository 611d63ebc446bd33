using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SummitApi.Exports;
using SummitApi.Tests.Ecosystem;
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
        Assert.Equal(Datasets.SelectMany<string, string>(d => [d, $"{d}-parquet"]).Order(StringComparer.Ordinal),
            resources.Select(r => r!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, ExportStore.ManifestFile)))!;
        foreach (var resource in resources.Where(r => r!["path"]!.GetValue<string>().EndsWith(".csv", StringComparison.Ordinal)))
        {
            var file = manifest["files"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == resource!["path"]!.GetValue<string>());
            Assert.Equal(file!["rows"]!.GetValue<long>(), resource!["rows"]!.GetValue<long>());
        }
        Assert.Contains(resources, r => r!["foreignKeys"]!.GetValue<int>() > 0);

        // The validator does not check bytes and hashes (an edited letter still validates): this test does.
        var package = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, ExportStore.DataPackageFile)))!;
        foreach (var resource in package["resources"]!.AsArray())
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(folder, resource!["path"]!.GetValue<string>()));
            Assert.Equal(bytes.LongLength, resource["bytes"]!.GetValue<long>());
            Assert.Equal("sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), resource["hash"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task The_data_package_states_its_licence_version_missing_values_and_describes_every_resource_and_field_with_enums_for_codes()
    {
        var client = factory.CreateClient();
        var package = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(await LatestExportFolderAsync(), ExportStore.DataPackageFile)))!;
        var openApi = (await client.GetFromJsonAsync<JsonNode>("/swagger/v1/swagger.json"))!["components"]!["schemas"]!;

        Assert.Equal(ExportService.SchemaVersion, package["version"]!.GetValue<string>());
        Assert.Equal("notspecified", package["licenses"]!.AsArray().Single()!["name"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(package["description"]?.GetValue<string>()));
        foreach (var resource in package["resources"]!.AsArray())
        {
            var name = resource!["name"]!.GetValue<string>();
            Assert.False(string.IsNullOrWhiteSpace(resource["description"]?.GetValue<string>()), $"{name} has no description");
            Assert.Equal([""], resource["schema"]!["missingValues"]!.AsArray().Select(v => v!.GetValue<string>()));
            foreach (var field in resource["schema"]!["fields"]!.AsArray())
            {
                Assert.False(string.IsNullOrWhiteSpace(field!["description"]?.GetValue<string>()), $"{name}.{field["name"]} has no description");
            }
        }

        // Where the OpenAPI document describes a field, the data package says the same.
        var concessions = package["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == "concessions")!;
        var fields = concessions["schema"]!["fields"]!.AsArray().ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!);
        Assert.Equal(openApi["Concession"]!["description"]!.GetValue<string>(), concessions["description"]!.GetValue<string>());
        foreach (var (name, property) in openApi["Concession"]!["properties"]!.AsObject())
        {
            if (property!["description"] is { } description)
            {
                Assert.Equal(description.GetValue<string>(), fields[name]["description"]!.GetValue<string>());
            }
        }

        // Vocabulary-coded fields list their codes, as /api/v1/vocabularies does.
        var vocabularies = (await client.GetFromJsonAsync<JsonNode>("/api/v1/vocabularies"))!;
        Assert.Equal(vocabularies["concessionActions"]!.AsArray().Select(t => t!["code"]!.GetValue<string>()).Order(StringComparer.Ordinal),
            fields["action"]["constraints"]!["enum"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Equal(vocabularies["topics"]!.AsArray().Select(t => t!["code"]!.GetValue<string>()).Order(StringComparer.Ordinal),
            fields["topic"]["constraints"]!["enum"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.NotNull(fields["unit"]["constraints"]!["enum"]);
        Assert.Null(fields["unit"]["constraints"]!["required"]);
        Assert.Equal(["day", "month", "quarter", "year"], fields["effectiveDatePrecision"]["constraints"]!["enum"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.Null(fields["instrument"]["constraints"]!["enum"]);
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
