using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dapper;
using static SummitApi.Tests.Exports.ExportTestKit;

namespace SummitApi.Tests.Exports;

/// <summary>Catching up from any export, not only the previous one: its manifest's changesSince seeds the change feed.</summary>
public class ExportCatchUpTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>, IDisposable
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
    public async Task The_change_feed_from_each_exports_changes_since_lists_exactly_the_changes_made_after_it()
    {
        var exporter = Exporter(factory, _directory);
        var first = await exporter.ExportAsync();
        await WriteAsync(factory, "between the first and second export",
            "UPDATE concession SET notes = 'Changed after the first export.' WHERE id = 'us-fentanyl-tariff-cut'");
        var second = await exporter.ExportAsync();
        await WriteAsync(factory, "between the second and third export",
            "UPDATE actor SET role = 'Changed after the second export.' WHERE id = (SELECT min(id) FROM actor)");
        var third = await exporter.ExportAsync();
        await WriteAsync(factory, "after the third export",
            "UPDATE concession SET notes = 'Changed after the third export.' WHERE id = 'us-fentanyl-tariff-cut'");

        await using var connection = await factory.OpenConnectionAsync();
        foreach (var export in new[] { first, second, third })
        {
            Assert.NotNull(export.ChangesSince);
            var expected = (await connection.QueryAsync<(long, int)>(
                "SELECT seq, ordinal FROM revision WHERE seq > @revision ORDER BY seq, ordinal", new { revision = export.DataRevision })).ToList();

            var listed = await ReadFeedFromAsync(export.ChangesSince!);

            Assert.NotEmpty(expected);
            Assert.Equal(expected, listed);
        }
        Assert.True(first.DataRevision < second.DataRevision && second.DataRevision < third.DataRevision);
    }

    [Fact]
    public async Task An_exports_changes_since_is_the_position_the_feed_reaches_after_reading_up_to_its_data_revision()
    {
        var export = await Exporter(factory, _directory).ExportAsync();

        var fromExport = await factory.CreateClient().GetFromJsonAsync<JsonNode>($"/api/v1/changes?since={export.ChangesSince}");

        Assert.Empty(fromExport!["items"]!.AsArray());
        Assert.Equal(export.ChangesSince, fromExport["nextCursor"]!.GetValue<string>());
    }

    /// <summary>Pages through the feed as a client catching up does, until a page comes back empty.</summary>
    private async Task<List<(long, int)>> ReadFeedFromAsync(string since)
    {
        var client = factory.CreateClient();
        var changes = new List<(long, int)>();
        while (true)
        {
            var page = await client.GetFromJsonAsync<JsonNode>($"/api/v1/changes?since={since}&limit=2");
            var items = page!["items"]!.AsArray();
            if (items.Count == 0)
            {
                return changes;
            }
            changes.AddRange(items.Select(item => (item!["seq"]!.GetValue<long>(), item["ordinal"]!.GetValue<int>())));
            since = page["nextCursor"]!.GetValue<string>();
        }
    }
}
