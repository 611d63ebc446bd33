using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dapper;
using Npgsql;
using Xunit.Abstractions;

namespace SummitApi.Tests.Reliability;

/// <summary>
/// PostgreSQL goes away under load, first by ending every session as a shutting-down server does (FATAL
/// 57P01), then by vanishing from the network (connections reset, new ones refused), and comes back.
/// </summary>
public class DatabaseOutageTests(ProxiedApiFactory factory, ITestOutputHelper output) : IClassFixture<ProxiedApiFactory>
{
    /// <summary>The cut resets the listener's connection, so it hears of the loss at once; a second is ample.</summary>
    private static readonly TimeSpan CacheNoticesTheOutageWithin = TimeSpan.FromSeconds(1);

    private sealed record Outcome(string Kind, TimeSpan Started, TimeSpan Took, int Status, string? ContentType, bool HasRetryAfter, string? WrittenId);

    [Fact]
    public async Task Under_load_an_outage_is_503_problems_readiness_fails_within_2_s_and_the_api_recovers_losing_no_acknowledged_write()
    {
        var clock = Stopwatch.StartNew();
        var reader = factory.CreateClient();
        reader.Timeout = TimeSpan.FromSeconds(60);
        var writer = factory.CreateClient();
        writer.Timeout = TimeSpan.FromSeconds(60);
        writer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiKeys.CreateAsync(factory, "editor"));
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/health/ready")).StatusCode);

        var outcomes = new ConcurrentQueue<Outcome>();
        using var stop = new CancellationTokenSource();
        var written = 0;
        async Task LoadAsync(string kind, Func<Task<(HttpResponseMessage, string?)>> send)
        {
            while (!stop.IsCancellationRequested)
            {
                var started = clock.Elapsed;
                var (response, id) = await send();
                outcomes.Enqueue(new Outcome(kind, started, clock.Elapsed - started, (int)response.StatusCode,
                    response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter is not null, response.IsSuccessStatusCode ? id : null));
                response.Dispose();
            }
        }
        Task<(HttpResponseMessage, string?)> Read(string path) => reader.GetAsync(path).ContinueWith(t => (t.Result, (string?)null), TaskScheduler.Default);
        async Task<(HttpResponseMessage, string?)> Write()
        {
            var id = $"outage-{Interlocked.Increment(ref written)}";
            var body = new StringContent(NewRecords.Summit(id).ToJsonString(), Encoding.UTF8, "application/json");
            return (await writer.PostAsync("/api/v1/summits", body), id);
        }
        var load = new[]
        {
            LoadAsync("read", () => Read("/api/v1/summits")), LoadAsync("read", () => Read("/api/v1/concessions?limit=5")),
            LoadAsync("read", () => Read("/api/v1/summits/busan-2025/readout-differences")), LoadAsync("write", Write), LoadAsync("write", Write),
        };

