using System.Text.Json.Nodes;
using static SummitApi.Tests.Exports.ExportTestKit;

namespace SummitApi.Tests.Exports;

/// <summary>Deltas: what changed between two exports, one line per record, and enough to rebuild the newer one.</summary>
public class ExportDeltaTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>, IDisposable
{
    private readonly string _directory = NewDirectory();

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task The_first_export_adds_every_record_and_an_unchanged_one_has_empty_deltas()
    {
        var exporter = Exporter(factory, _directory);
        var first = await exporter.ExportAsync();
        var second = await exporter.ExportAsync();

        foreach (var dataset in Datasets)
        {
            var records = ReadJsonArray(Path.Combine(_directory, first.ExportId, $"{dataset}.json"));
            var delta = ReadNdjson(Path.Combine(_directory, first.ExportId, "deltas", $"{dataset}.ndjson"));
            Assert.All(delta, line => Assert.Equal("add", line["op"]!.GetValue<string>()));
            Assert.Equal(records.Select(r => r!.ToJsonString()), delta.Select(line => line["record"]!.ToJsonString()));
            Assert.Empty(File.ReadAllText(Path.Combine(_directory, second.ExportId, "deltas", $"{dataset}.ndjson")));
        }
        Assert.Equal(first.ExportId, second.PreviousExportId);
        Assert.True(string.CompareOrdinal(second.ExportId, first.ExportId) > 0);
        Assert.All(second.Deltas, d => Assert.Equal((0, 0, 0), (d.Added, d.Changed, d.Removed)));
    }

    [Fact]
    public async Task Deltas_list_each_added_changed_and_removed_record_and_applied_to_the_previous_export_give_the_new_one()
    {
        const string concession = """
            INSERT INTO concession (id, outcome_id, giver, beneficiary, action, instrument)
            VALUES ('{0}', 'fentanyl-tariff-reduction', 'US', 'CN', 'reduce_tariff', 'a test instrument');
            INSERT INTO citation (id, source_id, record_type, record_id, excerpt)
            VALUES ('{0}-citation', 'nyt-kuo-pierson-2025-10-30', 'concession', '{0}', 'Test excerpt.');
            """;
        await WriteAsync(factory, "a concession the next change removes", string.Format(concession, "test-removed-concession"));
        var exporter = Exporter(factory, _directory);
        var before = await exporter.ExportAsync();

        await WriteAsync(factory, "add, change and remove", string.Format(concession, "test-added-concession") + """
            UPDATE concession SET notes = 'Changed between two exports.' WHERE id = 'us-fentanyl-tariff-cut';
            DELETE FROM citation WHERE record_id = 'test-removed-concession';
            DELETE FROM concession WHERE id = 'test-removed-concession';
            """);
        var after = await exporter.ExportAsync();

        Assert.Equal(before.ExportId, after.PreviousExportId);
        Assert.Equal(before.DataRevision + 1, after.DataRevision);
        var concessions = ReadNdjson(Path.Combine(_directory, after.ExportId, "deltas", "concessions.ndjson"));
        Assert.Equal(
            [("add", "test-added-concession"), ("remove", "test-removed-concession"), ("change", "us-fentanyl-tariff-cut")],
            concessions.Select(line => (line["op"]!.GetValue<string>(), line["id"]!.GetValue<string>())));
        Assert.Equal("Changed between two exports.", concessions[2]["record"]!["notes"]!.GetValue<string>());
        Assert.Null(concessions[1]["record"]);
        var summary = after.Deltas.Single(d => d.Dataset == "concessions");
        Assert.Equal((1, 1, 1), (summary.Added, summary.Changed, summary.Removed));
        // The outcome lists its concessions, so it changed too; the citations follow their records.
        Assert.Equal(["change"], ReadNdjson(Path.Combine(_directory, after.ExportId, "deltas", "outcomes.ndjson")).Select(l => l["op"]!.GetValue<string>()));
        Assert.Equal(["add", "remove"], ReadNdjson(Path.Combine(_directory, after.ExportId, "deltas", "citations.ndjson")).Select(l => l["op"]!.GetValue<string>()).Order());

        foreach (var dataset in Datasets)
        {
            var rebuilt = Apply(
                ReadJsonArray(Path.Combine(_directory, before.ExportId, $"{dataset}.json")),
                ReadNdjson(Path.Combine(_directory, after.ExportId, "deltas", $"{dataset}.ndjson")));
            var expected = ReadJsonArray(Path.Combine(_directory, after.ExportId, $"{dataset}.json"));
            Assert.Equal(expected.Select(r => r!.ToJsonString()), rebuilt.Select(r => r.ToJsonString()));
        }
    }

    /// <summary>What a consumer does: replace, insert or drop by id, keep the export's order (by key, ordinal).</summary>
    private static List<JsonNode> Apply(JsonArray previous, List<JsonObject> delta)
    {
        var records = previous.ToDictionary(r => KeyOf(r!), r => r!.DeepClone(), StringComparer.Ordinal);
        foreach (var line in delta)
        {
            var key = line["id"] is JsonObject composite ? string.Join("\u0000", composite.Select(p => p.Value!.GetValue<string>())) : line["id"]!.GetValue<string>();
            switch (line["op"]!.GetValue<string>())
            {
                case "add":
                    records.Add(key, line["record"]!.DeepClone());
                    break;
                case "change":
                    Assert.True(records.ContainsKey(key), $"change of a record the previous export lacks: {key}");
                    records[key] = line["record"]!.DeepClone();
                    break;
                case "remove":
                    Assert.True(records.Remove(key), $"removal of a record the previous export lacks: {key}");
                    break;
                default:
                    Assert.Fail($"unknown op {line["op"]}");
                    break;
            }
        }
        return [.. records.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value)];
    }

    private static string KeyOf(JsonNode record) => record["id"] is { } id
        ? id.GetValue<string>()
        : record["summitId"]!.GetValue<string>() + "\u0000" + record["topic"]!.GetValue<string>();
}
