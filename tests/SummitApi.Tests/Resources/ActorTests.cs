using System.Net.Http.Json;
using System.Text.Json;

namespace SummitApi.Tests.Resources;

public class ActorTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    [Fact]
    public async Task Actor_list_pages_through_every_actor_in_id_order()
    {
        var items = await factory.CreateClient().ReadAllInIdOrderAsync("/api/v1/actors?limit=2");

        Assert.Equal(await factory.CountAsync("SELECT count(*) FROM actor"), items.Count);
        Assert.Contains(items, a => a.GetProperty("id").GetString() == "xi-jinping");
    }

    [Fact]
    public async Task Actor_list_filters_by_party()
    {
        var items = await factory.CreateClient().ReadAllInIdOrderAsync("/api/v1/actors?party=CN&limit=3");

        Assert.Equal(["china-ministry-of-commerce", "chinese-government", "dong-jun", "xi-jinping"], items.Ids());
        Assert.All(items, a => Assert.Equal("CN", a.GetProperty("partyId").GetString()));
    }

    [Theory]
    [InlineData("bis", "BIS 50% rule")]
    [InlineData("kmt", "leader of KMT")]
    [InlineData("pentagon", "Pentagon Chief")]
    [InlineData("us-congress", "Congress")]
    [InlineData("asean", "ASEAN")]
    [InlineData("tatmadaw", "Tatmadaw junta")]
    public async Task A_body_the_sources_name_is_an_actor_cited_where_they_name_it(string id, string named)
    {
        var actor = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/actors/{id}");

        Assert.Equal("organisation", actor.GetProperty("kind").GetString());
        Assert.Contains(actor.GetProperty("citations").EnumerateArray(), c => c.GetProperty("excerpt").GetString()!.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Actor_is_served_with_its_role_party_notes_and_citations()
    {
        var actor = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/actors/xi-jinping");

        Assert.Equal("Xi Jinping", actor.GetProperty("name").GetString());
        Assert.Equal("person", actor.GetProperty("kind").GetString());
        Assert.Equal("Chinese President", actor.GetProperty("role").GetString());
        Assert.Equal(JsonValueKind.Null, actor.GetProperty("affiliation").ValueKind);
        Assert.Equal("CN", actor.GetProperty("partyId").GetString());
        Assert.Equal("The analysis calls him 'Chinese President'; the NYT calls him 'China’s leader'.", actor.GetProperty("notes").GetString());
        Assert.Equal(
            [("nyt-kuo-pierson-2025-10-30", "President Donald Trump and China’s leader, Xi Jinping"),
             ("unsigned-analysis-busan", "U.S. President Donald Trump and Chinese President Xi Jinping held a face-to-face meeting in Busan")],
            actor.GetProperty("citations").EnumerateArray()
                .Select(c => (c.GetProperty("sourceId").GetString()!, c.GetProperty("excerpt").GetString()!))
                .OrderBy(c => c.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_analyst_speaks_for_no_party_and_keeps_the_affiliation_the_source_gives()
    {
        var actor = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/actors/zhu-feng");

        Assert.Equal(JsonValueKind.Null, actor.GetProperty("partyId").ValueKind);
        Assert.Equal("Professor of international relations", actor.GetProperty("role").GetString());
        Assert.Equal("Nanjing University", actor.GetProperty("affiliation").GetString());
    }

    [Fact]
    public async Task Unknown_actor_is_a_404_problem()
    {
        await ApiAssertions.AssertNotFoundNamingAsync(factory.CreateClient(), "/api/v1/actors/no-such-actor", "no-such-actor");
    }

    [Theory]
    [InlineData("party=XX", "party")]
    [InlineData("colour=red", "colour")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=100000", "limit")]
    public async Task Actor_list_rejects_bad_input_with_a_400_naming_the_parameter(string query, string parameter)
    {
        await ApiAssertions.AssertBadRequestNamingAsync(factory.CreateClient(), $"/api/v1/actors?{query}", parameter);
    }

    [Fact]
    public async Task Actor_list_rejects_an_edited_cursor()
    {
        await ApiAssertions.AssertEditedCursorIsRefusedAsync(factory.CreateClient(), "/api/v1/actors?limit=2");
    }

    [Fact]
    public async Task A_cursor_made_for_one_party_does_not_continue_another_partys_list()
    {
        await ApiAssertions.AssertCursorDoesNotContinueAsync(factory.CreateClient(), "/api/v1/actors?party=CN&limit=1", "/api/v1/actors?party=US&limit=1");
    }
}
