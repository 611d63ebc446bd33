using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SummitApi.Tests.Platform.Writes;

/// <summary>The rules every write shares: credentials, the order of checks, idempotency, text limits, safe error text, write budgets.</summary>
public sealed class WriteContractTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    [Fact]
    public async Task Two_different_keys_in_one_request_are_a_400_naming_both_headers_and_nothing_is_written()
    {
        var client = factory.CreateClient();
        using var request = Post("/api/v1/summits", NewRecords.Summit("two-keys-2026"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await ApiKeys.CreateAsync(factory, "editor"));
        request.Headers.Add("X-Api-Key", await ApiKeys.CreateAsync(factory, "admin"));

        var response = await client.SendAsync(request);

        var problem = await ApiAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Authorization", out _), problem.ToString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("X-Api-Key", out _), problem.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/summits/two-keys-2026")).StatusCode);
    }

    [Fact]
    public async Task A_bad_bearer_beside_a_good_key_header_is_refused_and_the_same_key_in_both_is_accepted()
    {
        var client = factory.CreateClient();
        var key = await ApiKeys.CreateAsync(factory, "editor");
        using var mixed = Post("/api/v1/summits", NewRecords.Summit("mixed-keys-2026"));
        mixed.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "summit_not_a_key");
        mixed.Headers.Add("X-Api-Key", key);
        using var same = Post("/api/v1/summits", NewRecords.Summit("same-key-2026"));
        same.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        same.Headers.Add("X-Api-Key", key);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(mixed)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(same)).StatusCode);
    }

    [Fact]
    public async Task A_keyless_write_is_401_before_its_media_type_or_body_is_looked_at()
    {
        var client = factory.CreateClient();

        var textPlain = await client.PostAsync("/api/v1/summits", new StringContent("not json", Encoding.UTF8, "text/plain"));
        var noBody = await client.SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/v1/summits/busan-2025"));

        await ApiAssertions.AssertProblemAsync(textPlain, HttpStatusCode.Unauthorized);
        await ApiAssertions.AssertProblemAsync(noBody, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_wrong_media_type_with_a_key_is_a_415_naming_the_type_expected()
    {
        var client = await EditorAsync();

        var response = await client.PostAsync("/api/v1/summits", new StringContent(NewRecords.Summit("plain-2026").ToJsonString(), Encoding.UTF8, "text/plain"));

        var problem = await ApiAssertions.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_same_object_reserialised_with_the_same_idempotency_key_is_replayed_not_refused()
    {
        var client = await EditorAsync();
        var summit = NewRecords.Summit("idempotent-2026");
        var reordered = new JsonObject(summit.AsObject().Reverse().Select(member => KeyValuePair.Create(member.Key, member.Value?.DeepClone())));
        var pretty = reordered.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

        var first = await client.SendAsync(Post("/api/v1/summits", summit, idempotencyKey: "retry-1"));
        using var retry = new HttpRequestMessage(HttpMethod.Post, "/api/v1/summits") { Content = new StringContent(pretty, Encoding.UTF8, "application/json") };
        retry.Headers.Add("Idempotency-Key", "retry-1");
        var replayed = await client.SendAsync(retry);
        var changed = NewRecords.Summit("idempotent-2026");
        changed["title"] = "Another title";
        var misuse = await client.SendAsync(Post("/api/v1/summits", changed, idempotencyKey: "retry-1"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.Equal(first.Headers.ETag, replayed.Headers.ETag);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, misuse.StatusCode);
    }

    [Theory]
    [InlineData("title", 501)]
    [InlineData("notes", 4001)]
    [InlineData("place", 501)]
    public async Task A_text_over_its_limit_is_a_400_naming_the_field_and_nothing_is_written(string field, int length)
    {
        var client = await EditorAsync();
        var summit = NewRecords.Summit("long-text-2026");
        summit[field] = new string('x', length);

        var response = await client.SendAsync(Post("/api/v1/summits", summit));

        var problem = await ApiAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains($"{length}", problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/summits/long-text-2026")).StatusCode);
    }

    [Fact]
    public async Task The_document_states_each_input_texts_max_length()
    {
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        var summitInput = document["components"]!["schemas"]!["SummitInput"]!["properties"]!;

        Assert.Equal(120, (int)summitInput["id"]!["maxLength"]!);
        Assert.Equal(500, (int)summitInput["title"]!["maxLength"]!);
        Assert.Equal(4000, (int)summitInput["notes"]!["maxLength"]!);
        Assert.Equal(120, (int)summitInput["parties"]!["items"]!["maxLength"]!);
    }

    [Theory]
    [InlineData("ReadoutStatement", "partyId")]
    [InlineData("SourceCitation", "recordPath")]
    [InlineData("Readout", "statements")]
    public async Task The_document_marks_what_writes_do_not_take_read_only(string schema, string member)
    {
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;

        Assert.True((bool?)document["components"]!["schemas"]![schema]!["properties"]![member]!["readOnly"] == true, $"{schema}.{member} is not readOnly");
    }

    [Fact]
    public async Task An_error_quotes_at_most_100_characters_of_a_value_and_escapes_bidi_and_control_characters()
    {
        var client = factory.CreateClient();
        var longId = new string('a', 7000);

        var notFound = await ApiAssertions.AssertProblemAsync(await client.GetAsync($"/api/v1/summits/{longId}"), HttpStatusCode.NotFound);
        var bidi = await ApiAssertions.AssertProblemAsync(await client.GetAsync("/api/v1/summits/evil%E2%80%AEtxt.exe"), HttpStatusCode.NotFound);

        var detail = notFound.GetProperty("detail").GetString()!;
        Assert.True(detail.Length < 300, detail);
        Assert.Contains(new string('a', 100) + "…", detail);
        Assert.DoesNotContain('\u202E', bidi.GetProperty("detail").GetString()!);
        Assert.Contains("\\u202E", bidi.GetProperty("detail").GetString()!);
    }

    [Fact]
    public async Task Retry_after_counts_the_seconds_left_in_the_window_not_the_whole_window()
    {
        using var limited = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("RateLimits:Writes:PermitLimit", "1");
            builder.UseSetting("RateLimits:Writes:WindowSeconds", "20");
        });
        var client = limited.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiKeys.CreateAsync(factory, "editor"));
        await client.SendAsync(Post("/api/v1/summits", NewRecords.Summit("budget-1-2026")));
        await Task.Delay(TimeSpan.FromSeconds(3));

        var refused = await client.SendAsync(Post("/api/v1/summits", NewRecords.Summit("budget-2-2026")));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 18);
    }

    private async Task<HttpClient> EditorAsync()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiKeys.CreateAsync(factory, "editor"));
        return client;
    }

    private static HttpRequestMessage Post(string path, JsonNode body, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return request;
    }
}
