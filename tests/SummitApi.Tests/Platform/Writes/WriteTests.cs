using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using static SummitApi.Tests.Support.NewRecords;
using static SummitApi.Tests.Support.WriteRequests;

namespace SummitApi.Tests.Platform.Writes;

/// <summary>The write protocol: keys, locations and revisions, If-Match, merge patch, deletes, idempotency and the write budget.</summary>
public class WriteTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    [Fact]
    public async Task Creating_a_summit_answers_201_with_its_location_etag_and_record_and_records_a_revision_by_the_key()
    {
        var client = await ApiKeys.ClientAsync(factory, "editor");
        using var request = Json(HttpMethod.Post, "/api/v1/summits", Summit("seoul-2026"));
        request.Headers.Add("X-Change-Reason", "a summit announced today");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v1/summits/seoul-2026", response.Headers.Location?.OriginalString);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Seoul follow-up meeting", created.GetProperty("title").GetString());
        Assert.Equal(Excerpt, created.GetProperty("citations")[0].GetProperty("excerpt").GetString());

        var read = await client.GetAsync("/api/v1/summits/seoul-2026");
        Assert.Equal(response.Headers.ETag, read.Headers.ETag);

        await using var connection = await factory.OpenConnectionAsync();
        var (author, reason) = await connection.QuerySingleAsync<(string, string)>(
            "SELECT cs.author, cs.reason FROM revision r JOIN change_set cs ON cs.seq = r.seq WHERE r.entity = 'summit' AND r.record_id = 'seoul-2026'");
        Assert.StartsWith("key:", author);
        Assert.Equal("a summit announced today", reason);
    }

    [Fact]
    public async Task A_write_without_a_key_is_401_whatever_its_body_or_headers()
    {
        var client = factory.CreateClient();

        var post = await client.SendAsync(Json(HttpMethod.Post, "/api/v1/summits", new JsonObject { ["nonsense"] = true }));
        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/summits/busan-2025");
        var deleted = await client.SendAsync(delete);

        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, deleted.StatusCode);
    }

    [Fact]
    public async Task Replacing_needs_if_match_a_stale_etag_is_412_and_the_current_one_writes_a_new_version()
    {
        var client = await ApiKeys.ClientAsync(factory, "editor");
        await client.SendAsync(Json(HttpMethod.Post, "/api/v1/summits", Summit("tokyo-2026")));
        var read = await client.GetAsync("/api/v1/summits/tokyo-2026");
        var replacement = Summit("tokyo-2026");
        replacement["title"] = "Tokyo meeting";

        var withoutPrecondition = await client.SendAsync(Json(HttpMethod.Put, "/api/v1/summits/tokyo-2026", replacement));
        var stale = await client.SendAsync(Json(HttpMethod.Put, "/api/v1/summits/tokyo-2026", replacement, ifMatch: "\"0123456789abcdef0123456789abcdef\""));
        var current = await client.SendAsync(Json(HttpMethod.Put, "/api/v1/summits/tokyo-2026", replacement, ifMatch: read.Headers.ETag!.Tag));

        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutPrecondition.StatusCode);
        Assert.Equal("https://tools.ietf.org/html/rfc6585#section-3", (await withoutPrecondition.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.NotEqual(read.Headers.ETag, current.Headers.ETag);
        Assert.Equal("Tokyo meeting", (await client.GetFromJsonAsync<JsonElement>("/api/v1/summits/tokyo-2026")).GetProperty("title").GetString());
        Assert.Equal([1, 2], (await QueryAsync<int>("SELECT version FROM revision WHERE entity = 'summit' AND record_id = 'tokyo-2026' ORDER BY version")));
    }

    [Fact]
    public async Task An_etag_read_compressed_is_accepted_by_if_match()
    {
        var client = await ApiKeys.ClientAsync(factory, "editor");
        await client.SendAsync(Json(HttpMethod.Post, "/api/v1/summits", Summit("osaka-2026")));
        using var compressed = new HttpRequestMessage(HttpMethod.Get, "/api/v1/summits/osaka-2026");
        compressed.Headers.AcceptEncoding.ParseAdd("gzip");
        var read = await client.SendAsync(compressed);
        var patch = new JsonObject { ["place"] = "Osaka, Japan" };

        var response = await client.SendAsync(Json(HttpMethod.Patch, "/api/v1/summits/osaka-2026", patch, ifMatch: read.Headers.ETag!.Tag, mediaType: "application/merge-patch+json"));

        Assert.EndsWith("-gzip\"", read.Headers.ETag.Tag);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_merge_patch_changes_the_given_fields_removes_nulls_and_keeps_the_rest()
    {
        var client = await ApiKeys.ClientAsync(factory, "editor");
        await client.SendAsync(Json(HttpMethod.Post, "/api/v1/summits", Summit("busan-follow-up")));
        var etag = (await client.GetAsync("/api/v1/summits/busan-follow-up")).Headers.ETag!.Tag;
        var patch = new JsonObject { ["notes"] = "Date confirmed by both sides.", ["place"] = null };

        var response = await client.SendAsync(Json(HttpMethod.Patch, "/api/v1/summits/busan-follow-up", patch, ifMatch: etag, mediaType: "application/merge-patch+json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var patched = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Date confirmed by both sides.", patched.GetProperty("notes").GetString());
        Assert.Equal(JsonValueKind.Null, patched.GetProperty("place").ValueKind);
        Assert.Equal("Seoul follow-up meeting", patched.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_merge_patch_of_a_derived_field_or_the_id_is_refused()
    {
        var client = await ApiKeys.ClientAsync(factory, "editor");
        var etag = (await client.GetAsync("/api/v1/concessions/us-fentanyl-tariff-cut")).Headers.ETag!.Tag;

        var derived = await client.SendAsync(Json(HttpMethod.Patch, "/api/v1/concessions/us-fentanyl-tariff-cut", new JsonObject { ["expiryDate"] = "2030-01-01" }, etag, "application/merge-patch+json"));
        var renamed = await client.SendAsync(Json(HttpMethod.Patch, "/api/v1/concessions/us-fentanyl-tariff-cut", new JsonObject { ["id"] = "another-id" }, etag, "application/merge-patch+json"));
        var wrongType = await client.SendAsync(Json(HttpMethod.Patch, "/api/v1/concessions/us-fentanyl-tariff-cut", new JsonObject { ["notes"] = "x" }, etag, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, derived.StatusCode);
        Assert.True((await derived.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("expiryDate", out _));
        Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.StatusCode);
        Assert.Equal("Send the body as application/merge-patch+json.", (await wrongType.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Deleting_leaves_a_tombstone_the_record_is_gone_from_reads_and_its_history_stays()
    {
        var client = await ApiKeys.ClientAsync(factory, "editor");
        await client.SendAsync(Json(HttpMethod.Post, "/api/v1/summits", Summit("cancelled-2026")));
        var etag = (await client.GetAsync("/api/v1/summits/cancelled-2026")).Headers.ETag!.Tag;
        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/summits/cancelled-2026");
        delete.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));

        var response = await client.SendAsync(delete);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/summits/cancelled-2026")).StatusCode);
        Assert.Equal(["create", "delete"], await QueryAsync<string>("SELECT operation FROM revision WHERE entity = 'summit' AND record_id = 'cancelled-2026' ORDER BY version"));
        Assert.Contains("delete", await QueryAsync<string>("SELECT operation FROM revision WHERE entity = 'citation' AND body IS NULL"));
    }

    [Fact]
    public async Task Deleting_a_record_others_refer_to_is_a_409_and_writes_nothing()
    {
        var client = await ApiKeys.ClientAsync(factory, "editor");
        var etag = (await client.GetAsync("/api/v1/summits/busan-2025")).Headers.ETag!.Tag;
        using var delete = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/summits/busan-2025");
        delete.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        var revisionsBefore = await factory.CountAsync("SELECT count(*) FROM revision");

        var response = await client.SendAsync(delete);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/summits/busan-2025")).StatusCode);
        Assert.Equal(revisionsBefore, await factory.CountAsync("SELECT count(*) FROM revision"));
    }

    [Fact]
    public async Task Deleting_a_records_last_citation_is_a_409()
    {
        var client = await ApiKeys.ClientAsync(factory, "editor");
        await client.SendAsync(Json(HttpMethod.Post, "/api/v1/summits", Summit("one-citation-2026")));
        var citation = (await client.GetFromJsonAsync<JsonElement>($"/api/v1/sources/{NytSource}/citations?limit=500"))
            .GetProperty("items").EnumerateArray().Single(c => c.GetProperty("recordId").GetString() == "one-citation-2026");
        var path = $"/api/v1/citations/{citation.GetProperty("id").GetString()}";
        using var delete = new HttpRequestMessage(HttpMethod.Delete, path);
        delete.Headers.IfMatch.Add((await client.GetAsync(path)).Headers.ETag!);

        var response = await client.SendAsync(delete);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("citation", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_post_retried_with_the_same_idempotency_key_returns_the_first_response_and_writes_once()
    {
        var client = await ApiKeys.ClientAsync(factory, "editor");
        var summit = Summit("retried-2026");

        var first = await client.SendAsync(Json(HttpMethod.Post, "/api/v1/summits", summit, idempotencyKey: "retry-1"));
        var retry = await client.SendAsync(Json(HttpMethod.Post, "/api/v1/summits", summit, idempotencyKey: "retry-1"));
        summit["title"] = "Something else";
        var reused = await client.SendAsync(Json(HttpMethod.Post, "/api/v1/summits", summit, idempotencyKey: "retry-1"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM revision WHERE entity = 'summit' AND record_id = 'retried-2026'"));
    }

    [Fact]
    public async Task Creating_an_id_that_exists_is_a_409()
    {
        var client = await ApiKeys.ClientAsync(factory, "editor");

        var response = await client.SendAsync(Json(HttpMethod.Post, "/api/v1/summits", Summit("busan-2025")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task A_replacement_that_changes_nothing_spends_no_data_revision()
    {
        var client = await ApiKeys.ClientAsync(factory, "editor");
        await client.SendAsync(Json(HttpMethod.Post, "/api/v1/summits", Summit("unchanged-2026")));
        var etag = (await client.GetAsync("/api/v1/summits/unchanged-2026")).Headers.ETag!.Tag;
        var changeSetsBefore = await factory.CountAsync("SELECT count(*) FROM change_set");

        var response = await client.SendAsync(Json(HttpMethod.Put, "/api/v1/summits/unchanged-2026", Summit("unchanged-2026"), ifMatch: etag));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag?.Tag);
        Assert.Equal(changeSetsBefore, await factory.CountAsync("SELECT count(*) FROM change_set"));
    }

    [Fact]
    public async Task Writes_past_the_budget_get_429_with_retry_after()
    {
        using var limited = factory.WithWebHostBuilder(builder => builder
            .UseSetting("RateLimits:Writes:PermitLimit", "2")
            .UseSetting("RateLimits:Writes:WindowSeconds", "3600"));
        var client = limited.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiKeys.CreateAsync(factory, "editor"));

        var responses = new List<HttpResponseMessage>();
        foreach (var id in new[] { "budget-1", "budget-2", "budget-3" })
        {
            responses.Add(await client.SendAsync(Json(HttpMethod.Post, "/api/v1/summits", Summit(id))));
        }

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], responses.Select(r => r.StatusCode));
        Assert.True(int.Parse(responses[2].Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("application/problem+json", responses[2].Content.Headers.ContentType?.MediaType);
    }

    private async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var connection = await factory.OpenConnectionAsync();
        return (await connection.QueryAsync<T>(sql)).ToList();
    }
}
