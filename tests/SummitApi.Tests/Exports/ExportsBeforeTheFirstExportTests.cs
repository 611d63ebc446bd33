using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SummitApi.Tests.Exports;

/// <summary>An API that has not exported yet.</summary>
public class ExportsBeforeTheFirstExportTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    [Fact]
    public async Task Latest_is_a_404_problem_and_the_list_is_empty()
    {
        var client = factory.CreateClient();

        var latest = await client.GetAsync("/api/v1/exports/latest");
        Assert.Equal(HttpStatusCode.NotFound, latest.StatusCode);
        Assert.Equal("application/problem+json", latest.Content.Headers.ContentType!.MediaType);
        Assert.Contains("No export has been made yet", await latest.Content.ReadAsStringAsync());
        var latestFile = await client.GetAsync("/api/v1/exports/latest/concessions.csv");
        Assert.Equal(HttpStatusCode.NotFound, latestFile.StatusCode);
        Assert.Contains("No export has been made yet", await latestFile.Content.ReadAsStringAsync());

        var list = await client.GetFromJsonAsync<JsonElement>("/api/v1/exports");
        Assert.Equal(0, list.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, list.GetProperty("nextCursor").ValueKind);
    }
}
