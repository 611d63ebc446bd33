using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SummitApi.Tests.Platform;

public class HttpContractTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    [Fact]
    public async Task Unknown_route_is_a_404_problem_with_a_trace_id()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/no-such-thing");

        await ApiAssertions.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Wrong_method_is_a_405_problem()
    {
        var response = await factory.CreateClient().DeleteAsync("/api/v1/summits");

        await ApiAssertions.AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Unknown_record_id_is_a_404_problem_naming_the_id()
    {
        await ApiAssertions.AssertNotFoundNamingAsync(factory.CreateClient(), "/api/v1/summits/no-such-summit", "no-such-summit");
    }

    [Fact]
    public async Task Unknown_query_parameter_is_a_400_naming_it()
    {
        await ApiAssertions.AssertBadRequestNamingAsync(factory.CreateClient(), "/api/v1/summits?colour=red", "colour");
    }

    [Fact]
    public async Task A_parameter_given_twice_is_a_400_naming_it()
    {
        await ApiAssertions.AssertBadRequestNamingAsync(factory.CreateClient(), "/api/v1/summits?limit=1&limit=2", "limit");
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=100000")]
    [InlineData("limit=ten")]
    public async Task An_out_of_range_or_malformed_limit_is_a_400_naming_limit(string query)
    {
        await ApiAssertions.AssertBadRequestNamingAsync(factory.CreateClient(), $"/api/v1/summits?{query}", "limit");
    }

    [Theory]
    [InlineData("/api/v1/summits?limit=", "limit")]
    [InlineData("/api/v1/concessions?activeOn=", "activeOn")]
    [InlineData("/api/v1/timeline?from=", "from")]
    [InlineData("/api/v1/timeline?to=", "to")]
    [InlineData("/api/v1/summits?asOf=", "asOf")]
    public async Task An_empty_typed_value_is_a_400_naming_the_parameter_not_a_missing_filter(string path, string parameter)
    {
        var problem = await ApiAssertions.AssertProblemAsync(await factory.CreateClient().GetAsync(path), HttpStatusCode.BadRequest);

        Assert.Contains("is empty", problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
    }

    [Fact]
    public async Task An_impossible_date_is_a_400_naming_the_format_a_date_takes()
    {
        var problem = await ApiAssertions.AssertProblemAsync(await factory.CreateClient().GetAsync("/api/v1/concessions?activeOn=2025-13-40"), HttpStatusCode.BadRequest);

        Assert.Contains("YYYY-MM-DD", problem.GetProperty("errors").GetProperty("activeOn")[0].GetString());
    }

    [Fact]
    public async Task An_edited_cursor_is_a_400_naming_cursor()
    {
        await ApiAssertions.AssertEditedCursorIsRefusedAsync(factory.CreateClient(), "/api/v1/summits?limit=1");
    }

    [Fact]
    public async Task Summits_page_through_to_the_end_without_duplicates_and_the_last_page_has_a_null_cursor()
    {
        var summits = await factory.CreateClient().ReadAllInIdOrderAsync("/api/v1/summits?limit=1");

        Assert.Equal(await factory.CountAsync("SELECT count(*) FROM summit"), summits.Count);
    }

    [Fact]
    public async Task Responses_are_camel_case_and_report_the_supported_api_versions()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/summits/busan-2025");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1.0", response.Headers.GetValues("api-supported-versions").Single());
        var summit = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2025-10-30", summit.GetProperty("date").GetString());
        Assert.Equal("day", summit.GetProperty("datePrecision").GetString());
        Assert.NotEmpty(summit.GetProperty("citations").EnumerateArray());
    }

    [Fact]
    public async Task Every_get_has_a_strong_etag_and_no_cache_and_a_matching_if_none_match_is_a_304()
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync("/api/v1/summits/busan-2025");
        var etag = response.Headers.ETag;

        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.True(response.Headers.CacheControl?.NoCache);

        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/api/v1/summits/busan-2025");
        revalidate.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/api/v1/summits/busan-2025");
        stale.Headers.IfNoneMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task Compressed_and_identity_responses_carry_different_etags()
    {
        var client = factory.CreateClient();
        using var gzip = new HttpRequestMessage(HttpMethod.Get, "/api/v1/summits");
        gzip.Headers.AcceptEncoding.ParseAdd("gzip");
        var compressed = await client.SendAsync(gzip);
        var identity = await client.GetAsync("/api/v1/summits");

        Assert.Equal("gzip", compressed.Content.Headers.ContentEncoding.Single());
        Assert.NotEqual(identity.Headers.ETag, compressed.Headers.ETag);
    }

    [Fact]
    public async Task Cross_origin_reads_are_allowed_and_expose_the_etag()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/summits");
        request.Headers.Add("Origin", "https://dashboard.example");
        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single());
    }

    [Fact]
    public async Task Responses_carry_security_headers_with_a_policy_that_still_lets_swagger_ui_run()
    {
        var client = factory.CreateClient();

        var api = await client.GetAsync("/api/v1/summits");
        var ui = await client.GetAsync("/swagger/index.html");

        Assert.Equal("nosniff", api.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'", api.Headers.GetValues("Content-Security-Policy").Single());
        var swaggerPolicy = ui.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", swaggerPolicy);
        Assert.DoesNotContain("unsafe-eval", swaggerPolicy);
    }

    [Fact]
    public async Task Swagger_ui_and_the_v1_document_are_served()
    {
        var client = factory.CreateClient();

        var ui = await client.GetAsync("/swagger/index.html");
        Assert.Equal(HttpStatusCode.OK, ui.StatusCode);
        Assert.Contains("swagger-ui", await ui.Content.ReadAsStringAsync());

        var document = await client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        Assert.Equal("SummitApi", document.GetProperty("info").GetProperty("title").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/api/v1/summits/{summitId}", out _));
    }

    [Fact]
    public async Task The_root_redirects_to_swagger_ui()
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/swagger", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Swagger_ui_lists_the_tags_in_the_domains_order_and_opens_a_deep_linked_operation()
    {
        var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var configuration = await client.GetStringAsync("/swagger/index.js");

        Assert.Equal(
            ["Summits", "Outcomes", "Concessions", "Readouts", "Timeline", "Actors", "Assessments", "Context figures", "Parties", "Sources", "Vocabularies", "History", "Exports", "Administration"],
            document.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        Assert.Contains("\"deepLinking\":true", configuration);
    }
}
