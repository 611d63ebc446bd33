using System.Net.Http.Json;
using System.Text.Json;

namespace SummitApi.Tests.Resources;

public class ContextFigureTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    [Fact]
    public async Task Context_figure_list_pages_through_every_figure_in_id_order()
    {
        var items = await factory.CreateClient().ReadAllInIdOrderAsync("/api/v1/context-figures?limit=2");

        Assert.Equal(await factory.CountAsync("SELECT count(*) FROM context_figure"), items.Count);
    }

    [Fact]
    public async Task Context_figure_list_filters_by_summit()
    {
        var client = factory.CreateClient();

        var busan = await client.ReadAllInIdOrderAsync("/api/v1/context-figures?summit=busan-2025&limit=5");
        var visit = await client.ReadAllInIdOrderAsync("/api/v1/context-figures?summit=trump-china-visit-2026&limit=5");

        Assert.Equal(await factory.CountAsync("SELECT count(*) FROM context_figure WHERE summit_id = 'busan-2025'"), busan.Count);
        Assert.Contains(busan, f => f.GetProperty("id").GetString() == "china-growth-target");
        Assert.Empty(visit);
    }

    [Fact]
    public async Task Context_figure_is_served_with_its_value_unit_and_citation()
    {
        var figure = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/context-figures/china-growth-target");

        Assert.Equal("busan-2025", figure.GetProperty("summitId").GetString());
        Assert.Equal("China's growth target", figure.GetProperty("subject").GetString());
        Assert.Equal("growth target", figure.GetProperty("metric").GetString());
        Assert.Equal(5m, figure.GetProperty("value").GetDecimal());
        Assert.Equal(JsonValueKind.Null, figure.GetProperty("valueHigh").ValueKind);
        Assert.Equal(JsonValueKind.Null, figure.GetProperty("bound").ValueKind);
        Assert.Equal("percent", figure.GetProperty("unit").GetString());
        Assert.Equal("2025", figure.GetProperty("period").GetString());
        Assert.False(figure.GetProperty("approximate").GetBoolean());
        Assert.Empty(figure.GetProperty("reportedBy").EnumerateArray());
        Assert.StartsWith("Period derived:", figure.GetProperty("notes").GetString());
        Assert.Equal("unsigned-analysis-busan", Assert.Single(figure.GetProperty("citations").EnumerateArray()).GetProperty("sourceId").GetString());
    }

    [Fact]
    public async Task A_range_keeps_its_top_value()
    {
        var figure = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/context-figures/rare-earth-leverage-time-horizon");

        Assert.Equal(3m, figure.GetProperty("value").GetDecimal());
        Assert.Equal(5m, figure.GetProperty("valueHigh").GetDecimal());
        Assert.Equal("years", figure.GetProperty("unit").GetString());
    }

    [Fact]
    public async Task A_hedged_figure_is_approximate_and_names_who_reports_it()
    {
        var figure = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/context-figures/overall-us-tariffs-on-chinese-goods-after-cut");

        Assert.Equal(47m, figure.GetProperty("value").GetDecimal());
        Assert.True(figure.GetProperty("approximate").GetBoolean());
        Assert.Equal(["US"], figure.GetProperty("reportedBy").EnumerateArray().Select(p => p.GetString()!));
    }

    [Fact]
    public async Task A_bounded_figure_keeps_its_bound()
    {
        var figure = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/context-figures/years-since-previous-face-to-face-meeting");

        Assert.Equal(6m, figure.GetProperty("value").GetDecimal());
        Assert.Equal("more_than", figure.GetProperty("bound").GetString());
    }

    [Fact]
    public async Task Unknown_context_figure_is_a_404_problem()
    {
        await ApiAssertions.AssertNotFoundNamingAsync(factory.CreateClient(), "/api/v1/context-figures/no-such-figure", "no-such-figure");
    }

    [Theory]
    [InlineData("summit=no-such-summit", "summit")]
    [InlineData("colour=red", "colour")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=100000", "limit")]
    public async Task Context_figure_list_rejects_bad_input_with_a_400_naming_the_parameter(string query, string parameter)
    {
        await ApiAssertions.AssertBadRequestNamingAsync(factory.CreateClient(), $"/api/v1/context-figures?{query}", parameter);
    }

    [Fact]
    public async Task Context_figure_list_rejects_an_edited_cursor()
    {
        await ApiAssertions.AssertEditedCursorIsRefusedAsync(factory.CreateClient(), "/api/v1/context-figures?summit=busan-2025&limit=2");
    }
}
