using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace SummitApi.Tests.Reliability;

/// <summary>What the fuzzer found answered with a 500 (or a 200), each pinned as the 4xx or answer it now is.</summary>
public class FuzzFindingsTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    [InlineData("image/png, text/csv")]
    public async Task An_error_is_problem_details_even_when_accept_excludes_json(string accept)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", accept);

        var unknown = await client.GetAsync("/api/v1/summits?limt=5");
        var unauthorized = await client.PostAsync("/api/v1/summits", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("application/problem+json", unauthorized.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/summits?limit=5%00", "limit")]
    [InlineData("/api/v1/timeline?from=2025-11-01%00", "from")]
    [InlineData("/api/v1/concessions?summit=busan%002025", "summit")]
    [InlineData("/api/v1/concessions?q=truce%01extension", "q")]
    [InlineData("/api/v1/summits/busan%012025", "summitId")] // a NUL in the path Kestrel itself refuses
    public async Task A_control_character_in_the_query_or_path_is_a_400_naming_the_parameter(string path, string parameter)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(parameter, out _));
    }

    [Theory]
    [InlineData("""{"id": "seoul\u00002026"}""", "id")]
    [InlineData("""{"title": "x\ud800y"}""", "title")]
    [InlineData("""{"title": "a", "title": "b"}""", "title")]
    public async Task A_body_string_with_a_nul_or_an_unpaired_surrogate_or_a_property_given_twice_is_a_400_naming_it(string json, string field)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiKeys.CreateAsync(factory, "editor"));
        var etag = (await client.GetAsync("/api/v1/summits/busan-2025")).Headers.ETag!.Tag;

        var created = await client.PostAsync("/api/v1/summits", new StringContent(json, Encoding.UTF8, "application/json"));
        using var patch = new HttpRequestMessage(HttpMethod.Patch, "/api/v1/summits/busan-2025") { Content = new StringContent(json, Encoding.UTF8, "application/merge-patch+json") };
        patch.Headers.TryAddWithoutValidation("If-Match", etag);
        var patched = await client.SendAsync(patch);

        foreach (var response in new[] { created, patched })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        }
    }

    [Fact]
    public async Task As_of_with_a_non_utc_offset_is_the_same_instant_as_in_utc()
    {
        var client = factory.CreateClient();

        var inUtc = await client.GetStringAsync("/api/v1/summits?asOf=2099-01-01T00:00:00Z");
        var inBeijing = await client.GetStringAsync("/api/v1/summits?asOf=2099-01-01T08:00:00%2B08:00");

        Assert.Equal(inUtc, inBeijing);
    }
}
