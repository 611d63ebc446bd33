using System.Net.Http.Json;
using System.Text.Json;
using Dapper;

namespace SummitApi.Tests.Resources;

public class OutcomeTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static readonly string[] BusanOutcomes =
    [
        "april-rare-earth-controls-not-mentioned", "cn-rare-earth-easing", "fentanyl-precursor-action", "fentanyl-tariff-reduction",
        "reciprocal-visits", "south-china-sea-not-mentioned", "soybean-purchases", "taiwan-not-mentioned", "truce-extension",
        "ukraine-discussed", "us-export-control-expansion-suspension", "us-port-fee-suspension",
    ];

    [Fact]
    public async Task Outcome_list_returns_every_outcome_ordered_by_id()
    {
        Assert.Equal(BusanOutcomes, await _client.SinglePageIdsAsync("/api/v1/outcomes"));
    }

    [Fact]
    public async Task Outcome_list_filters_by_summit()
    {
        Assert.Equal(BusanOutcomes, await _client.SinglePageIdsAsync("/api/v1/outcomes?summit=busan-2025"));
        Assert.Empty(await _client.SinglePageIdsAsync("/api/v1/outcomes?summit=trump-xi-call-2025-11"));
    }

    [Fact]
    public async Task Outcome_list_filters_by_topic()
    {
        Assert.Equal(["april-rare-earth-controls-not-mentioned", "cn-rare-earth-easing"], await _client.SinglePageIdsAsync("/api/v1/outcomes?topic=rare_earths"));
    }

    [Fact]
    public async Task Outcome_list_filters_by_party_among_the_reporting_parties()
    {
        Assert.Equal(["cn-rare-earth-easing", "truce-extension"], await _client.SinglePageIdsAsync("/api/v1/outcomes?party=CN"));
        Assert.Contains("soybean-purchases", await _client.SinglePageIdsAsync("/api/v1/outcomes?party=US"));
        Assert.Empty(await _client.SinglePageIdsAsync("/api/v1/outcomes?party=JP"));
    }

    [Fact]
    public async Task Outcome_list_filters_by_status()
    {
        Assert.Equal(BusanOutcomes, await _client.SinglePageIdsAsync("/api/v1/outcomes?status=announced"));
        Assert.Empty(await _client.SinglePageIdsAsync("/api/v1/outcomes?status=lapsed"));
    }

    [Fact]
    public async Task Outcome_list_searches_the_full_text_of_title_summary_and_notes()
    {
        Assert.Equal(["ukraine-discussed"], await _client.SinglePageIdsAsync("/api/v1/outcomes?q=Ukraine"));
        Assert.Equal(["soybean-purchases"], await _client.SinglePageIdsAsync("/api/v1/outcomes?q=soybeans%20-rare"));
    }

    [Fact]
    public async Task Outcome_list_combines_filters()
    {
        Assert.Equal(["fentanyl-precursor-action", "fentanyl-tariff-reduction"], await _client.SinglePageIdsAsync("/api/v1/outcomes?summit=busan-2025&party=US&q=fentanyl"));
    }

    [Fact]
    public async Task Outcome_has_its_fields_concession_ids_and_citations()
    {
        var outcome = await _client.GetFromJsonAsync<JsonElement>("/api/v1/outcomes/truce-extension");

        Assert.Equal("truce-extension", outcome.GetProperty("id").GetString());
        Assert.Equal("busan-2025", outcome.GetProperty("summitId").GetString());
        Assert.Equal("trade_truce", outcome.GetProperty("topic").GetString());
        Assert.Equal("One-year extension of the tariff truce", outcome.GetProperty("title").GetString());
        Assert.StartsWith("China’s commerce ministry said", outcome.GetProperty("summary").GetString());
        Assert.Equal("agreement", outcome.GetProperty("kind").GetString());
        Assert.Equal("announced", outcome.GetProperty("status").GetString());
        Assert.Equal(["CN"], outcome.GetProperty("reportedBy").Strings());
        Assert.Equal(["cn-truce-extension", "us-truce-extension"], outcome.GetProperty("concessionIds").Strings());
        Assert.StartsWith("reportedBy CN", outcome.GetProperty("notes").GetString());
        Assert.NotEmpty(outcome.GetProperty("citations").EnumerateArray());
        Assert.All(outcome.GetProperty("citations").EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("excerpt").GetString())));
    }

    [Fact]
    public async Task Outcome_without_concessions_or_reporting_party_has_empty_lists()
    {
        var outcome = await _client.GetFromJsonAsync<JsonElement>("/api/v1/outcomes/taiwan-not-mentioned");

        Assert.Equal("omission", outcome.GetProperty("kind").GetString());
        Assert.Empty(outcome.GetProperty("reportedBy").EnumerateArray());
        Assert.Empty(outcome.GetProperty("concessionIds").EnumerateArray());
    }

    [Fact]
    public async Task Unknown_outcome_is_a_404_problem_naming_the_id()
    {
        await ApiAssertions.AssertNotFoundNamingAsync(_client, "/api/v1/outcomes/no-such-outcome", "no-such-outcome");
    }

    [Fact]
    public async Task Summit_outcomes_lists_that_summits_outcomes()
    {
        Assert.Equal(BusanOutcomes, await _client.SinglePageIdsAsync("/api/v1/summits/busan-2025/outcomes"));
        Assert.Empty(await _client.SinglePageIdsAsync("/api/v1/summits/xi-us-visit/outcomes"));
    }

    [Fact]
    public async Task Summit_outcomes_filter_by_topic_and_status()
    {
        Assert.Equal(["truce-extension"], await _client.SinglePageIdsAsync("/api/v1/summits/busan-2025/outcomes?topic=trade_truce&status=announced"));
        Assert.Empty(await _client.SinglePageIdsAsync("/api/v1/summits/busan-2025/outcomes?topic=trade_truce&status=confirmed"));
    }

    [Fact]
    public async Task Outcomes_of_an_unknown_summit_are_a_404_problem_naming_the_summit()
    {
        await ApiAssertions.AssertNotFoundNamingAsync(_client, "/api/v1/summits/no-such-summit/outcomes", "no-such-summit");
    }

    [Theory]
    [InlineData("/api/v1/outcomes", "SELECT id FROM outcome ORDER BY id")]
    [InlineData("/api/v1/summits/busan-2025/outcomes", "SELECT id FROM outcome WHERE summit_id = 'busan-2025' ORDER BY id")]
    public async Task Outcomes_page_through_to_the_end_without_duplicates_or_gaps(string path, string expectedSql)
    {
        var seen = (await _client.ReadAllAsync($"{path}?limit=2")).Ids();

        await using var connection = await factory.OpenConnectionAsync();
        var expected = (await connection.QueryAsync<string>(expectedSql)).ToList();
        Assert.Equal(expected.Count, seen.Count);
        Assert.Equal(expected, seen);
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
        await ApiAssertions.AssertBadRequestNamingAsync(_client, url, parameter);
    }

    [Theory]
    [InlineData("/api/v1/outcomes?limit=2", "")]
    [InlineData("/api/v1/outcomes?limit=1&topic=rare_earths", "&topic=tariffs")]
    public async Task An_edited_cursor_or_one_used_with_other_filters_is_a_400_naming_cursor(string firstPage, string change)
    {
        var cursor = await _client.NextCursorAsync(firstPage);
        var sent = change.Length == 0
            ? Pages.WithCursor(firstPage, Pages.Edited(cursor))
            : Pages.WithCursor(firstPage.Split('&')[0] + change, cursor);

        await ApiAssertions.AssertBadRequestNamingAsync(_client, sent, "cursor");
    }
}
