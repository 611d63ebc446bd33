using System.Net.Http.Json;
using System.Text.Json;

namespace SummitApi.Tests.Resources;

public class AssessmentTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    [Fact]
    public async Task Assessment_list_pages_through_every_assessment_in_id_order()
    {
        var items = await factory.CreateClient().ReadAllInIdOrderAsync("/api/v1/assessments?limit=2");

        Assert.Equal(await factory.CountAsync("SELECT count(*) FROM assessment"), items.Count);
    }

    [Fact]
    public async Task Assessment_list_filters_by_summit()
    {
        var client = factory.CreateClient();

        var busan = await client.ReadAllInIdOrderAsync("/api/v1/assessments?summit=busan-2025&limit=20");
        var call = await client.ReadAllInIdOrderAsync("/api/v1/assessments?summit=trump-xi-call-2025-11&limit=20");

        Assert.Equal(await factory.CountAsync("SELECT count(*) FROM assessment WHERE summit_id = 'busan-2025'"), busan.Count);
        Assert.Contains(busan, a => a.GetProperty("id").GetString() == "gewirtz-pocket-concessions");
        Assert.Empty(call);
    }

    [Fact]
    public async Task Assessment_list_filters_by_speaker()
    {
        var items = await factory.CreateClient().ReadAllInIdOrderAsync("/api/v1/assessments?speaker=zhu-feng&limit=1");

        Assert.Equal(["zhu-feng-blow-for-blow", "zhu-feng-lose-lose"], items.Ids());
    }

    [Fact]
    public async Task Assessment_list_filters_by_topic()
    {
        var items = await factory.CreateClient().ReadAllInIdOrderAsync("/api/v1/assessments?topic=taiwan&limit=2");

        Assert.Equal(
            ["analysis-cabinet-skeptical-taiwan", "analysis-taiwan-dont-bring-it-up", "analysis-taiwan-talks-state-visit", "nyt-taiwan-potential-concession"],
            items.Ids());
    }

    [Fact]
    public async Task Assessment_list_filters_combine()
    {
        var ids = await factory.CreateClient().SinglePageIdsAsync("/api/v1/assessments?speaker=zhu-feng&topic=rare_earths&summit=busan-2025");

        Assert.Equal(["zhu-feng-lose-lose"], ids);
    }

    [Fact]
    public async Task Assessment_is_served_with_its_speaker_quote_and_citation()
    {
        var assessment = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/assessments/gewirtz-pocket-concessions");

        const string quote = "What’s clear is they have become increasingly bold in exerting leverage and they are happy to pocket any and all U.S. concessions";
        Assert.Equal("julian-gewirtz", assessment.GetProperty("speakerId").GetString());
        Assert.Equal("busan-2025", assessment.GetProperty("summitId").GetString());
        Assert.Equal(JsonValueKind.Null, assessment.GetProperty("topic").ValueKind);
        Assert.Equal(quote, assessment.GetProperty("quote").GetString());
        var citation = Assert.Single(assessment.GetProperty("citations").EnumerateArray());
        Assert.Equal("nyt-kuo-pierson-2025-10-30", citation.GetProperty("sourceId").GetString());
        Assert.Equal(quote, citation.GetProperty("excerpt").GetString());
    }

    [Fact]
    public async Task A_sources_own_judgement_has_no_speaker()
    {
        var assessment = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/assessments/nyt-headline-xi-stronger");

        Assert.Equal(JsonValueKind.Null, assessment.GetProperty("speakerId").ValueKind);
        Assert.Equal("meeting_assessment", assessment.GetProperty("topic").GetString());
        Assert.Equal("How Xi Walked Away From Trump Trade Talks Looking Stronger", assessment.GetProperty("quote").GetString());
    }

    [Fact]
    public async Task Unknown_assessment_is_a_404_problem()
    {
        await ApiAssertions.AssertNotFoundNamingAsync(factory.CreateClient(), "/api/v1/assessments/no-such-assessment", "no-such-assessment");
    }

    [Theory]
    [InlineData("summit=no-such-summit", "summit")]
    [InlineData("speaker=no-such-actor", "speaker")]
    [InlineData("topic=weather", "topic")]
    [InlineData("colour=red", "colour")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=100000", "limit")]
    public async Task Assessment_list_rejects_bad_input_with_a_400_naming_the_parameter(string query, string parameter)
    {
        await ApiAssertions.AssertBadRequestNamingAsync(factory.CreateClient(), $"/api/v1/assessments?{query}", parameter);
    }

    [Fact]
    public async Task Assessment_list_rejects_an_edited_cursor()
    {
        await ApiAssertions.AssertEditedCursorIsRefusedAsync(factory.CreateClient(), "/api/v1/assessments?topic=taiwan&limit=2");
    }
}
