using System.Net;
using System.Text.Json.Nodes;
using SummitApi.Tests.Exports;
using static SummitApi.Tests.Exports.ExportTestKit;

namespace SummitApi.Tests.Platform.Observability;

/// <summary>
/// /metrics in Prometheus text format: HTTP requests, response cache lookups, the database pool, export runs. The registry is the
/// process's, shared by every test class's API, so counts are compared before and after, never exactly.
/// </summary>
public class MetricsTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    private const string ConcessionRoute = "/api/v{version:apiVersion}/concessions/{concessionId}";

    [Fact]
    public async Task Requests_are_counted_and_timed_by_route_template_method_and_status()
    {
        var client = factory.CreateClient();
        var before = await ScrapeAsync(client);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/concessions/us-fentanyl-tariff-cut")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/concessions/no-such-concession")).StatusCode);
        var after = await ScrapeAsync(client);

        foreach (var code in (string[])["200", "404"])
        {
            (string, string)[] series = [("endpoint", ConcessionRoute), ("method", "GET"), ("code", code)];
            Assert.True(after.ValueOf("http_requests_received_total", series) >= before.ValueOf("http_requests_received_total", series) + 1,
                $"no {code} counted for {ConcessionRoute}");
            Assert.True(after.ValueOf("http_request_duration_seconds_count", series) >= before.ValueOf("http_request_duration_seconds_count", series) + 1);
            Assert.Contains(after, s => s.Name == "http_request_duration_seconds_bucket" && s.Labels.GetValueOrDefault("code") == code
                && s.Labels.GetValueOrDefault("endpoint") == ConcessionRoute && s.Labels["le"] == "+Inf");
        }
        // Labels name route templates, never what a client sent.
        Assert.DoesNotContain(after, s => s.Labels.Values.Any(v => v.Contains("no-such-concession", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_second_identical_read_counts_a_response_cache_hit()
    {
        var client = factory.CreateClient();
        // The cache serves once the instance knows the data revision (any revision: the seeds' is the first).
        await factory.WaitUntilHeardAsync(0);
        var before = await ScrapeAsync(client);

        const string path = "/api/v1/concessions?giver=CN&limit=7";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        var after = await ScrapeAsync(client);

        foreach (var result in (string[])["miss", "hit"])
        {
            Assert.True(after.ValueOf("summitapi_response_cache_lookups_total", ("result", result))
                >= before.ValueOf("summitapi_response_cache_lookups_total", ("result", result)) + 1, $"no cache {result} counted");
        }
    }

    [Fact]
    public async Task The_database_connection_pool_is_measured()
    {
        var client = factory.CreateClient();
        // A read no earlier test made, so the response cache cannot answer it and the pool must serve it.
        var uncached = $"/api/v1/parties?asOf={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"))}";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(uncached)).StatusCode);

        var samples = await ScrapeAsync(client);

        var database = new Npgsql.NpgsqlConnectionStringBuilder(factory.ConnectionString).Database!;
        // A pool is named by its connection string without the password; the exporter's unpooled connections are one more.
        var pool = samples.Where(s => s.Name == "npgsql_db_client_connection_count"
            && s.Labels["db_client_connection_pool_name"] is var name
            && name.Contains($"Database={database};", StringComparison.Ordinal) && !name.Contains("Pooling=False", StringComparison.Ordinal)).ToList();
        Assert.True(pool.Select(s => s.Labels["db_client_connection_state"]).Order().SequenceEqual(["idle", "used"]), string.Join("\n", pool));
        Assert.True(pool.Sum(s => s.Value) >= 1, "the API's pool holds no connection after serving a request");
        Assert.Contains(samples, s => s.Name == "npgsql_db_client_connection_max" && s.Value > 0);
    }

    [Fact]
    public async Task Export_runs_are_counted_by_outcome_timed_and_the_last_success_is_stamped()
    {
        var client = factory.CreateClient();
        var directory = NewDirectory();
        try
        {
            var before = await ScrapeAsync(client);
            var started = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

            await ServedExporter(factory).ExportAsync();
            await Assert.ThrowsAsync<IOException>(Exporter(factory, directory, ScriptedFileSystem.FailingOn("events.csv", bytes: 50)).ExportAsync);
            var after = await ScrapeAsync(client);

            foreach (var outcome in (string[])["succeeded", "failed"])
            {
                Assert.True(after.ValueOf("summitapi_export_runs_total", ("outcome", outcome)) >= before.ValueOf("summitapi_export_runs_total", ("outcome", outcome)) + 1,
                    $"no {outcome} export run counted");
                Assert.True(after.ValueOf("summitapi_export_duration_seconds_count", ("outcome", outcome))
                    >= before.ValueOf("summitapi_export_duration_seconds_count", ("outcome", outcome)) + 1);
            }
            Assert.True(after.ValueOf("summitapi_export_last_success_timestamp_seconds") >= started, "the last success is older than this export");
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Metrics_are_served_outside_the_api_undocumented_and_never_rate_limited()
    {
        using var stingy = factory.WithWebHostBuilder(builder => builder.UseSetting("RateLimits:Reads:PermitLimit", "2"));
        var client = stingy.CreateClient();

        var api = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            api.Add((await client.GetAsync("/api/v1/parties")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, api[^1]);
        for (var i = 0; i < 5; i++)
        {
            var metrics = await client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/metrics")).StatusCode);
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
        Assert.DoesNotContain(document["paths"]!.AsObject(), path => path.Key.Contains("metrics", StringComparison.Ordinal));
    }

    private static async Task<List<PrometheusSample>> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return PrometheusText.Parse(await response.Content.ReadAsStringAsync());
    }
}
