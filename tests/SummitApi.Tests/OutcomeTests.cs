using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using SummitApi.Tests.Infrastructure;

namespace SummitApi.Tests;

public class OutcomeTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    private static readonly string[] BusanOutcomes =
    [
        "april-rare-earth-controls-not-mentioned", "cn-rare-earth-easing", "fentanyl-precursor-action", "fentanyl-tariff-reduction",
        "reciprocal-visits", "south-china-sea-not-mentioned", "soybean-purchases", "taiwan-not-mentioned", "truce-extension",
        "ukraine-discussed", "us-export-control-expansion-suspension", "us-port-fee-suspension",
    ];

    [Fact]
    public async Task Outcome_list_returns_every_outcome_ordered_by_id()
    {
        Assert.Equal(BusanOutcomes, await IdsAsync("/api/v1/outcomes"));
    }

    [Fact]
    public async Task Outcome_list_filters_by_summit()
    {
        Assert.Equal(BusanOutcomes, await IdsAsync("/api/v1/outcomes?summit=busan-2025"));
        Assert.Empty(await IdsAsync("/api/v1/outcomes?summit=trump-xi-call-2025-11"));
    }

    [Fact]
    public async Task Outcome_list_filters_by_topic()
    {
        Assert.Equal(["april-rare-earth-controls-not-mentioned", "cn-rare-earth-easing"], await IdsAsync("/api/v1/outcomes?topic=rare_earths"));
    }

    [Fact]
    public async Task Outcome_list_filters_by_party_among_the_reporting_parties()
    {
        Assert.Equal(["cn-rare-earth-easing", "truce-extension"], await IdsAsync("/api/v1/outcomes?party=CN"));
        Assert.Contains("soybean-purchases", await IdsAsync("/api/v1/outcomes?party=US"));
        Assert.Empty(await IdsAsync("/api/v1/outcomes?party=JP"));
    }

    [Fact]
    public async Task Outcome_list_filters_by_status()
    {
        Assert.Equal(BusanOutcomes, await IdsAsync("/api/v1/outcomes?status=announced"));
        Assert.Empty(await IdsAsync("/api/v1/outcomes?status=lapsed"));
    }

    [Fact]
    public async Task Outcome_list_searches_the_full_text_of_title_summary_and_notes()
    {
        Assert.Equal(["ukraine-discussed"], await IdsAsync("/api/v1/outcomes?q=Ukraine"));
        Assert.Equal(["soybean-purchases"], await IdsAsync("/api/v1/outcomes?q=soybeans%20-rare"));
    }

    [Fact]
    public async Task Outcome_list_combines_filters()
    {
        Assert.Equal(["fentanyl-precursor-action", "fentanyl-tariff-reduction"], await IdsAsync("/api/v1/outcomes?summit=busan-2025&party=US&q=fentanyl"));
    }

    [Fact]
    public async Task Outcome_has_its_fields_concession_ids_and_citations()
    {
        var outcome = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/outcomes/truce-extension");

        Assert.Equal("truce-extension", outcome.GetProperty("id").GetString());
        Assert.Equal("busan-2025", outcome.GetProperty("summitId").GetString());
        Assert.Equal("trade_truce", outcome.GetProperty("topic").GetString());
        Assert.Equal("One-year extension of the tariff truce", outcome.GetProperty("title").GetString());
        Assert.StartsWith("China’s commerce ministry said", outcome.GetProperty("summary").GetString());
        Assert.Equal("agreement", outcome.GetProperty("kind").GetString());
        Assert.Equal("announced", outcome.GetProperty("status").GetString());
        Assert.Equal(["CN"], Strings(outcome.GetProperty("reportedBy")));
        Assert.Equal(["cn-truce-extension", "us-truce-extension"], Strings(outcome.GetProperty("concessionIds")));
        Assert.StartsWith("reportedBy CN", outcome.GetProperty("notes").GetString());
        Assert.NotEmpty(outcome.GetProperty("citations").EnumerateArray());
        Assert.All(outcome.GetProperty("citations").EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("excerpt").GetString())));
    }

    [Fact]
    public async Task Outcome_without_concessions_or_reporting_party_has_empty_lists()
    {
        var outcome = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/outcomes/taiwan-not-mentioned");

        Assert.Equal("omission", outcome.GetProperty("kind").GetString());
        Assert.Empty(outcome.GetProperty("reportedBy").EnumerateArray());
        Assert.Empty(outcome.GetProperty("concessionIds").EnumerateArray());
    }

    [Fact]
    public async Task Unknown_outcome_is_a_404_problem_naming_the_id()
    {
        await AssertNotFoundAsync("/api/v1/outcomes/no-such-outcome", "no-such-outcome");
    }

    [Fact]
    public async Task Summit_outcomes_lists_that_summits_outcomes()
    {
        Assert.Equal(BusanOutcomes, await IdsAsync("/api/v1/summits/busan-2025/outcomes"));
        Assert.Empty(await IdsAsync("/api/v1/summits/xi-us-visit/outcomes"));
    }

    [Fact]
    public async Task Summit_outcomes_filter_by_topic_and_status()
    {
        Assert.Equal(["truce-extension"], await IdsAsync("/api/v1/summits/busan-2025/outcomes?topic=trade_truce&status=announced"));
        Assert.Empty(await IdsAsync("/api/v1/summits/busan-2025/outcomes?topic=trade_truce&status=confirmed"));
    }

    [Fact]
    public async Task Outcomes_of_an_unknown_summit_are_a_404_problem_naming_the_summit()
    {
        await AssertNotFoundAsync("/api/v1/summits/no-such-summit/outcomes", "no-such-summit");
    }

    [Theory]
    [InlineData("/api/v1/outcomes", "SELECT id FROM outcome ORDER BY id")]
    [InlineData("/api/v1/summits/busan-2025/outcomes", "SELECT id FROM outcome WHERE summit_id = 'busan-2025' ORDER BY id")]
    public async Task Outcomes_page_through_to_the_end_without_duplicates_or_gaps(string path, string expectedSql)
    {
        var client = factory.CreateClient();
        var seen = new List<string>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"{path}?limit=2{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            var items = page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList();
            Assert.InRange(items.Count, 1, 2);
            seen.AddRange(items);
            pages++;
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        await using var connection = await factory.OpenConnectionAsync();
        var expected = (await connection.QueryAsync<string>(expectedSql)).ToList();
        Assert.Equal(expected.Count, seen.Count);
        Assert.Equal(expected.Count, seen.Distinct().Count());
        Assert.Equal(expected, seen);
        Assert.Equal((expected.Count + 1) / 2, pages);
    }

    [Theory]
    [InlineData("/api/v1/outcomes?summit=no-such-summit", "summit")]
    [InlineData("/api/v1/outcomes?topic=weather", "topic")]
    [InlineData("/api/v1/outcomes?party=ZZ", "party")]
    [InlineData("/api/v1/outcomes?status=rumoured", "status")]
    [InlineData("/api/v1/outcomes?q=%20", "q")]
    [InlineData("/api/v1/outcomes?colour=red", "colour")]
    [InlineData("/api/v1/outcomes?limit=0", "limit")]
    [InlineData("/api/v1/outcomes?limit=100000", "limit")]
    [InlineData("/api/v1/summits/busan-2025/outcomes?topic=weather", "topic")]
    [InlineData("/api/v1/summits/busan-2025/outcomes?party=CN", "party")]
    [InlineData("/api/v1/summits/busan-2025/outcomes?limit=0", "limit")]
    public async Task Bad_outcome_list_input_is_a_400_naming_the_parameter(string url, string parameter)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"no error for '{parameter}' in {problem}");
    }

    [Theory]
    [InlineData("/api/v1/outcomes?limit=2", "")]
    [InlineData("/api/v1/outcomes?limit=1&topic=rare_earths", "&topic=tariffs")]
    public async Task An_edited_cursor_or_one_used_with_other_filters_is_a_400_naming_cursor(string firstPage, string change)
    {
        var client = factory.CreateClient();
        var cursor = (await client.GetFromJsonAsync<JsonElement>(firstPage)).GetProperty("nextCursor").GetString()!;
        var sent = change.Length == 0
            ? firstPage + "&cursor=" + Uri.EscapeDataString(cursor[..^2] + (cursor[^2] == 'A' ? "B" : "A") + cursor[^1])
            : firstPage.Split('&')[0] + change + "&cursor=" + Uri.EscapeDataString(cursor);

        var response = await client.GetAsync(sent);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
    }

    private async Task<List<string>> IdsAsync(string url)
    {
        var page = await factory.CreateClient().GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
        return page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()!).ToList();
    }

    private async Task AssertNotFoundAsync(string url, string id)
    {
        var response = await factory.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(id, problem.GetProperty("detail").GetString());
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
