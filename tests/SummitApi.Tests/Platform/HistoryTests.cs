using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using SummitApi.Platform.Data;
using SummitApi.Platform.Reads;
using SummitApi.LocalPostgres;

namespace SummitApi.Tests.Platform;

/// <summary>As-of reads, list cursors pinned to their first page's revision, revisions and the change feed.</summary>
public class HistoryTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    [Fact]
    public async Task An_item_and_a_filtered_list_read_as_of_before_an_edit_show_the_old_values()
    {
        var client = factory.CreateClient();
        var before = await CommittedAtAsync();
        await EditAsync("UPDATE concession SET giver = 'CN', beneficiary = 'US' WHERE id = 'us-port-fee-suspension-chinese-ships'");

        var now = await client.GetFromJsonAsync<JsonElement>("/api/v1/concessions/us-port-fee-suspension-chinese-ships");
        var then = await client.GetFromJsonAsync<JsonElement>($"/api/v1/concessions/us-port-fee-suspension-chinese-ships?asOf={Uri.EscapeDataString(before)}");
        var usNow = (await client.ReadAllAsync("/api/v1/concessions?giver=US&limit=3")).Ids();
        var usThen = (await client.ReadAllAsync($"/api/v1/concessions?giver=US&limit=3&asOf={Uri.EscapeDataString(before)}")).Ids();

        Assert.Equal("CN", now.GetProperty("giver").GetString());
        Assert.Equal("US", then.GetProperty("giver").GetString());
        Assert.DoesNotContain("us-port-fee-suspension-chinese-ships", usNow);
        Assert.Contains("us-port-fee-suspension-chinese-ships", usThen);
        Assert.NotEmpty(then.GetProperty("citations").EnumerateArray());
    }

    [Fact]
    public async Task A_deleted_record_is_gone_now_and_there_as_of_before_the_delete_with_its_history()
    {
        var client = factory.CreateClient();
        var before = await CommittedAtAsync();
        await EditAsync(
            "DELETE FROM citation WHERE record_type = 'context_figure' AND record_id = 'china-share-global-rare-earth-processing'",
            "DELETE FROM context_figure WHERE id = 'china-share-global-rare-earth-processing'");

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/context-figures/china-share-global-rare-earth-processing")).StatusCode);
        var then = await client.GetAsync($"/api/v1/context-figures/china-share-global-rare-earth-processing?asOf={Uri.EscapeDataString(before)}");
        Assert.Equal(HttpStatusCode.OK, then.StatusCode);

        var revisions = await client.GetFromJsonAsync<JsonElement>("/api/v1/context-figures/china-share-global-rare-earth-processing/revisions");
        var items = revisions.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([1, 2], items.Select(r => r.GetProperty("version").GetInt32()));
        Assert.Equal(["create", "delete"], items.Select(r => r.GetProperty("operation").GetString()));
        Assert.Equal("seeds", items[0].GetProperty("author").GetString());
        Assert.Equal(90, items[0].GetProperty("body").GetProperty("value").GetDecimal());
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("body").ValueKind);
    }

    [Fact]
    public async Task Readout_differences_are_computed_as_of_the_instant_asked()
    {
        var client = factory.CreateClient();
        var before = await CommittedAtAsync();
        await EditAsync("UPDATE readout_statement SET contradicts = '{}' WHERE id IN ('us-trump-remarks-12-out-of-10', 'cn-summary-meeting-assessment')");

        var now = await client.GetFromJsonAsync<JsonElement>("/api/v1/summits/busan-2025/readout-differences?topic=meeting_assessment");
        var then = await client.GetFromJsonAsync<JsonElement>($"/api/v1/summits/busan-2025/readout-differences?topic=meeting_assessment&asOf={Uri.EscapeDataString(before)}");

        Assert.Equal("one_sided", now.GetProperty("items")[0].GetProperty("classification").GetString());
        Assert.Equal("conflicting", then.GetProperty("items")[0].GetProperty("classification").GetString());
    }

    [Fact]
    public async Task As_of_before_the_first_change_the_data_set_is_empty()
    {
        var page = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/summits?asOf=2000-01-01T00:00:00Z");

        Assert.Empty(page.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("2026-11-30T00:00:00Z")]
    [InlineData("2026-11-30T00:00:00.5Z")]
    [InlineData("2026-11-30T00:00:00.123456789Z")]
    [InlineData("2026-11-30t00:00:00z")]
    [InlineData("2026-11-30T08:00:00+08:00")]
    [InlineData("2026-11-29T19:00:00.000001-05:00")]
    [InlineData("2016-12-31T23:59:60Z")]
    public async Task Every_rfc_3339_instant_is_accepted_as_of(string asOf)
    {
        var response = await factory.CreateClient().GetAsync($"/api/v1/summits?asOf={Uri.EscapeDataString(asOf)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task An_unencoded_plus_in_as_of_is_a_400_saying_to_encode_it()
    {
        // HttpClient sends '+' as it is, which a query string reads as a space.
        var problem = await ApiAssertions.AssertProblemAsync(
            await factory.CreateClient().GetAsync("/api/v1/summits?asOf=2025-11-01T00:00:00+00:00"), HttpStatusCode.BadRequest);

        Assert.Contains("%2B", problem.GetProperty("errors").GetProperty("asOf")[0].GetString());
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2025-11-01")]
    [InlineData("2025-11-01T00:00:00")]
    [InlineData("2025-13-01T00:00:00Z")]
    [InlineData("2025-11-01T00:00:00.1234567890Z")]
    [InlineData("2025-11-01 00:00:00Z")]
    public async Task A_malformed_as_of_is_a_400_naming_it(string asOf)
    {
        var response = await factory.CreateClient().GetAsync($"/api/v1/summits?asOf={Uri.EscapeDataString(asOf)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("asOf", out _));
    }

    [Fact]
    public async Task Paging_while_records_are_added_and_removed_serves_exactly_the_first_pages_revision()
    {
        var client = factory.CreateClient();
        var expected = (await client.ReadAllAsync("/api/v1/timeline?limit=500")).Ids();

        var seen = new List<string>();
        string? cursor = null;
        var round = 0;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/timeline?limit=2{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
            // Between pages, another writer removes an event not yet served and adds one.
            round++;
            await EditAsync(
                $"INSERT INTO event (id, kind, title) SELECT 'inserted-{round}', kind, 'Inserted while paging' FROM event LIMIT 1",
                $"INSERT INTO citation (id, source_id, record_type, record_id, excerpt) SELECT 'cit-inserted-{round}', source_id, 'event', 'inserted-{round}', excerpt FROM citation LIMIT 1");
        }
        while (cursor is not null);

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task The_change_feed_polled_during_concurrent_writes_yields_every_change_once_in_commit_order()
    {
        var client = factory.CreateClient();
        var start = await client.GetFromJsonAsync<JsonElement>("/api/v1/changes?limit=500");
        var cursor = start.GetProperty("nextCursor").GetString()!;
        while ((await client.GetFromJsonAsync<JsonElement>($"/api/v1/changes?limit=500&since={Uri.EscapeDataString(cursor)}")) is var page
               && page.GetProperty("items").GetArrayLength() > 0)
        {
            cursor = page.GetProperty("nextCursor").GetString()!;
        }
        var fromHere = cursor;

        var writers = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            for (var n = 0; n < 5; n++)
            {
                await EditAsync($"UPDATE summit SET notes = 'writer {i} edit {n}' WHERE id = 'busan-2025'");
            }
        })).ToArray();
        var polled = new List<(long Seq, int Ordinal)>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!writers.All(w => w.IsCompleted) || polled.Count < 40)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the feed yielded {polled.Count} of 40 changes within a minute");
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/changes?limit=7&since={Uri.EscapeDataString(cursor)}");
            polled.AddRange(page.GetProperty("items").EnumerateArray().Select(c => (c.GetProperty("seq").GetInt64(), c.GetProperty("ordinal").GetInt32())));
            cursor = page.GetProperty("nextCursor").GetString()!;
            Assert.NotNull(cursor);
            if (page.GetProperty("items").GetArrayLength() == 0)
            {
                // Nothing new yet: pause as a poller would (a cached empty answer comes back within the read budget otherwise).
                await Task.Delay(20);
            }
            if (polled.Count >= 40 && writers.All(w => w.IsCompleted))
            {
                break;
            }
        }
        await Task.WhenAll(writers);

        Assert.Equal(40, polled.Count);
        Assert.Equal(polled.Distinct().Count(), polled.Count);
        Assert.Equal(polled.OrderBy(p => p.Seq).ThenBy(p => p.Ordinal), polled);
        var empty = await client.GetFromJsonAsync<JsonElement>($"/api/v1/changes?since={Uri.EscapeDataString(cursor)}");
        Assert.Empty(empty.GetProperty("items").EnumerateArray());
        Assert.Equal(cursor, empty.GetProperty("nextCursor").GetString());
        Assert.NotEqual(fromHere, cursor);
    }

    [Fact]
    public async Task A_tampered_change_feed_position_is_a_400_naming_since()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/changes?since=eyJyIjoxfQ.AAAA");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("since", out _));
    }

    [Fact]
    public async Task Revisions_of_an_unknown_record_are_a_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/api/v1/summits/no-such-summit/revisions")).StatusCode);
    }

    /// <summary>The commit time of the newest change set, as an RFC 3339 instant.</summary>
    private async Task<string> CommittedAtAsync()
    {
        await using var connection = await factory.OpenConnectionAsync();
        var at = await connection.ExecuteScalarAsync<DateTime>("SELECT max(committed_at) FROM change_set");
        return at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task EditAsync(params string[] statements) => factory.WriteOutsideTheApiAsync("key:test", "an edit made by the test", statements);
}
