using System.Net.Http.Json;
using System.Text.Json;

namespace SummitApi.Tests.Resources;

public class PartyTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    [Fact]
    public async Task Party_list_pages_through_every_party_in_id_order()
    {
        var items = await factory.CreateClient().ReadAllInIdOrderAsync("/api/v1/parties?limit=2");

        var ids = items.Ids();
        Assert.Equal(["AU", "CN", "JP", "MY", "US"], ids);
        Assert.Equal(await factory.CountAsync("SELECT count(*) FROM party"), ids.Count);
    }

    [Fact]
    public async Task Party_is_served_with_its_name_and_kind_and_no_citations()
    {
        var party = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/parties/CN");

        Assert.Equal("CN", party.GetProperty("id").GetString());
        Assert.Equal("China", party.GetProperty("name").GetString());
        Assert.Equal("state", party.GetProperty("kind").GetString());
        Assert.False(party.TryGetProperty("citations", out _));
    }

    [Fact]
    public async Task Unknown_party_is_a_404_problem()
    {
        await ApiAssertions.AssertNotFoundNamingAsync(factory.CreateClient(), "/api/v1/parties/XX", "XX");
    }

    [Theory]
    [InlineData("colour=red", "colour")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=100000", "limit")]
    public async Task Party_list_rejects_bad_input_with_a_400_naming_the_parameter(string query, string parameter)
    {
        await ApiAssertions.AssertBadRequestNamingAsync(factory.CreateClient(), $"/api/v1/parties?{query}", parameter);
    }

    [Fact]
    public async Task Party_list_rejects_an_edited_cursor()
    {
        await ApiAssertions.AssertEditedCursorIsRefusedAsync(factory.CreateClient(), "/api/v1/parties?limit=2");
    }
}
