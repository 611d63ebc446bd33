using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using SummitApi.Exports;
using SummitApi.Tests.Exports;

namespace SummitApi.Tests.Platform.RealClients;

/// <summary>
/// HEAD on every GET route answers the GET's status and headers with no body (RFC 9110 9.3.2), over Kestrel, for
/// each encoding a client may accept; ranges in units other than bytes are ignored, and an unsatisfiable one is a
/// problem with a type.
/// </summary>
public sealed class HeadRequestTests(KestrelSummitApiFactory factory) : IClassFixture<KestrelSummitApiFactory>, IAsyncLifetime
{
    private static readonly string?[] AcceptEncodings = [null, "gzip", "br", "gzip, br"];

    private ExportManifest _export = null!;

    public async Task InitializeAsync() => _export = await ExportTestKit.ServedExporter(factory).ExportAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_get_route_answers_head_with_the_status_and_headers_of_its_get_and_no_body()
    {
        using var client = ObservedResponse.RawClient(factory.Address);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiKeys.CreateAsync(factory, "admin"));
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var getPaths = document["paths"]!.AsObject().Where(path => path.Value!["get"] is not null).Select(path => path.Key).ToList();
        var failures = new List<string>();

        foreach (var template in getPaths)
        {
            var path = await ResolveAsync(client, template);
            foreach (var acceptEncoding in AcceptEncodings)
            {
                var get = await ObservedResponse.ReadAsync(await client.SendAsync(Request(HttpMethod.Get, path, acceptEncoding)));
                using var headResponse = await client.SendAsync(Request(HttpMethod.Head, path, acceptEncoding));
                Assert.Empty(await headResponse.Content.ReadAsByteArrayAsync());
                var head = await ObservedResponse.ReadAsync(headResponse);
                if (get.Status != HttpStatusCode.OK)
                {
                    failures.Add($"GET {path}: {(int)get.Status}, a route this test should reach");
                }
                failures.AddRange(head.DifferencesFrom(get).Where(difference => !difference.StartsWith("body:", StringComparison.Ordinal))
                    .Select(difference => $"HEAD {path} (Accept-Encoding: {acceptEncoding ?? "none"}) vs GET: {difference}"));
            }
        }

        Assert.True(getPaths.Count >= 40, $"only {getPaths.Count} GET routes in the document");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_range_in_a_unit_other_than_bytes_is_ignored_and_the_whole_file_is_served()
    {
        using var client = ObservedResponse.RawClient(factory.Address);
        var path = $"/api/v1/exports/{_export.ExportId}/concessions.csv";
        var whole = await client.GetByteArrayAsync(path);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Range", "items=0-1");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(whole, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_unsatisfiable_range_is_a_416_problem_with_a_type_and_the_files_length()
    {
        using var client = ObservedResponse.RawClient(factory.Address);
        var path = $"/api/v1/exports/{_export.ExportId}/concessions.csv";
        var length = (await client.GetByteArrayAsync(path)).Length;
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Range = new RangeHeaderValue(length + 10, length + 20);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.Equal($"bytes */{length}", response.Content.Headers.ContentRange?.ToString());
        await AssertProblemWithTypeAsync(response);
    }

    [Fact]
    public async Task A_request_past_the_read_budget_is_a_429_problem_with_a_type()
    {
        using var limited = factory.SiblingWith(new Dictionary<string, string> { ["RateLimits:Reads:PermitLimit"] = "1" });
        using var client = ObservedResponse.RawClient(limited.Address);
        await client.GetAsync("/api/v1/parties");

        using var response = await client.GetAsync("/api/v1/parties");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        await AssertProblemWithTypeAsync(response);
    }

    private static async Task AssertProblemWithTypeAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.TryGetProperty("type", out var type) && type.GetString() is { Length: > 0 }, problem.ToString());
        Assert.Equal((int)response.StatusCode, problem.GetProperty("status").GetInt32());
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, string? acceptEncoding)
    {
        var request = new HttpRequestMessage(method, path);
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }
        return request;
    }

    /// <summary>A route template with each parameter replaced by an id the seed set (or the fixture's export) holds.</summary>
    private async Task<string> ResolveAsync(HttpClient client, string template)
    {
        var path = template.Replace("{summitId}", "busan-2025", StringComparison.Ordinal)
            .Replace("{exportId}", _export.ExportId, StringComparison.Ordinal)
            .Replace("deltas/{file}", "deltas/concessions.ndjson", StringComparison.Ordinal)
            .Replace("{file}", "concessions.csv", StringComparison.Ordinal);
        foreach (var (parameter, listPath) in new Dictionary<string, string>
        {
            ["{readoutId}"] = "/api/v1/summits/busan-2025/readouts?limit=1",
            ["{eventId}"] = "/api/v1/timeline?limit=1",
            ["{citationId}"] = $"/api/v1/sources/{await FirstIdAsync(client, "/api/v1/sources?limit=1")}/citations?limit=1",
        })
        {
            if (path.Contains(parameter, StringComparison.Ordinal))
            {
                path = path.Replace(parameter, await FirstIdAsync(client, listPath), StringComparison.Ordinal);
            }
        }
        if (path.Contains("{statementId}", StringComparison.Ordinal))
        {
            var readout = JsonDocument.Parse(await client.GetStringAsync("/api/v1/summits/busan-2025/readouts?limit=1")).RootElement.GetProperty("items")[0];
            path = path.Replace("{statementId}", readout.GetProperty("statements")[0].GetProperty("id").GetString(), StringComparison.Ordinal);
        }
        // The rest are /api/v1/{collection}/{oneId}[/...]: any item of the collection's list.
        if (path.IndexOf('{', StringComparison.Ordinal) is var open and >= 0)
        {
            var collection = path[..(open - 1)];
            var close = path.IndexOf('}', open);
            path = path[..open] + await FirstIdAsync(client, collection + "?limit=1") + path[(close + 1)..];
        }
        return path;
    }

    private static async Task<string> FirstIdAsync(HttpClient client, string listPath) =>
        JsonDocument.Parse(await client.GetStringAsync(listPath)).RootElement.GetProperty("items")[0].GetProperty("id").GetString()!;
}
