using System.Net.Http.Json;
using System.Text.Json;
using Dapper;

namespace SummitApi.Tests.Resources;

public class ConcessionTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static readonly string[] ChineseConcessions =
    [
        "cn-fentanyl-precursor-curbs", "cn-october-rare-earth-controls-suspension", "cn-rare-earth-purchase-barriers-reduction",
        "cn-soybean-purchases", "cn-truce-extension",
    ];

    private static readonly string[] UsConcessions =
    [
        "us-entity-list-export-control-suspension", "us-fentanyl-tariff-cut", "us-port-fee-suspension-chinese-ships", "us-truce-extension",
    ];

    private static readonly string[] BusanConcessions = [.. ChineseConcessions, .. UsConcessions];

    // The truce extensions are the only Busan concessions with an effective date (2025-11-10, P1Y);
    // the others start at the summit, 2025-10-30, and have no expiry.
    private static readonly string[] BusanConcessionsWithoutTruceExtensions = BusanConcessions.Where(id => !id.EndsWith("truce-extension", StringComparison.Ordinal)).ToArray();

    [Fact]
    public async Task Concession_list_returns_every_concession_ordered_by_id()
    {
        Assert.Equal(BusanConcessions, await _client.SinglePageIdsAsync("/api/v1/concessions"));
    }

    [Fact]
    public async Task Concession_list_filters_by_summit_of_its_outcome()
    {
        Assert.Equal(BusanConcessions, await _client.SinglePageIdsAsync("/api/v1/concessions?summit=busan-2025"));
        Assert.Empty(await _client.SinglePageIdsAsync("/api/v1/concessions?summit=trump-xi-call-2025-11"));
    }

    [Fact]
    public async Task Concession_list_filters_by_giver()
    {
        Assert.Equal(ChineseConcessions, await _client.SinglePageIdsAsync("/api/v1/concessions?giver=CN"));
        Assert.Equal(UsConcessions, await _client.SinglePageIdsAsync("/api/v1/concessions?giver=US"));
        Assert.Empty(await _client.SinglePageIdsAsync("/api/v1/concessions?giver=JP"));
    }

    [Fact]
    public async Task Concession_list_filters_by_beneficiary()
    {
        Assert.Equal(UsConcessions, await _client.SinglePageIdsAsync("/api/v1/concessions?beneficiary=CN"));
        Assert.Equal(ChineseConcessions, await _client.SinglePageIdsAsync("/api/v1/concessions?beneficiary=US"));
        Assert.Empty(await _client.SinglePageIdsAsync("/api/v1/concessions?giver=US&beneficiary=US"));
    }

    [Fact]
    public async Task Concession_list_filters_by_topic_of_its_outcome()
    {
        Assert.Equal(["cn-truce-extension", "us-truce-extension"], await _client.SinglePageIdsAsync("/api/v1/concessions?topic=trade_truce"));
        Assert.Equal(["cn-october-rare-earth-controls-suspension", "cn-rare-earth-purchase-barriers-reduction"], await _client.SinglePageIdsAsync("/api/v1/concessions?topic=rare_earths"));
        Assert.Empty(await _client.SinglePageIdsAsync("/api/v1/concessions?topic=taiwan"));
    }

    [Theory]
    [InlineData("2025-10-29")] // the day before the summit
    [InlineData("2024-01-01")]
    public async Task No_busan_concession_is_active_before_the_summit(string day)
    {
        Assert.Empty(await _client.SinglePageIdsAsync($"/api/v1/concessions?summit=busan-2025&activeOn={day}"));
    }

    [Fact]
    public async Task Concessions_without_an_effective_date_are_active_from_their_summit_date()
    {
        Assert.Equal(BusanConcessionsWithoutTruceExtensions, await _client.SinglePageIdsAsync("/api/v1/concessions?activeOn=2025-10-30"));
        Assert.Equal(BusanConcessionsWithoutTruceExtensions, await _client.SinglePageIdsAsync("/api/v1/concessions?activeOn=2025-11-09"));
    }

    [Theory]
    [InlineData("2025-11-10")] // their effective date
    [InlineData("2026-01-15")]
    [InlineData("2026-11-09")] // the last day before their derived expiry
    public async Task The_truce_extensions_are_active_from_their_effective_date_until_their_expiry(string day)
    {
        Assert.Equal(BusanConcessions, await _client.SinglePageIdsAsync($"/api/v1/concessions?activeOn={day}"));
    }

    [Theory]
    [InlineData("2026-11-10")] // the derived expiry date itself
    [InlineData("2026-12-01")]
    public async Task The_truce_extensions_are_no_longer_active_on_or_after_their_expiry(string day)
    {
        Assert.Equal(BusanConcessionsWithoutTruceExtensions, await _client.SinglePageIdsAsync($"/api/v1/concessions?activeOn={day}"));
    }

    [Fact]
    public async Task Concession_list_searches_the_full_text_of_instrument_metric_and_notes()
    {
        Assert.Equal(["us-entity-list-export-control-suspension"], await _client.SinglePageIdsAsync("/api/v1/concessions?q=Entity"));
        Assert.Equal(["us-port-fee-suspension-chinese-ships"], await _client.SinglePageIdsAsync("/api/v1/concessions?q=%22Chinese%20ships%22"));
        Assert.Equal(["us-fentanyl-tariff-cut"], await _client.SinglePageIdsAsync("/api/v1/concessions?q=tariff%20rate"));
    }

    [Fact]
    public async Task Concession_list_combines_filters()
    {
        Assert.Equal(["cn-truce-extension"], await _client.SinglePageIdsAsync("/api/v1/concessions?summit=busan-2025&giver=CN&beneficiary=US&topic=trade_truce&activeOn=2026-01-15&q=truce"));
    }

    [Fact]
    public async Task Concession_has_its_outcomes_summit_and_topic_its_dates_and_a_derived_expiry()
    {
        var concession = await _client.GetFromJsonAsync<JsonElement>("/api/v1/concessions/us-truce-extension");

        Assert.Equal("us-truce-extension", concession.GetProperty("id").GetString());
        Assert.Equal("truce-extension", concession.GetProperty("outcomeId").GetString());
        Assert.Equal("busan-2025", concession.GetProperty("summitId").GetString());
        Assert.Equal("trade_truce", concession.GetProperty("topic").GetString());
        Assert.Equal("US", concession.GetProperty("giver").GetString());
        Assert.Equal("CN", concession.GetProperty("beneficiary").GetString());
        Assert.Equal("extend_truce", concession.GetProperty("action").GetString());
        Assert.Equal("truce to limit additional tariffs", concession.GetProperty("instrument").GetString());
        Assert.Equal(JsonValueKind.Null, concession.GetProperty("metric").ValueKind);
        Assert.Equal(JsonValueKind.Null, concession.GetProperty("valueBefore").ValueKind);
        Assert.Equal(JsonValueKind.Null, concession.GetProperty("unit").ValueKind);
        Assert.False(concession.GetProperty("approximate").GetBoolean());
        Assert.Equal("2025-11-10", concession.GetProperty("effectiveDate").GetString());
        Assert.Equal("day", concession.GetProperty("effectiveDatePrecision").GetString());
        Assert.Equal(JsonValueKind.Null, concession.GetProperty("effectiveDateQualifier").ValueKind);
        Assert.Equal("P1Y", concession.GetProperty("duration").GetString());
        Assert.Equal("2026-11-10", concession.GetProperty("expiryDate").GetString());
        Assert.Equal("day", concession.GetProperty("expiryDatePrecision").GetString());
        Assert.Equal(["cn-truce-extension"], concession.GetProperty("exchangedFor").Strings());
        Assert.Equal(["CN"], concession.GetProperty("reportedBy").Strings());
        Assert.StartsWith("The US side of a mutual one-year extension", concession.GetProperty("notes").GetString());
        Assert.NotEmpty(concession.GetProperty("citations").EnumerateArray());
    }

    [Fact]
    public async Task Concession_has_its_values_and_no_expiry_without_an_effective_date()
    {
        var concession = await _client.GetFromJsonAsync<JsonElement>("/api/v1/concessions/us-fentanyl-tariff-cut");

        Assert.Equal("tariffs", concession.GetProperty("topic").GetString());
        Assert.Equal("reduce_tariff", concession.GetProperty("action").GetString());
        Assert.Equal("tariff rate", concession.GetProperty("metric").GetString());
        Assert.Equal(20m, concession.GetProperty("valueBefore").GetDecimal());
        Assert.Equal(10m, concession.GetProperty("valueAfter").GetDecimal());
        Assert.Equal("percent", concession.GetProperty("unit").GetString());
        Assert.Equal(JsonValueKind.Null, concession.GetProperty("effectiveDate").ValueKind);
        Assert.Equal(JsonValueKind.Null, concession.GetProperty("expiryDate").ValueKind);
        Assert.Equal(JsonValueKind.Null, concession.GetProperty("expiryDatePrecision").ValueKind);
        Assert.Equal(["cn-rare-earth-purchase-barriers-reduction", "cn-soybean-purchases"], concession.GetProperty("exchangedFor").Strings());
        Assert.Equal(["US"], concession.GetProperty("reportedBy").Strings());
    }

    [Fact]
    public async Task Every_pairing_names_the_source_that_states_it_and_unsupported_pairings_are_gone()
    {
        var tariffCut = await _client.GetFromJsonAsync<JsonElement>("/api/v1/concessions/us-fentanyl-tariff-cut");
        Assert.Equal(
            ["cn-rare-earth-purchase-barriers-reduction unsigned-analysis-busan", "cn-soybean-purchases unsigned-analysis-busan"],
            tariffCut.GetProperty("exchanges").EnumerateArray().Select(e => $"{e.GetProperty("concessionId").GetString()} {e.GetProperty("sourceId").GetString()}"));

        // The NYT says Xi won the port-fee suspension by flexing rare earths and soybeans: leverage, not a stated exchange.
        var portFees = await _client.GetFromJsonAsync<JsonElement>("/api/v1/concessions/us-port-fee-suspension-chinese-ships");
        Assert.Empty(portFees.GetProperty("exchangedFor").EnumerateArray());
        Assert.Empty(portFees.GetProperty("exchanges").EnumerateArray());
    }

    [Fact]
    public async Task The_truce_extensions_assumed_start_gives_an_expiry_that_does_not_look_stated()
    {
        var extension = await _client.GetFromJsonAsync<JsonElement>("/api/v1/concessions/us-truce-extension");

        Assert.Equal("2025-11-10", extension.GetProperty("effectiveDate").GetString());
        Assert.Equal("assumed", extension.GetProperty("effectiveDateBasis").GetString());
        Assert.Equal("2026-11-10", extension.GetProperty("expiryDate").GetString());
        Assert.Equal("assumed", extension.GetProperty("expiryDateBasis").GetString());
        Assert.Contains("assumed", extension.GetProperty("notes").GetString());
    }

    [Fact]
    public async Task Active_on_with_stated_dates_only_treats_the_assumed_truce_dates_as_unknown_and_says_so()
    {
        // With every basis, the extensions start on their assumed 10 November 2025 and lapse on 10 November 2026.
        var all = await _client.GetAsync("/api/v1/concessions?activeOn=2026-12-01");
        Assert.Equal("assumed,derived,stated", Assert.Single(all.Headers.GetValues("Summit-Date-Basis")));
        Assert.DoesNotContain("us-truce-extension", await IdsAsync(all));

        // With stated dates only, they start at their (stated) summit and no stated date ends them.
        var stated = await _client.GetAsync("/api/v1/concessions?activeOn=2026-12-01&dateBasis=stated");
        Assert.Equal("stated", Assert.Single(stated.Headers.GetValues("Summit-Date-Basis")));
        Assert.Equal(BusanConcessions, await IdsAsync(stated));
        Assert.Contains("us-truce-extension", await _client.SinglePageIdsAsync("/api/v1/concessions?activeOn=2025-11-01&dateBasis=stated"));
        Assert.DoesNotContain("us-truce-extension", await _client.SinglePageIdsAsync("/api/v1/concessions?activeOn=2025-11-01"));
    }

    private static async Task<List<string>> IdsAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()!).ToList();

    [Fact]
    public async Task A_duration_without_an_effective_date_derives_no_expiry()
    {
        var concession = await _client.GetFromJsonAsync<JsonElement>("/api/v1/concessions/cn-october-rare-earth-controls-suspension");

        Assert.Equal("P1Y", concession.GetProperty("duration").GetString());
        Assert.Equal(JsonValueKind.Null, concession.GetProperty("effectiveDate").ValueKind);
        Assert.Equal(JsonValueKind.Null, concession.GetProperty("expiryDate").ValueKind);
        Assert.Equal(JsonValueKind.Null, concession.GetProperty("expiryDatePrecision").ValueKind);
    }

    [Fact]
    public async Task Unknown_concession_is_a_404_problem_naming_the_id()
    {
        await ApiAssertions.AssertNotFoundNamingAsync(_client, "/api/v1/concessions/no-such-concession", "no-such-concession");
    }

    [Theory]
    [InlineData("", "SELECT id FROM concession ORDER BY id")]
    [InlineData("&giver=CN", "SELECT id FROM concession WHERE giver = 'CN' ORDER BY id")]
    public async Task Concessions_page_through_to_the_end_without_duplicates_or_gaps(string filter, string expectedSql)
    {
        var seen = (await _client.ReadAllAsync($"/api/v1/concessions?limit=2{filter}")).Ids();

        await using var connection = await factory.OpenConnectionAsync();
        var expected = (await connection.QueryAsync<string>(expectedSql)).ToList();
        Assert.Equal(expected.Count, seen.Count);
        Assert.Equal(expected, seen);
    }

    [Theory]
    [InlineData("summit=no-such-summit", "summit")]
    [InlineData("giver=ZZ", "giver")]
    [InlineData("beneficiary=ZZ", "beneficiary")]
    [InlineData("topic=weather", "topic")]
    [InlineData("activeOn=2025-13-01", "activeOn")]
    [InlineData("activeOn=yesterday", "activeOn")]
    [InlineData("dateBasis=stated", "dateBasis")]
    [InlineData("activeOn=2025-11-01&dateBasis=stated,hoped", "dateBasis")]
    [InlineData("q=%20", "q")]
    [InlineData("party=CN", "party")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=100000", "limit")]
    public async Task Bad_concession_list_input_is_a_400_naming_the_parameter(string query, string parameter)
    {
        await ApiAssertions.AssertBadRequestNamingAsync(_client, $"/api/v1/concessions?{query}", parameter);
    }

    [Theory]
    [InlineData("/api/v1/concessions?limit=2", "/api/v1/concessions?limit=2", true)]
    [InlineData("/api/v1/concessions?limit=2&activeOn=2026-01-15", "/api/v1/concessions?limit=2&activeOn=2026-12-01", false)]
    public async Task An_edited_cursor_or_one_used_with_other_filters_is_a_400_naming_cursor(string firstPage, string nextPage, bool edit)
    {
        var cursor = await _client.NextCursorAsync(firstPage);

        await ApiAssertions.AssertBadRequestNamingAsync(_client, Pages.WithCursor(nextPage, edit ? Pages.Edited(cursor) : cursor), "cursor");
    }
}
