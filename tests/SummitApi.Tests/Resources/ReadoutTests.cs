using System.Net.Http.Json;
using System.Text.Json;

namespace SummitApi.Tests.Resources;

public class ReadoutTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    [Fact]
    public async Task Summit_readouts_list_every_readout_of_the_summit_in_id_order_with_its_statements()
    {
        var page = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/summits/busan-2025/readouts");

        var readouts = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(
            ["cn-government-summary-busan", "cn-mofcom-statement-busan", "cn-xi-remarks-busan", "us-trump-remarks-busan", "us-trump-truth-social-busan"],
            readouts.Select(r => r.GetProperty("id").GetString()));
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
        Assert.Equal([4, 3, 2, 12, 1], readouts.Select(r => r.GetProperty("statements").GetArrayLength()));
        foreach (var readout in readouts)
        {
            var statements = readout.GetProperty("statements").EnumerateArray().ToList();
            Assert.All(statements, s => Assert.Equal(readout.GetProperty("id").GetString(), s.GetProperty("readoutId").GetString()));
            Assert.All(statements, s => Assert.Equal(readout.GetProperty("partyId").GetString(), s.GetProperty("partyId").GetString()));
            var ids = statements.Select(s => s.GetProperty("id").GetString()!).ToList();
            Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        }
    }

    [Fact]
    public async Task Summit_readouts_page_through_one_at_a_time_to_the_end_without_duplicates_or_gaps()
    {
        var readouts = await factory.CreateClient().ReadAllInIdOrderAsync("/api/v1/summits/busan-2025/readouts?limit=1");

        Assert.Equal(await factory.CountAsync("SELECT count(*) FROM readout WHERE summit_id = 'busan-2025'"), readouts.Count);
        Assert.Equal(
            await factory.CountAsync("SELECT count(*) FROM readout_statement s JOIN readout r ON r.id = s.readout_id WHERE r.summit_id = 'busan-2025'"),
            readouts.Sum(r => r.GetProperty("statements").GetArrayLength()));
    }

    [Fact]
    public async Task A_summit_without_readouts_has_an_empty_last_page()
    {
        var page = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/summits/trump-xi-call-2025-11/readouts");

        Assert.Empty(page.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Fact]
    public async Task Readout_is_served_with_its_fields_citations_and_statements()
    {
        var readout = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/readouts/cn-government-summary-busan");

        Assert.Equal("busan-2025", readout.GetProperty("summitId").GetString());
        Assert.Equal("CN", readout.GetProperty("partyId").GetString());
        Assert.Equal("official_summary", readout.GetProperty("kind").GetString());
        Assert.Equal("chinese-government", readout.GetProperty("issuerId").GetString());
        Assert.Equal("Chinese government summary of Xi Jinping's remarks at the Busan meeting", readout.GetProperty("title").GetString());
        Assert.Equal("2025-10-30", readout.GetProperty("publishedDate").GetString());
        Assert.Equal("day", readout.GetProperty("publishedDatePrecision").GetString());
        Assert.Equal(JsonValueKind.Null, readout.GetProperty("publishedDateQualifier").ValueKind);
        Assert.Equal("cautious", readout.GetProperty("tone").GetString());
        Assert.Contains("the Chinese read-out", readout.GetProperty("notes").GetString());
        Assert.Contains(readout.GetProperty("citations").EnumerateArray(), c =>
            c.GetProperty("sourceId").GetString() == "unsigned-analysis-busan"
            && c.GetProperty("excerpt").GetString() == "the substantially more cautious tone from the Chinese read-out");
        Assert.Equal(
            ["cn-summary-meeting-assessment", "cn-summary-south-china-sea", "cn-summary-taiwan", "cn-summary-twists-and-turns"],
            readout.GetProperty("statements").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Readout_statement_is_served_with_its_readouts_party_and_the_statement_it_contradicts()
    {
        var statement = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/readout-statements/us-trump-remarks-12-out-of-10");

        Assert.Equal("us-trump-remarks-busan", statement.GetProperty("readoutId").GetString());
        Assert.Equal("US", statement.GetProperty("partyId").GetString());
        Assert.Equal("meeting_assessment", statement.GetProperty("topic").GetString());
        Assert.Equal("asserts", statement.GetProperty("stance").GetString());
        Assert.Equal("Trump dubbed the Busan summit a “12 out of 10”.", statement.GetProperty("claim").GetString());
        Assert.Equal(JsonValueKind.Null, statement.GetProperty("outcomeId").ValueKind);
        Assert.Equal(JsonValueKind.Null, statement.GetProperty("concessionId").ValueKind);
        Assert.Equal(["cn-summary-meeting-assessment"], statement.GetProperty("contradicts").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("Where and when Trump said it is not stated", statement.GetProperty("notes").GetString());
        var citation = Assert.Single(statement.GetProperty("citations").EnumerateArray());
        Assert.Equal("unsigned-analysis-busan", citation.GetProperty("sourceId").GetString());
        Assert.Contains("“12 out of 10”", citation.GetProperty("excerpt").GetString());
    }

    [Fact]
    public async Task A_not_mentioned_statement_has_no_claim_and_links_its_omission_outcome()
    {
        var statement = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/readout-statements/cn-summary-taiwan");

        Assert.Equal("CN", statement.GetProperty("partyId").GetString());
        Assert.Equal("not_mentioned", statement.GetProperty("stance").GetString());
        Assert.Equal(JsonValueKind.Null, statement.GetProperty("claim").ValueKind);
        Assert.Equal("taiwan-not-mentioned", statement.GetProperty("outcomeId").GetString());
        Assert.Empty(statement.GetProperty("contradicts").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/v1/summits/no-such-summit/readouts", "no-such-summit")]
    [InlineData("/api/v1/readouts/no-such-readout", "no-such-readout")]
    [InlineData("/api/v1/readout-statements/no-such-statement", "no-such-statement")]
    public async Task Unknown_ids_are_a_404_problem_naming_the_id(string path, string id)
    {
        await ApiAssertions.AssertNotFoundNamingAsync(factory.CreateClient(), path, id);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=100000", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("party=US", "party")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task Bad_readout_list_input_is_a_400_naming_the_parameter(string query, string parameter)
    {
        await ApiAssertions.AssertBadRequestNamingAsync(factory.CreateClient(), $"/api/v1/summits/busan-2025/readouts?{query}", parameter);
    }

    [Fact]
    public async Task An_edited_cursor_is_a_400_naming_cursor()
    {
        await ApiAssertions.AssertEditedCursorIsRefusedAsync(factory.CreateClient(), "/api/v1/summits/busan-2025/readouts?limit=1");
    }

    [Fact]
    public async Task A_cursor_of_one_summits_readouts_does_not_continue_another_summits()
    {
        await ApiAssertions.AssertCursorDoesNotContinueAsync(
            factory.CreateClient(), "/api/v1/summits/busan-2025/readouts?limit=1", "/api/v1/summits/trump-xi-call-2025-11/readouts?limit=1");
    }

    [Fact]
    public async Task Item_endpoints_take_no_query_parameters()
    {
        await ApiAssertions.AssertBadRequestNamingAsync(factory.CreateClient(), "/api/v1/readouts/cn-government-summary-busan?limit=1", "limit");
    }

    [Fact]
    public async Task A_statement_quoting_xi_names_him_as_its_speaker_and_rests_on_the_summary_the_nyt_attributes_it_to()
    {
        var statement = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/readout-statements/cn-summary-twists-and-turns");

        Assert.Equal(("xi-jinping", "readout", "cn-government-summary-busan"),
            (statement.GetProperty("speakerId").GetString(), statement.GetProperty("basis").GetString(), statement.GetProperty("readoutId").GetString()));
    }
}
