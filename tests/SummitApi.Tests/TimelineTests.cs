using System.Net.Http.Json;
using System.Text.Json;
using SummitApi.Tests.Infrastructure;

namespace SummitApi.Tests;

public class TimelineTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Timeline_orders_events_by_date_then_id_with_undated_events_last()
    {
        // The order, worked out from the seed file rather than by the database.
        using var seeds = await JsonDocument.ParseAsync(typeof(Program).Assembly.GetManifestResourceStream("seeds/events.json")!);
        var expected = seeds.RootElement.EnumerateArray()
            .Select(e => (Id: e.GetProperty("id").GetString()!, Date: e.GetProperty("date").GetString()))
            .OrderBy(e => e.Date is null).ThenBy(e => e.Date, StringComparer.Ordinal).ThenBy(e => e.Id, StringComparer.Ordinal)
            .Select(e => e.Id).ToList();

        var ids = await _client.SinglePageIdsAsync("/api/v1/timeline");

        Assert.Equal(expected, ids);
        Assert.Equal("tariff-truce-struck-2025", ids[0]);
        Assert.Equal("trump-china-visit-april-per-trump", ids[17]);
        Assert.Equal("bis-50-percent-rule", ids[18]);
        Assert.Equal("xi-us-visit-planned", ids[^1]);
    }

    [Fact]
    public async Task Timeline_filters_by_summit()
    {
        Assert.Equal(["trump-china-state-visit-early-2026-per-analysis", "trump-china-visit-april-per-trump"], await _client.SinglePageIdsAsync("/api/v1/timeline?summit=trump-china-visit-2026"));
        Assert.Equal(["trump-xi-call-late-november"], await _client.SinglePageIdsAsync("/api/v1/timeline?summit=trump-xi-call-2025-11"));
        Assert.Equal(["xi-us-visit-planned"], await _client.SinglePageIdsAsync("/api/v1/timeline?summit=xi-us-visit"));
    }

    [Fact]
    public async Task Timeline_range_matches_a_month_precision_event_whose_month_overlaps_it()
    {
        // The late-November call is stored as 2025-11-01/month/late; the 2025 truce as 2025-01-01/year.
        Assert.Equal(["tariff-truce-struck-2025", "trump-xi-call-late-november"], await _client.SinglePageIdsAsync("/api/v1/timeline?from=2025-11-20&to=2025-11-25"));
    }

    [Fact]
    public async Task Timeline_range_of_one_day_matches_that_days_events_and_the_periods_covering_it()
    {
        Assert.Equal(
            ["tariff-truce-struck-2025", "china-october-rare-earth-controls", "trump-nuclear-testing-announcement", "trump-threatens-to-cancel-meeting", "hegseth-dong-jun-contact"],
            await _client.SinglePageIdsAsync("/api/v1/timeline?from=2025-10-31&to=2025-10-31"));
        Assert.Equal(
            ["tariff-truce-struck-2025", "trump-xi-call-late-november", "tariff-truce-original-expiry"],
            await _client.SinglePageIdsAsync("/api/v1/timeline?from=2025-11-10&to=2025-11-10"));
    }

    [Fact]
    public async Task Timeline_from_alone_keeps_events_ending_on_or_after_it_and_no_undated_ones()
    {
        Assert.Equal(
            ["trump-china-state-visit-early-2026-per-analysis", "us-midterm-elections-2026", "trump-china-visit-april-per-trump"],
            await _client.SinglePageIdsAsync("/api/v1/timeline?from=2026-01-01"));
    }

    [Fact]
    public async Task Timeline_to_alone_keeps_events_starting_on_or_before_it_and_no_undated_ones()
    {
        Assert.Equal(
            ["tariff-truce-struck-2025", "china-april-rare-earth-controls", "liberation-day-tariff-escalation"],
            await _client.SinglePageIdsAsync("/api/v1/timeline?to=2025-04-30"));
    }

    [Fact]
    public async Task Timeline_combines_summit_and_dates()
    {
        // "Early 2026" is stored as 2026-01-01/year/early, so it overlaps the first quarter; the April visit does not.
        Assert.Equal(["trump-china-state-visit-early-2026-per-analysis"], await _client.SinglePageIdsAsync("/api/v1/timeline?summit=trump-china-visit-2026&to=2026-03-31"));
    }

    [Fact]
    public async Task Event_has_its_loose_date_and_links()
    {
        var timelineEvent = await _client.GetFromJsonAsync<JsonElement>("/api/v1/events/trump-xi-call-late-november");

        Assert.Equal("trump-xi-call-late-november", timelineEvent.GetProperty("id").GetString());
        Assert.Equal("2025-11-01", timelineEvent.GetProperty("date").GetString());
        Assert.Equal("month", timelineEvent.GetProperty("datePrecision").GetString());
        Assert.Equal("late", timelineEvent.GetProperty("dateQualifier").GetString());
        Assert.Equal("call", timelineEvent.GetProperty("kind").GetString());
        Assert.Equal("Trump and Xi hold a call", timelineEvent.GetProperty("title").GetString());
        Assert.Equal(["US", "CN"], timelineEvent.GetProperty("parties").Strings());
        Assert.Equal(["busan-2025", "trump-xi-call-2025-11"], timelineEvent.GetProperty("summitIds").Strings());
        Assert.Empty(timelineEvent.GetProperty("concessionIds").EnumerateArray());
        Assert.NotEmpty(timelineEvent.GetProperty("citations").EnumerateArray());
    }

    [Fact]
    public async Task Event_links_the_concessions_it_concerns()
    {
        var timelineEvent = await _client.GetFromJsonAsync<JsonElement>("/api/v1/events/tariff-truce-original-expiry");

        Assert.Equal("2025-11-10", timelineEvent.GetProperty("date").GetString());
        Assert.Equal("day", timelineEvent.GetProperty("datePrecision").GetString());
        Assert.Equal(JsonValueKind.Null, timelineEvent.GetProperty("dateQualifier").ValueKind);
        Assert.Equal("expiry", timelineEvent.GetProperty("kind").GetString());
        Assert.Equal(["us-truce-extension", "cn-truce-extension"], timelineEvent.GetProperty("concessionIds").Strings());
    }

    [Fact]
    public async Task Undated_event_has_a_null_date_and_says_why_in_notes()
    {
        var timelineEvent = await _client.GetFromJsonAsync<JsonElement>("/api/v1/events/kmt-leadership-election");

        Assert.Equal(JsonValueKind.Null, timelineEvent.GetProperty("date").ValueKind);
        Assert.Equal(JsonValueKind.Null, timelineEvent.GetProperty("datePrecision").ValueKind);
        Assert.Equal(JsonValueKind.Null, timelineEvent.GetProperty("dateQualifier").ValueKind);
        Assert.False(string.IsNullOrWhiteSpace(timelineEvent.GetProperty("notes").GetString()));
        Assert.Empty(timelineEvent.GetProperty("parties").EnumerateArray());
    }

    [Fact]
    public async Task Unknown_event_is_a_404_problem_naming_the_id()
    {
        await ApiAssertions.AssertNotFoundNamingAsync(_client, "/api/v1/events/no-such-event", "no-such-event");
    }

    [Theory]
    [InlineData("", "SELECT count(*) FROM event")]
    [InlineData("&from=2025-10-01", "SELECT count(*) FROM event WHERE date_end >= '2025-10-01'")]
    public async Task Timeline_pages_through_dated_and_undated_events_without_duplicates_or_gaps(string filter, string countSql)
    {
        var seen = (await _client.ReadAllAsync($"/api/v1/timeline?limit=2{filter}")).Ids();

        Assert.Equal(await factory.CountAsync(countSql), seen.Count);
        Assert.Equal(await _client.SinglePageIdsAsync($"/api/v1/timeline?limit=500{filter}"), seen);
    }

    [Theory]
    [InlineData("summit=no-such-summit", "summit")]
    [InlineData("from=2025-02-30", "from")]
    [InlineData("to=November", "to")]
    [InlineData("from=2025-11-25&to=2025-11-20", "to")]
    [InlineData("date=2025-11-20", "date")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=100000", "limit")]
    public async Task Bad_timeline_input_is_a_400_naming_the_parameter(string query, string parameter)
    {
        await ApiAssertions.AssertBadRequestNamingAsync(_client, $"/api/v1/timeline?{query}", parameter);
    }

    [Theory]
    [InlineData("/api/v1/timeline?limit=2", "/api/v1/timeline?limit=2", true)]
    [InlineData("/api/v1/timeline?limit=2&from=2025-10-01", "/api/v1/timeline?limit=2&from=2025-10-02", false)]
    public async Task An_edited_cursor_or_one_used_with_other_filters_is_a_400_naming_cursor(string firstPage, string nextPage, bool edit)
    {
        var cursor = await _client.NextCursorAsync(firstPage);

        await ApiAssertions.AssertBadRequestNamingAsync(_client, Pages.WithCursor(nextPage, edit ? Pages.Edited(cursor) : cursor), "cursor");
    }
}
