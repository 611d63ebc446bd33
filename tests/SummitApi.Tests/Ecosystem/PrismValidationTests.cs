using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SummitApi.Tests.Ecosystem;

/// <summary>
/// The served document checked against real traffic: every GET operation (every id the lists give, filters, paging to
/// the end, asOf, the change feed, every record's revisions, the export files with a range, a 412 and a 416, a 304) and
/// a set of valid writes go through Prism in proxy mode, which must find no request or response that the document does
/// not describe.
/// </summary>
public class PrismValidationTests(KestrelSummitApiFactory factory) : IClassFixture<KestrelSummitApiFactory>
{
    private readonly List<string> _violations = [];
    private HttpClient _client = null!;
    private PrismProxy _prism = null!;
    private int _requests;

    [Fact]
    public async Task Prism_finds_no_violation_in_valid_reads_and_writes_through_its_proxy()
    {
        var document = await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json");
        await using var prism = await PrismProxy.StartAsync(document, factory.Address);
        using var client = new HttpClient { BaseAddress = prism.Address };
        _client = client;
        _prism = prism;
        var admin = await ApiKeys.CreateAsync(factory, "admin");

        await WriteAsync(admin);
        await ReadEverythingAsync(admin);

        var logged = prism.Log.Split('\n').Where(line => line.Contains("violation", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(_violations.Count == 0 && logged.Count == 0,
            $"Prism found {_violations.Count} violations in {_requests} requests:\n{string.Join("\n", _violations)}\n--- Prism's log ---\n{string.Join("\n", logged)}");
        Assert.True(_requests > 300, $"only {_requests} requests went through Prism");
    }

    [Fact]
    public async Task Prism_reports_an_answer_the_document_describes_otherwise()
    {
        var document = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;
        document["components"]!["schemas"]!["Summit"]!["properties"]!["title"]!["type"] = "integer";
        await using var prism = await PrismProxy.StartAsync(document.ToJsonString(), factory.Address);
        using var client = new HttpClient { BaseAddress = prism.Address };

        var response = await client.GetAsync("/api/v1/summits/busan-2025");

        Assert.True(response.Headers.Contains("sl-violations") || response.StatusCode == HttpStatusCode.InternalServerError,
            $"Prism let a string title pass as an integer: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task WriteAsync(string key)
    {
        var created = await SendAsync(HttpMethod.Post, "/api/v1/summits", HttpStatusCode.Created, key,
            Json(NewRecords.Summit("prism-2026")), headers: [("Idempotency-Key", "prism-create-1"), ("X-Change-Reason", "checked by Prism")]);
        var etag = created.Headers.ETag!.Tag;
        var patched = await SendAsync(HttpMethod.Patch, "/api/v1/summits/prism-2026", HttpStatusCode.OK, key,
            Json(new JsonObject { ["title"] = "Prism follow-up meeting", ["dateQualifier"] = null }, "application/merge-patch+json"), headers: [("If-Match", etag)]);
        var replacement = NewRecords.Summit("prism-2026");
        replacement["place"] = "Gyeongju";
        var replaced = await SendAsync(HttpMethod.Put, "/api/v1/summits/prism-2026", HttpStatusCode.OK, key,
            Json(replacement), headers: [("If-Match", patched.Headers.ETag!.Tag)]);
        await SendAsync(HttpMethod.Delete, "/api/v1/summits/prism-2026", HttpStatusCode.NoContent, key, headers: [("If-Match", replaced.Headers.ETag!.Tag)]);

        // The export the reads below download, started as an operator starts one.
        var started = await SendAsync(HttpMethod.Post, "/api/v1/exports", HttpStatusCode.Accepted, key);
        var manifest = started.Headers.Location!.OriginalString;
        for (var attempt = 0; (await _client.GetAsync(manifest)).StatusCode != HttpStatusCode.OK; attempt++)
        {
            Assert.True(attempt < 300, "the export was not published within a minute");
            await Task.Delay(200);
        }
    }

    private async Task ReadEverythingAsync(string adminKey)
    {
        string[] lists = ["summits", "actors", "assessments", "concessions", "context-figures", "outcomes", "parties", "sources", "timeline"];
        var ids = new Dictionary<string, List<string>>();
        foreach (var list in lists)
        {
            ids[list] = [.. (await PageToTheEndAsync($"/api/v1/{list}")).Select(item => item["id"]!.GetValue<string>())];
        }
        ids["events"] = ids["timeline"];
        ids["readouts"] = [];
        ids["readout-statements"] = [];
        ids["citations"] = [];
        foreach (var summit in ids["summits"])
        {
            await PageToTheEndAsync($"/api/v1/summits/{summit}/outcomes");
            foreach (var readout in await PageToTheEndAsync($"/api/v1/summits/{summit}/readouts"))
            {
                ids["readouts"].Add(readout["id"]!.GetValue<string>());
                ids["readout-statements"].AddRange(readout["statements"]!.AsArray().Select(s => s!["id"]!.GetValue<string>()));
            }
            await GetJsonAsync($"/api/v1/summits/{summit}/readout-differences");
        }
        foreach (var source in ids["sources"])
        {
            ids["citations"].AddRange((await PageToTheEndAsync($"/api/v1/sources/{source}/citations")).Select(c => c["id"]!.GetValue<string>()));
        }
        foreach (var (resource, resourceIds) in ids.Where(pair => pair.Key != "timeline"))
        {
            Assert.NotEmpty(resourceIds);
            foreach (var id in resourceIds.Distinct())
            {
                await GetJsonAsync($"/api/v1/{resource}/{Uri.EscapeDataString(id)}");
                if (resource != "parties")
                {
                    await PageToTheEndAsync($"/api/v1/{resource}/{Uri.EscapeDataString(id)}/revisions");
                }
            }
        }

        string[] filtered =
        [
            "/api/v1/concessions?giver=US", "/api/v1/concessions?beneficiary=CN&topic=tariffs", "/api/v1/concessions?summit=busan-2025&activeOn=2025-11-15",
            "/api/v1/concessions?q=tariff", "/api/v1/outcomes?summit=busan-2025&party=US&status=announced", "/api/v1/outcomes?topic=rare_earths&q=export",
            "/api/v1/timeline?summit=busan-2025&from=2025-10-01&to=2025-12-31", "/api/v1/actors?party=CN", "/api/v1/assessments?summit=busan-2025&topic=tariffs",
            "/api/v1/context-figures?summit=busan-2025", "/api/v1/summits/busan-2025/outcomes?topic=tariffs&status=announced",
            "/api/v1/summits/busan-2025/readout-differences?classification=absent_from_all", "/api/v1/summits/busan-2025/readout-differences?topic=taiwan",
            $"/api/v1/concessions?limit=2&asOf={Uri.EscapeDataString(DateTime.UtcNow.ToString("O"))}", $"/api/v1/summits/busan-2025?asOf={Uri.EscapeDataString(DateTime.UtcNow.ToString("O"))}",
            "/api/v1/summits?asOf=2000-01-01T00:00:00Z",
        ];
        foreach (var path in filtered)
        {
            await PageToTheEndAsync(path);
        }
        await GetJsonAsync("/api/v1/vocabularies");
        await SendAsync(HttpMethod.Get, "/api/v1/keys", HttpStatusCode.OK, adminKey);

        // The change feed, polled until it has nothing new: nextCursor is then where to poll from next.
        var feed = await GetJsonAsync("/api/v1/changes?limit=500");
        while (feed["items"]!.AsArray().Count > 0)
        {
            feed = await GetJsonAsync($"/api/v1/changes?limit=500&since={Uri.EscapeDataString(feed["nextCursor"]!.GetValue<string>())}");
        }

        // The export written above: every file its manifest lists, the deltas by their own path.
        await PageToTheEndAsync("/api/v1/exports");
        var latest = await GetJsonAsync("/api/v1/exports/latest");
        var exportId = latest["exportId"]!.GetValue<string>();
        await SendAsync(HttpMethod.Get, $"/api/v1/exports/{exportId}/manifest.json", HttpStatusCode.OK);
        foreach (var file in latest["files"]!.AsArray().Select(f => f!["name"]!.GetValue<string>()))
        {
            await SendAsync(HttpMethod.Get, $"/api/v1/exports/{exportId}/{file}", HttpStatusCode.OK);
        }
        // The documented answers to a file's preconditions and ranges: a part, a failed If-Match, a range past the end.
        await SendAsync(HttpMethod.Get, $"/api/v1/exports/{exportId}/concessions.csv", HttpStatusCode.PartialContent, headers: [("Range", "bytes=0-99")]);
        await SendAsync(HttpMethod.Get, $"/api/v1/exports/{exportId}/concessions.csv", HttpStatusCode.PreconditionFailed, headers: [("If-Match", "\"not-the-file\"")]);
        await SendAsync(HttpMethod.Get, $"/api/v1/exports/{exportId}/concessions.csv", HttpStatusCode.RequestedRangeNotSatisfiable, headers: [("Range", "bytes=999999999-")]);

        var busan = await SendAsync(HttpMethod.Get, "/api/v1/summits/busan-2025", HttpStatusCode.OK);
        await SendAsync(HttpMethod.Get, "/api/v1/summits/busan-2025", HttpStatusCode.NotModified, headers: [("If-None-Match", busan.Headers.ETag!.Tag)]);
    }

    private async Task<List<JsonNode>> PageToTheEndAsync(string path)
    {
        var items = new List<JsonNode>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (var page = await GetJsonAsync(path); ; page = await GetJsonAsync($"{path}{separator}cursor={Uri.EscapeDataString(page["nextCursor"]!.GetValue<string>())}"))
        {
            if (page["items"] is not JsonArray pageItems)
            {
                return items; // not a list (a record or the readout differences)
            }
            items.AddRange(pageItems.Select(item => item!));
            if (page["nextCursor"] is null)
            {
                return items;
            }
        }
    }

    private async Task<JsonNode> GetJsonAsync(string path)
    {
        var response = await SendAsync(HttpMethod.Get, path, HttpStatusCode.OK);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, HttpStatusCode expected, string? key = null,
        HttpContent? content = null, (string Name, string Value)[]? headers = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }
        foreach (var (name, value) in headers ?? [])
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(request);
        }
        catch (HttpRequestException e)
        {
            throw new InvalidOperationException($"{method} {path} did not reach Prism ({e.Message}). Prism's log:\n{_prism.Log}", e);
        }
        _requests++;
        await response.Content.LoadIntoBufferAsync();
        if (response.Headers.TryGetValues("sl-violations", out var violations))
        {
            _violations.Add($"{method} {path}: {string.Join(" ", violations)}");
        }
        // With --errors Prism answers a violation itself, with a problem naming it; the crawl cannot go on from there.
        Assert.True(response.StatusCode == expected,
            $"{method} {path}: {(int)response.StatusCode} instead of {(int)expected}: {await response.Content.ReadAsStringAsync()}\n{string.Join("\n", _violations)}");
        return response;
    }

    private static StringContent Json(JsonNode body, string mediaType = "application/json") => new(body.ToJsonString(), Encoding.UTF8, mediaType);
}
