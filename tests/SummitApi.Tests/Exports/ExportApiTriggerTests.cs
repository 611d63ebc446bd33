using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace SummitApi.Tests.Exports;

public class ExportApiTriggerTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    [Fact]
    public async Task An_admin_starts_an_export_and_its_location_serves_the_manifest_once_published()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiKeys.CreateAsync(factory, "admin"));

        var response = await client.PostAsync("/api/v1/exports", content: null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var exportId = accepted.GetProperty("exportId").GetString()!;
        Assert.Equal($"/api/v1/exports/{exportId}/manifest.json", response.Headers.Location?.OriginalString);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        HttpResponseMessage manifest;
        while ((manifest = await client.GetAsync(response.Headers.Location)).StatusCode == HttpStatusCode.NotFound && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
        Assert.Equal(HttpStatusCode.OK, manifest.StatusCode);
        Assert.Equal(exportId, (await manifest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("exportId").GetString());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("editor", HttpStatusCode.Forbidden)]
    public async Task Starting_an_export_needs_an_admin_key(string? scope, HttpStatusCode expected)
    {
        var client = factory.CreateClient();
        if (scope is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiKeys.CreateAsync(factory, scope));
        }

        var response = await client.PostAsync("/api/v1/exports", content: null);

        Assert.Equal(expected, response.StatusCode);
        Assert.False(Directory.Exists(factory.ExportsDirectory) && Directory.GetDirectories(factory.ExportsDirectory, "2*").Length > 0);
    }
}
