using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using static SummitApi.Tests.Support.NewRecords;
using static SummitApi.Tests.Support.WriteRequests;

namespace SummitApi.Tests.Platform.Writes;

/// <summary>What a write accepts and refuses: each field's rules, links between records, the body's kind and size.</summary>
public class WriteValidationTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
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
        var client = await ApiKeys.ClientAsync(factory, "editor");
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
        var client = await ApiKeys.ClientAsync(factory, "editor");

        var response = await client.SendAsync(Json(HttpMethod.Post, path, body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"errors name {string.Join(", ", errors.EnumerateObject().Select(e => e.Name))}, not {field}");
    }

    [Theory]
    [MemberData(nameof(InvalidConcessions))]
    public async Task An_invalid_concession_is_a_400_naming_the_field_and_writes_nothing(string problem, string field, Action<JsonObject> spoil)
    {
        var client = await ApiKeys.ClientAsync(factory, "editor");
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
        var client = await ApiKeys.ClientAsync(factory, "editor");
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
    public async Task A_readout_written_with_inline_statements_is_refused()
    {
        var client = await ApiKeys.ClientAsync(factory, "editor");
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
        var client = await ApiKeys.ClientAsync(factory, "editor");
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
        var client = await ApiKeys.ClientAsync(factory, "editor");
        var summit = Summit("huge-2026");
        summit["notes"] = new string('n', 300_000);

        var response = await client.SendAsync(Json(HttpMethod.Post, "/api/v1/summits", summit));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
