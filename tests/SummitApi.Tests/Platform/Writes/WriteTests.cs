using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Hosting;

using static SummitApi.Tests.Support.NewRecords;
using static SummitApi.Tests.Support.WriteRequests;

namespace SummitApi.Tests.Platform.Writes;

public class WriteTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    [Fact]
    public async Task Creating_a_summit_answers_201_with_its_location_etag_and_record_and_records_a_revision_by_the_key()
    {
        var client = await EditorAsync();
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

    public static TheoryData<string, string, Action<JsonObject>> InvalidConcessions => new()
    {
        { "an unknown vocabulary code", "action", c => c["action"] = "give_everything" },
        { "a giver that is also the beneficiary", "beneficiary", c => c["beneficiary"] = "US" },
        { "a date that is not the first day of its period", "effectiveDate", c => { c["effectiveDate"] = "2025-11-15"; c["effectiveDatePrecision"] = "month"; } },
        { "an unknown date precision", "effectiveDatePrecision", c => { c["effectiveDate"] = "2025-11-01"; c["effectiveDatePrecision"] = "week"; } },
        { "a duration that is not ISO 8601", "duration", c => c["duration"] = "one year" },
        { "no citation", "citations", c => c["citations"] = new JsonArray() },
        { "an empty excerpt", "citations[0].excerpt", c => c["citations"]![0]!["excerpt"] = "" },
        { "empty text where unknown is null (an export's empty CSV cell means null)", "notes", c => c["notes"] = "" },
        { "an excerpt over 400 characters", "citations[0].excerpt", c => c["citations"]![0]!["excerpt"] = new string('x', 401) },
        { "a reference to a missing outcome", "outcomeId", c => c["outcomeId"] = "no-such-outcome" },
        { "a citation of a missing source", "citations[0].sourceId", c => c["citations"]![0]!["sourceId"] = "no-such-source" },
        { "a value without a unit", "unit", c => { c["valueBefore"] = 5; c.Remove("unit"); } },
        { "an unknown field", "valueBefor", c => c["valueBefor"] = 5 },
        { "a field of the wrong type", "approximate", c => c["approximate"] = "sometimes" },
        { "a missing required field", "instrument", c => c.Remove("instrument") },
        { "a date basis without a date", "effectiveDateBasis", c => c["effectiveDateBasis"] = "stated" },
        { "an unknown date basis", "effectiveDateBasis", c => { c["effectiveDate"] = "2025-11-01"; c["effectiveDatePrecision"] = "month"; c["effectiveDateBasis"] = "guessed"; } },
        { "a derived date without its anchor", "effectiveDateAnchorType", c => { c["effectiveDate"] = "2025-10-31"; c["effectiveDatePrecision"] = "day"; c["effectiveDateBasis"] = "derived"; } },
        { "a derived date from a missing anchor", "effectiveDateAnchorId", c => Derived(c, "no-such-summit", "P1D") },
        { "a derived date finer than its offset", "effectiveDateOffset", c => Derived(c, "busan-2025", "P1M") },
        { "an offset that is not ISO 8601", "effectiveDateOffset", c => Derived(c, "busan-2025", "a day later") },
        { "an anchor on a stated date", "effectiveDateAnchorType", c => { Derived(c, "busan-2025", "P1D"); c["effectiveDateBasis"] = "stated"; } },
        { "a pairing without the source that states it", "exchangedFor", c => c["exchangedFor"] = new JsonArray("cn-soybean-purchases") },
        { "a pairing stated by a missing source", "exchanges[0].sourceId", c =>
            { c["exchangedFor"] = new JsonArray("cn-soybean-purchases"); c["exchanges"] = new JsonArray(new JsonObject { ["concessionId"] = "cn-soybean-purchases", ["sourceId"] = "no-such-source" }); } },
    };

    private static void Derived(JsonObject concession, string anchorId, string offset)
    {
        concession["effectiveDate"] = "2025-10-31";
        concession["effectiveDatePrecision"] = "day";
        concession["effectiveDateBasis"] = "derived";
        concession["effectiveDateAnchorType"] = "summit";
        concession["effectiveDateAnchorId"] = anchorId;
        concession["effectiveDateOffset"] = offset;
    }

    [Fact]
    public async Task A_concession_is_written_with_a_derived_date_and_a_sourced_pairing_and_served_back()
    {
        var client = await EditorAsync();
        var concession = Concession("us-test-derived-pause");
        Derived(concession, "busan-2025", "P1D");
        concession["duration"] = "P90D";
        concession["exchangedFor"] = new JsonArray("cn-soybean-purchases");
        concession["exchanges"] = new JsonArray(new JsonObject { ["concessionId"] = "cn-soybean-purchases", ["sourceId"] = NytSource });

        var response = await client.SendAsync(Json(HttpMethod.Post, "/api/v1/concessions", concession));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await client.GetFromJsonAsync<JsonElement>("/api/v1/concessions/us-test-derived-pause");
        Assert.Equal(("derived", "summit", "busan-2025", "P1D"),
            (created.GetProperty("effectiveDateBasis").GetString(), created.GetProperty("effectiveDateAnchorType").GetString(),
             created.GetProperty("effectiveDateAnchorId").GetString(), created.GetProperty("effectiveDateOffset").GetString()));
        Assert.Equal("derived", created.GetProperty("expiryDateBasis").GetString());
        var exchange = Assert.Single(created.GetProperty("exchanges").EnumerateArray());
        Assert.Equal(("cn-soybean-purchases", NytSource), (exchange.GetProperty("concessionId").GetString(), exchange.GetProperty("sourceId").GetString()));
    }

    public static TheoryData<string, string, JsonObject> InvalidFidelityRecords => new()
    {
        { "/api/v1/summits", "occasionRelation", With(Summit("bad-occasion-2026"), s => s["occasionRelation"] = "ahead_of") },
        { "/api/v1/summits", "occasionRelation", With(Summit("bad-relation-2026"), s => { s["occasion"] = "APEC"; s["occasionRelation"] = "near"; }) },
        { "/api/v1/readout-statements", "stance", Statement("bad-silence", "not_reported", null) },
        { "/api/v1/readout-statements", "basis", Statement("bad-remark", "asserts", "source_remark") },
        { "/api/v1/readout-statements", "basis", Statement("bad-omission", "not_mentioned", "readout") },
        { "/api/v1/readout-statements", "speakerId", With(Statement("bad-speaker", "asserts", "readout"), s => s["speakerId"] = "no-such-actor") },
        { "/api/v1/readout-statements", "agreesWith", With(Statement("bad-agreement", "asserts", "readout"), s =>
            { s["agreesWith"] = new JsonArray("us-trump-remarks-12-out-of-10"); s["contradicts"] = new JsonArray("us-trump-remarks-12-out-of-10"); }) },
        { "/api/v1/events", "after[0]", new JsonObject
            { ["id"] = "bad-order", ["kind"] = "call", ["title"] = "A call", ["after"] = new JsonArray("no-such-event"), ["citations"] = Citations() } },
    };

    [Theory]
    [MemberData(nameof(InvalidFidelityRecords))]
    public async Task An_invalid_basis_relation_or_link_is_a_400_naming_the_field(string path, string field, JsonObject body)
    {
        var client = await EditorAsync();

        var response = await client.SendAsync(Json(HttpMethod.Post, path, body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors name {string.Join(", ", errors.EnumerateObject().Select(e => e.Name))}, not {field}");
    }

    [Theory]
    [MemberData(nameof(InvalidConcessions))]
    public async Task An_invalid_concession_is_a_400_naming_the_field_and_writes_nothing(string problem, string field, Action<JsonObject> spoil)
    {
        var client = await EditorAsync();
        var concession = Concession("us-invalid-concession");
        spoil(concession);
        var revisionsBefore = await factory.CountAsync("SELECT count(*) FROM revision");

        var response = await client.SendAsync(Json(HttpMethod.Post, "/api/v1/concessions", concession));

        Assert.True(HttpStatusCode.BadRequest == response.StatusCode, $"{problem}: {response.StatusCode}");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"{problem}: errors name {string.Join(", ", errors.EnumerateObject().Select(e => e.Name))}, not {field}");
        Assert.Equal(revisionsBefore, await factory.CountAsync("SELECT count(*) FROM revision"));
    }

    [Fact]
    public async Task A_valid_concession_is_written_with_its_derived_expiry()
    {
        var client = await EditorAsync();
        var concession = Concession("us-test-tariff-pause");
        concession["effectiveDate"] = "2025-11-10";
        concession["effectiveDatePrecision"] = "day";
        concession["duration"] = "P90D";

        var response = await client.SendAsync(Json(HttpMethod.Post, "/api/v1/concessions", concession));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("2026-02-08", created.GetProperty("expiryDate").GetString());
        Assert.Equal("busan-2025", created.GetProperty("summitId").GetString());
    }

    [Fact]
    public async Task Replacing_needs_if_match_a_stale_etag_is_412_and_the_current_one_writes_a_new_version()
    {
        var client = await EditorAsync();
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
        var client = await EditorAsync();
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
        var client = await EditorAsync();
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
        var client = await EditorAsync();
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
        var client = await EditorAsync();
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
        var client = await EditorAsync();
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
        var client = await EditorAsync();
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
        var client = await EditorAsync();
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
        var client = await EditorAsync();

        var response = await client.SendAsync(Json(HttpMethod.Post, "/api/v1/summits", Summit("busan-2025")));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task A_readout_written_with_inline_statements_is_refused()
    {
        var client = await EditorAsync();
        var readout = new JsonObject
        {
            ["id"] = "us-new-readout", ["summitId"] = "busan-2025", ["partyId"] = "US", ["kind"] = "leader_remarks", ["title"] = "Remarks",
            ["statements"] = new JsonArray(), ["citations"] = Citations(),
        };

        var response = await client.SendAsync(Json(HttpMethod.Post, "/api/v1/readouts", readout));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("statements", out _));
    }

    [Theory]
    [InlineData("text/plain", "{}", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json", "not json", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "null", HttpStatusCode.BadRequest)]
    [InlineData("application/json", "[1, 2]", HttpStatusCode.BadRequest)]
    public async Task A_body_of_the_wrong_kind_is_a_4xx_problem(string mediaType, string body, HttpStatusCode expected)
    {
        var client = await EditorAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/summits") { Content = new StringContent(body, Encoding.UTF8, mediaType) };

        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (expected == HttpStatusCode.UnsupportedMediaType)
        {
            Assert.Equal("Send the body as application/json.", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task An_oversized_body_is_a_413()
    {
        var client = await EditorAsync();
        var summit = Summit("huge-2026");
        summit["notes"] = new string('n', 300_000);

        var response = await client.SendAsync(Json(HttpMethod.Post, "/api/v1/summits", summit));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_replacement_that_changes_nothing_spends_no_data_revision()
    {
        var client = await EditorAsync();
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

    private async Task<HttpClient> EditorAsync()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiKeys.CreateAsync(factory, "editor"));
        return client;
    }

    private async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var connection = await factory.OpenConnectionAsync();
        return (await connection.QueryAsync<T>(sql)).ToList();
    }
}