        await Task.Delay(TimeSpan.FromSeconds(1));
        var database = new NpgsqlConnectionStringBuilder(factory.ConnectionString).Database;
        await TestPostgres.ExecuteAsync(await TestPostgres.ServerConnectionStringAsync(),
            $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' AND pid <> pg_backend_pid()");
        await Task.Delay(TimeSpan.FromSeconds(1));

        var cutAt = clock.Elapsed;
        factory.Proxy.Cut();
        var notReadyAfter = await UntilAsync(reader, HttpStatusCode.ServiceUnavailable, clock) - cutAt;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var restoredAt = clock.Elapsed;
        factory.Proxy.Restore();
        var readyAt = await UntilAsync(reader, HttpStatusCode.OK, clock);
        await Task.Delay(TimeSpan.FromSeconds(2));
        await stop.CancelAsync();
        await Task.WhenAll(load);

        var all = outcomes.ToList();
        var duringOutage = all.Where(o => o.Started >= cutAt && o.Started + o.Took <= restoredAt).ToList();
        var servedFromCache = duringOutage.Where(o => o.Status == 200).ToList();
        var afterRecovery = all.Where(o => o.Started >= readyAt + TimeSpan.FromSeconds(0.5)).ToList();
        var acknowledged = all.Where(o => o.WrittenId is not null).Select(o => o.WrittenId!).ToList();
        await using var connection = await factory.OpenConnectionAsync();
        var stored = (await connection.QueryAsync<(string Id, long Revisions)>(
            "SELECT s.id, (SELECT count(*) FROM revision r WHERE r.entity = 'summit' AND r.record_id = s.id) FROM summit s WHERE s.id LIKE 'outage-%'")).ToList();
        var lost = acknowledged.Except(stored.Select(s => s.Id)).ToList();
        output.WriteLine($"{all.Count} requests ({acknowledged.Count} acknowledged writes); statuses {string.Join(", ", all.GroupBy(o => o.Status).OrderBy(g => g.Key).Select(g => $"{g.Key}×{g.Count()}"))}; " +
            $"during the cut {duringOutage.Count} requests, {duringOutage.Count(o => o.Status == 503)} answered 503, {servedFromCache.Count} reads from the response cache" +
            (servedFromCache.Count > 0 ? $" (the last {(servedFromCache.Max(o => o.Started) - cutAt).TotalSeconds:F3} s after the cut)" : "") + "; " +
            $"slowest request {all.Max(o => o.Took).TotalSeconds:F2} s; " +
            $"/health/ready 503 after {notReadyAfter.TotalSeconds:F2} s; ready again {(readyAt - restoredAt).TotalSeconds:F2} s after the database returned; {lost.Count} acknowledged writes lost.");

        Assert.DoesNotContain(all, o => o.Status >= 500 && o.Status != 503);
        Assert.All(all.Where(o => o.Status == 503), o => Assert.True(o.ContentType == "application/problem+json" && o.HasRetryAfter, $"a 503 as {o.ContentType}, Retry-After {o.HasRetryAfter}"));
        Assert.Contains(duringOutage, o => o.Status == 503);
        // Until the change listener's connection fails too, the response cache may still answer a read it holds
        // (the data as of the last revision heard); once it has, every request is a 503.
        Assert.All(duringOutage.Where(o => o.Kind == "read" && o.Started < cutAt + CacheNoticesTheOutageWithin), o => Assert.Contains(o.Status, new[] { 200, 503 }));
        Assert.All(duringOutage.Where(o => o.Kind == "write" || o.Started >= cutAt + CacheNoticesTheOutageWithin), o => Assert.Equal(503, o.Status));
        Assert.True(notReadyAfter <= TimeSpan.FromSeconds(2), $"/health/ready answered 503 only {notReadyAfter.TotalSeconds:F2} s after the cut");
        var bound = TimeSpan.FromSeconds(ProxiedApiFactory.ConnectTimeoutSeconds + ProxiedApiFactory.CommandTimeoutSeconds + 5);
        Assert.True(all.Max(o => o.Took) < bound, $"a request took {all.Max(o => o.Took).TotalSeconds:F1} s, beyond the connection and command timeouts");
        Assert.NotEmpty(afterRecovery);
        Assert.All(afterRecovery, o => Assert.True(o.Status is >= 200 and < 300, $"{o.Kind} answered {o.Status} after recovery"));
        Assert.Empty(lost);
        Assert.All(stored, s => Assert.True(s.Revisions >= 1, $"{s.Id} is stored without its revision"));
    }

    /// <summary>Polls /health/ready every 50 ms until it answers <paramref name="status"/>; returns when it did.</summary>
    private static async Task<TimeSpan> UntilAsync(HttpClient client, HttpStatusCode status, Stopwatch clock)
    {
        var deadline = clock.Elapsed + TimeSpan.FromSeconds(60);
        while (clock.Elapsed < deadline)
        {
            using var response = await client.GetAsync("/health/ready");
            if (response.StatusCode == status)
            {
                return clock.Elapsed;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"/health/ready never answered {status}");
    }
}
