using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CsvHelper;
using Dapper;
using SummitApi.Exports;
using static SummitApi.Tests.Exports.ExportTestKit;

namespace SummitApi.Tests.Exports;

/// <summary>What one export holds, checked against the files themselves and against the API.</summary>
public class ExportContentTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>, IAsyncLifetime
{
    private readonly string _directory = NewDirectory();
    private ExportManifest _manifest = null!;

    private string Folder => Path.Combine(_directory, _manifest.ExportId);

    public async Task InitializeAsync() => _manifest = await Exporter(factory, _directory).ExportAsync();

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_manifest_names_the_snapshot_and_every_file_with_its_bytes_sha256_and_record_count()
    {
        await using var connection = await factory.OpenConnectionAsync();
        Assert.Equal(await connection.ExecuteScalarAsync<long>("SELECT max(seq) FROM change_set"), _manifest.DataRevision);
        Assert.Equal("2.0.0", _manifest.SchemaVersion);
        Assert.Null(_manifest.PreviousExportId);
        Assert.Matches("^[0-9]{8}T[0-9]{6}Z$", _manifest.ExportId);
        Assert.Equal(
            Datasets.SelectMany<string, string>(d => [$"{d}.json", $"{d}.ndjson", $"{d}.csv", $"{d}.parquet", $"deltas/{d}.ndjson"]).Append("datapackage.json").Append("SHA256SUMS").Order(),
            _manifest.Files.Select(f => f.Name).Order());

        foreach (var file in _manifest.Files)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(Folder, file.Name));
            Assert.Equal(bytes.LongLength, file.Bytes);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
        }
        foreach (var dataset in Datasets)
        {
            var records = ReadJsonArray(Path.Combine(Folder, $"{dataset}.json")).Count;
            Assert.True(records > 0, $"{dataset} is empty");
            Assert.Equal(records, RowsOf($"{dataset}.json"));
            Assert.Equal(ReadNdjson(Path.Combine(Folder, $"{dataset}.ndjson")).Count, RowsOf($"{dataset}.ndjson"));
            Assert.Equal(ReadCsv(dataset).Count, RowsOf($"{dataset}.csv"));
            Assert.Equal(records, RowsOf($"{dataset}.csv"));
            Assert.Equal(ReadNdjson(Path.Combine(Folder, $"deltas/{dataset}.ndjson")).Count, RowsOf($"deltas/{dataset}.ndjson"));
        }
        var written = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "manifest.json")))!;
        Assert.Equal(_manifest.ExportId, written["exportId"]!.GetValue<string>());
        Assert.Equal(_manifest.DataRevision, written["dataRevision"]!.GetValue<long>());
        Assert.Equal(_manifest.Files.Select(f => f.Sha256), written["files"]!.AsArray().Select(f => f!["sha256"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Sha256sum_checks_every_file_against_SHA256SUMS_which_the_manifest_lists()
    {
        var run = await Ecosystem.EcosystemTools.RunAsync("sha256sum", ["--check", "--strict", Path.Combine(Folder, "SHA256SUMS")], workingDirectory: Folder);

        Assert.True(run.ExitCode == 0, $"sha256sum -c fails: {run}");
        var checkedFiles = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line[..line.LastIndexOf(": OK", StringComparison.Ordinal)]);
        Assert.Equal(_manifest.Files.Select(f => f.Name).Where(name => name != "SHA256SUMS").Order(StringComparer.Ordinal), checkedFiles.Order(StringComparer.Ordinal));
        var listed = _manifest.Files.Single(f => f.Name == "SHA256SUMS");
        Assert.Null(listed.Rows);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(Folder, "SHA256SUMS")))), listed.Sha256);
    }

    [Fact]
    public async Task Every_exported_record_is_the_record_the_api_serves_in_json_and_ndjson_alike()
    {
        var client = factory.CreateClient();
        foreach (var (dataset, path) in ItemPaths)
        {
            var records = ReadJsonArray(Path.Combine(Folder, $"{dataset}.json"));
            Assert.Equal(records.Select(r => r!.ToJsonString()), ReadNdjson(Path.Combine(Folder, $"{dataset}.ndjson")).Select(r => r.ToJsonString()));
            var ids = records.Select(r => r!["id"]!.GetValue<string>()).ToList();
            Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
            foreach (var record in records)
            {
                var served = await client.GetFromJsonAsync<JsonNode>($"{path}/{record!["id"]}");
                Assert.True(JsonNode.DeepEquals(served, record), $"{dataset} {record["id"]} differs from {path}/{record["id"]}");
            }
        }
    }

    [Fact]
    public async Task Readout_differences_are_those_the_api_computes_one_record_per_summit_and_topic()
    {
        var client = factory.CreateClient();
        var records = ReadJsonArray(Path.Combine(Folder, "readout-differences.json")).Select(r => r!.AsObject()).ToList();
        var summits = ReadJsonArray(Path.Combine(Folder, "summits.json")).Select(s => s!["id"]!.GetValue<string>());

        var expected = new List<JsonObject>();
        foreach (var summit in summits)
        {
            var served = await client.GetFromJsonAsync<JsonNode>($"/api/v1/summits/{summit}/readout-differences");
            expected.AddRange(served!["items"]!.AsArray().Select(item => new JsonObject
            {
                ["summitId"] = summit,
                ["topic"] = item!["topic"]!.DeepClone(),
                ["classification"] = item["classification"]!.DeepClone(),
                ["stances"] = item["stances"]!.DeepClone(),
            }));
        }

        Assert.Equal(expected.Count, records.Count);
        Assert.All(expected.Zip(records), pair => Assert.True(JsonNode.DeepEquals(pair.First, pair.Second), $"{pair.First["summitId"]}/{pair.First["topic"]} differs"));
        Assert.Contains(records, r => r["topic"]!.GetValue<string>() == "taiwan" && r["classification"]!.GetValue<string>() == "absent_from_all");
    }

    [Fact]
    public async Task Csv_files_parse_back_with_their_table_schema_to_the_records_the_api_serves()
    {
        var client = factory.CreateClient();
        var package = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "datapackage.json")))!;
        foreach (var (dataset, path) in ItemPaths)
        {
            var fields = package["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == dataset)!["schema"]!["fields"]!.AsArray();
            var rows = ReadCsv(dataset);
            Assert.NotEmpty(rows);
            foreach (var row in rows)
            {
                var record = new JsonObject();
                foreach (var (field, value) in fields.Zip(row))
                {
                    record[field!["name"]!.GetValue<string>()] = Cast(value, field["type"]!.GetValue<string>());
                }
                var served = await client.GetFromJsonAsync<JsonNode>($"{path}/{record["id"]}");
                Assert.True(JsonNode.DeepEquals(served, record), $"{dataset}.csv row {record["id"]} differs from {path}/{record["id"]}:\n{record.ToJsonString()}\n{served!.ToJsonString()}");
            }
        }
    }

    [Fact]
    public async Task The_data_package_describes_each_csv_with_field_types_required_fields_and_keys_that_hold()
    {
        var package = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "datapackage.json")))!;
        Assert.Equal("tabular-data-package", package["profile"]!.GetValue<string>());
        var resources = package["resources"]!.AsArray().Where(r => r!["format"]!.GetValue<string>() == "csv").ToDictionary(r => r!["name"]!.GetValue<string>(), r => r!);
        Assert.Equal(Datasets.Order(), resources.Keys.Order());

        var concessions = resources["concessions"]["schema"]!;
        var types = concessions["fields"]!.AsArray().ToDictionary(f => f!["name"]!.GetValue<string>(), f => f!["type"]!.GetValue<string>());
        Assert.Equal(("string", "number", "boolean", "date", "array", "array"),
            (types["id"], types["valueBefore"], types["approximate"], types["effectiveDate"], types["exchangedFor"], types["citations"]));
        var required = concessions["fields"]!.AsArray().Where(f => f!["constraints"]?["required"]?.GetValue<bool>() == true).Select(f => f!["name"]!.GetValue<string>());
        Assert.Contains("giver", required);
        Assert.DoesNotContain("effectiveDate", required);
        Assert.Equal(["summitId", "topic"], resources["readout-differences"]["schema"]!["primaryKey"]!.AsArray().Select(k => k!.GetValue<string>()));

        foreach (var (name, resource) in resources)
        {
            var file = _manifest.Files.Single(f => f.Name == $"{name}.csv");
            Assert.Equal($"{name}.csv", resource["path"]!.GetValue<string>());
            Assert.Equal("sha256:" + file.Sha256, resource["hash"]!.GetValue<string>());
            Assert.Equal(file.Bytes, resource["bytes"]!.GetValue<long>());
            var header = ReadCsvHeader(name);
            Assert.Equal(header, resource["schema"]!["fields"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()));
            foreach (var key in resource["schema"]!["foreignKeys"]?.AsArray() ?? [])
            {
                var field = key!["fields"]!.GetValue<string>();
                var target = key["reference"]!["resource"]!.GetValue<string>();
                var targetIds = ReadCsv(target).Select(row => row[ReadCsvHeader(target).IndexOf("id")]).ToHashSet();
                var column = header.IndexOf(field);
                Assert.All(ReadCsv(name).Select(row => row[column]).OfType<string>(), value => Assert.Contains(value, targetIds));
            }
        }
    }

    [Fact]
    public async Task Csv_columns_hold_the_scalar_fields_first_and_the_json_valued_fields_last()
    {
        var package = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, "datapackage.json")))!;
        foreach (var dataset in Datasets)
        {
            var fields = package["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == dataset)!["schema"]!["fields"]!.AsArray();
            var isJson = fields.Select(f => f!["type"]!.GetValue<string>() is "array" or "object").ToList();
            Assert.True(isJson.SkipWhile(json => !json).All(json => json), $"{dataset}.csv has a scalar column after a JSON one: {string.Join(",", ReadCsvHeader(dataset))}");
        }
        Assert.Equal(["exchangedFor", "exchanges", "reportedBy", "citations"], ReadCsvHeader("concessions")[^4..]);
    }

    private long? RowsOf(string file) => _manifest.Files.Single(f => f.Name == file).Rows;

    private List<string> ReadCsvHeader(string dataset)
    {
        using var reader = CsvReader.Create(File.OpenRead(Path.Combine(Folder, $"{dataset}.csv")), null, leaveOpen: false);
        return [.. reader.Headers];
    }

    /// <summary>The CSV's records, fields in header order; an empty field is null.</summary>
    private List<string?[]> ReadCsv(string dataset)
    {
        using var reader = CsvReader.Create(File.OpenRead(Path.Combine(Folder, $"{dataset}.csv")), null, leaveOpen: false);
        var rows = new List<string?[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i) is { Length: > 0 } value ? value : null)]);
        }
        return rows;
    }

    private static JsonNode? Cast(string? value, string type) => value is null ? null : type switch
    {
        "string" or "date" or "datetime" => JsonValue.Create(value),
        "boolean" => JsonValue.Create(bool.Parse(value)),
        "integer" => JsonValue.Create(long.Parse(value, CultureInfo.InvariantCulture)),
        "number" => JsonValue.Create(decimal.Parse(value, CultureInfo.InvariantCulture)),
        "array" or "object" => JsonNode.Parse(value),
        _ => throw new InvalidOperationException($"Unexpected Table Schema type {type}."),
    };
}
