using System.Net.Http.Json;
using System.Text.Json;

namespace SummitApi.Tests.Resources;

public class SummitTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    [Fact]
    public async Task Busan_was_held_right_ahead_of_apec_on_a_stated_date()
    {
        var summit = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/summits/busan-2025");

        Assert.Equal("APEC Economic Leaders' Meeting 2025", summit.GetProperty("occasion").GetString());
        Assert.Equal("ahead_of", summit.GetProperty("occasionRelation").GetString());
        Assert.Equal(("2025-10-30", "day", "stated"),
            (summit.GetProperty("date").GetString(), summit.GetProperty("datePrecision").GetString(), summit.GetProperty("dateBasis").GetString()));
    }

    [Fact]
    public async Task Trumps_china_visit_keeps_only_the_date_both_sources_allow_and_links_both_versions()
    {
        var client = factory.CreateClient();

        var visit = await client.GetFromJsonAsync<JsonElement>("/api/v1/summits/trump-china-visit-2026");

        // Trump's "April" falls in the analysis's "early next year" (the first third of 2026); the month is his alone.
        Assert.Equal(("2026-01-01", "year", "early", "stated", "visit"),
            (visit.GetProperty("date").GetString(), visit.GetProperty("datePrecision").GetString(), visit.GetProperty("dateQualifier").GetString(),
             visit.GetProperty("dateBasis").GetString(), visit.GetProperty("kind").GetString()));
        Assert.Equal(
            ["trump-china-state-visit-early-2026-per-analysis", "trump-china-visit-april-per-trump"],
            await client.SinglePageIdsAsync("/api/v1/timeline?summit=trump-china-visit-2026"));
    }
}
