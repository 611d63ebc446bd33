using System.Net.Http.Json;
using System.Text.Json;

namespace SummitApi.Tests.Resources;

public class TimelineTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Timeline_follows_the_sources_order_words_qualifiers_and_after_before_links_with_unplaced_undated_events_last()
    {
        var ids = await _client.SinglePageIdsAsync("/api/v1/timeline");

        Assert.Equal(
            [
                "tariff-truce-struck-2025",
                "china-april-rare-earth-controls", "liberation-day-tariff-escalation",
                "china-rare-earth-export-suspensions",          // undated, "since" Liberation Day: after it
                "deal-struck-september-2025",
                "us-technology-ban-expansion",                  // undated, after last month's deal, before the October controls
                "china-october-rare-earth-controls",
                "trump-threatens-to-cancel-meeting",            // mid-October sorts before late October
                "trump-nuclear-testing-announcement",
                "kmt-leadership-election",                      // undated, before the meeting
                "busan-meeting", "cn-government-summary-issued", "cn-mofcom-statement", "trump-air-force-one-remarks", "trump-truth-social-post",
                "hegseth-dong-jun-contact",
                "tariff-truce-original-expiry",                 // 10 November before the late-November call
                "trump-xi-call-late-november",
                "trump-china-state-visit-early-2026-per-analysis", "us-midterm-elections-2026",
                "trump-china-visit-april-per-trump",
                "xi-us-visit-planned",                          // undated, after the April visit
                "bis-50-percent-rule", "rennie-piece-on-chinese-elite", "us-poison-pill-deals-asean",
                "us-rare-earth-diversification-agreements", "us-recent-state-elections",
            ],
            ids);
    }

    [Fact]
    public async Task Timeline_pages_keep_the_placed_order()
    {
        var whole = await _client.SinglePageIdsAsync("/api/v1/timeline");

        var paged = new List<string>();
        string? cursor = null;
        do
        {
            var page = await _client.GetFromJsonAsync<JsonElement>("/api/v1/timeline?limit=4" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            paged.AddRange(page.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.Equal(whole, paged);
    }

    [Fact]
    public async Task Timeline_date_basis_leaves_out_derived_and_assumed_dates_and_says_which_bases_it_used()
    {
        var all = await _client.GetAsync("/api/v1/timeline?from=2025-10-30&to=2025-10-31");
        var stated = await _client.GetAsync("/api/v1/timeline?from=2025-10-30&to=2025-10-31&dateBasis=stated");

        Assert.Equal("assumed,derived,stated", Assert.Single(all.Headers.GetValues("Summit-Date-Basis")));
        Assert.Equal("stated", Assert.Single(stated.Headers.GetValues("Summit-Date-Basis")));
        Assert.Equal(
            ["tariff-truce-struck-2025", "china-october-rare-earth-controls", "trump-nuclear-testing-announcement", "busan-meeting",
             "cn-government-summary-issued", "cn-mofcom-statement", "trump-air-force-one-remarks", "trump-truth-social-post", "hegseth-dong-jun-contact"],
            await IdsAsync(all));
        Assert.Equal(["tariff-truce-struck-2025", "china-october-rare-earth-controls", "busan-meeting"], await IdsAsync(stated));
        Assert.Equal(
            ["trump-nuclear-testing-announcement", "trump-air-force-one-remarks", "hegseth-dong-jun-contact"],
            await _client.SinglePageIdsAsync("/api/v1/timeline?from=2025-10-30&to=2025-10-31&dateBasis=derived"));
        Assert.False((await _client.GetAsync("/api/v1/timeline")).Headers.Contains("Summit-Date-Basis"));
    }

    [Theory]
    [InlineData("dateBasis=stated", "dateBasis")]
    [InlineData("from=2025-10-01&dateBasis=guessed", "dateBasis")]
    public async Task A_date_basis_without_a_date_filter_or_unknown_is_a_400_naming_it(string query, string parameter)
    {
        await ApiAssertions.AssertBadRequestNamingAsync(_client, $"/api/v1/timeline?{query}", parameter);
    }

    [Fact]
    public async Task A_derived_event_names_its_anchor_and_offset_and_is_no_finer_than_them()
    {
        var call = await _client.GetFromJsonAsync<JsonElement>("/api/v1/events/hegseth-dong-jun-contact");
        Assert.Equal(("derived", "summit", "busan-2025", "P1D", "2025-10-31", "day"),
            (call.GetProperty("dateBasis").GetString(), call.GetProperty("dateAnchorType").GetString(), call.GetProperty("dateAnchorId").GetString(),
             call.GetProperty("dateOffset").GetString(), call.GetProperty("date").GetString(), call.GetProperty("datePrecision").GetString()));

        var deal = await _client.GetFromJsonAsync<JsonElement>("/api/v1/events/deal-struck-september-2025");
        Assert.Equal(("derived", "-P1M", "month"), (deal.GetProperty("dateBasis").GetString(), deal.GetProperty("dateOffset").GetString(), deal.GetProperty("datePrecision").GetString()));

        var ban = await _client.GetFromJsonAsync<JsonElement>("/api/v1/events/us-technology-ban-expansion");
        Assert.Equal(JsonValueKind.Null, ban.GetProperty("dateBasis").ValueKind);
        Assert.Equal(["deal-struck-september-2025"], ban.GetProperty("after").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["china-october-rare-earth-controls"], ban.GetProperty("before").EnumerateArray().Select(e => e.GetString()));
    }

    private static async Task<List<string>> IdsAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();

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
        // The late-November call is stored as 2025-11-01/month/late (21 to 30 November); the 2025 truce as 2025-01-01/year.
        Assert.Equal(["tariff-truce-struck-2025", "trump-xi-call-late-november"], await _client.SinglePageIdsAsync("/api/v1/timeline?from=2025-11-20&to=2025-11-25"));
    }

    [Fact]
    public async Task Timeline_range_of_one_day_matches_that_days_events_and_the_periods_covering_it()
    {
        Assert.Equal(
            ["tariff-truce-struck-2025", "china-october-rare-earth-controls", "trump-nuclear-testing-announcement", "hegseth-dong-jun-contact"],
            await _client.SinglePageIdsAsync("/api/v1/timeline?from=2025-10-31&to=2025-10-31"));
        // Late November is its last third (21 to 30 November): it does not cover the 10th.
        Assert.Equal(
            ["tariff-truce-struck-2025", "tariff-truce-original-expiry"],
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
