using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using SummitApi.Exports;
using SummitApi.Tests.Exports;
using Xunit.Abstractions;

namespace SummitApi.Tests.Reliability;

/// <summary>
/// The service killed outright (SIGKILL, a real child process) in the middle of an export and in the middle
/// of writes: what was published stays whole and served, and the database holds each write entirely or not at all.
/// </summary>
public class CrashSafetyTests(SummitApiFactory factory, ITestOutputHelper output) : IClassFixture<SummitApiFactory>
{
    private const int KillAttempts = 5;

    [Fact]
    public async Task Killing_an_export_midway_leaves_the_previous_export_served_and_intact_and_nothing_partial_visible()
    {
        using (var first = StartExport())
        {
            Assert.True(await first.ExitCodeAsync(TimeSpan.FromSeconds(120)) == 0, first.Output);
        }
        var store = new ExportStore(Microsoft.Extensions.Options.Options.Create(new ExportOptions { Directory = factory.ExportsDirectory }));
        string? partial = null;
        // The kill comes as the first file gets bytes; an export quicker than that publishes first, and is then the previous one.
        for (var attempt = 0; attempt < KillAttempts && partial is null; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1)); // export ids are per second
            using var export = StartExport();
            var writing = await UntilAFileIsBeingWrittenAsync(factory.ExportsDirectory);
            export.Kill();
            partial = Directory.Exists(writing) ? writing : null;
        }
        Assert.True(partial is not null, $"each of {KillAttempts} exports was published before it could be killed");
        var previous = (await store.LatestAsync())!;

        var written = Directory.GetFiles(partial, "*", SearchOption.AllDirectories);
        output.WriteLine($"killed with {written.Length} files ({written.Sum(f => new FileInfo(f).Length):N0} bytes) in {Path.GetFileName(partial)}; previous export {previous.ExportId} with {previous.Files.Count} files");
        Assert.Equal([previous.ExportId], store.ExportIds());
        var client = factory.CreateClient();
        Assert.Equal(previous.ExportId, (await client.GetFromJsonAsync<ExportManifest>("/api/v1/exports/latest"))!.ExportId);
        foreach (var file in previous.Files)
        {
            var bytes = await client.GetByteArrayAsync($"/api/v1/exports/{previous.ExportId}/{file.Name}");
            Assert.Equal(file.Bytes, bytes.Length);
            Assert.Equal(file.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)), StringComparer.OrdinalIgnoreCase);
        }
        var hidden = Path.GetFileName(partial);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/exports/{hidden}/manifest.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/exports/{hidden}/{Path.GetFileName(written[0])}")).StatusCode);

        var next = await ExportTestKit.ServedExporter(factory).ExportAsync();
        Assert.False(Directory.Exists(partial), "the next export did not remove what the killed one left");
        Assert.Equal(previous.ExportId, next.PreviousExportId);
    }

    [Fact]
    public async Task Killing_the_server_during_writes_leaves_every_write_whole_with_its_revision_or_absent_and_loses_no_acknowledged_one()
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__Summit"] = factory.ConnectionString,
            ["Exports__Schedule"] = "", ["Exports__Directory"] = factory.ExportsDirectory,
            ["RateLimits__Writes__PermitLimit"] = "100000000",
        };
        long lastBefore;
        await using (var connection = await factory.OpenConnectionAsync())
        {
            lastBefore = await connection.ExecuteScalarAsync<long>("SELECT max(seq) FROM change_set");
        }
        using var server = ServiceProcess.Start(environment, "--urls=http://127.0.0.1:0");
        using var client = new HttpClient { BaseAddress = await server.WaitForBaseAddressAsync(TimeSpan.FromSeconds(90)), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiKeys.CreateAsync(factory, "editor"));

        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<string>();
        var attempted = 0;
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task WriteUntilKilledAsync()
        {
            while (!killed.Task.IsCompleted)
            {
                var id = $"crash-{Interlocked.Increment(ref attempted)}";
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/summits")
                {
                    Content = new StringContent(NewRecords.Summit(id).ToJsonString(), Encoding.UTF8, "application/json"),
                };
                request.Headers.Add("Idempotency-Key", id);
                try
                {
                    using var response = await client.SendAsync(request);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        acknowledged.Add(id);
                    }
                }
                catch (HttpRequestException)
                {
                    return; // the server is gone
                }
            }
        }
        var writers = Enumerable.Range(0, 6).Select(_ => Task.Run(WriteUntilKilledAsync)).ToArray();
        while (acknowledged.Count < 30)
        {
            await Task.Delay(10);
        }
        server.Kill();
        killed.SetResult();
        await Task.WhenAll(writers);

        await using var db = await factory.OpenConnectionAsync();
        var stored = (await db.QueryAsync<string>("SELECT id FROM summit WHERE id LIKE 'crash-%'")).ToHashSet();
        var withRevision = (await db.QueryAsync<string>(
            "SELECT record_id FROM revision WHERE entity = 'summit' AND record_id LIKE 'crash-%' AND valid_to_seq IS NULL AND body IS NOT NULL")).ToHashSet();
        var remembered = (await db.QueryAsync<string>("SELECT key FROM idempotent_request WHERE key LIKE 'crash-%'")).ToHashSet();
        var emptyChangeSets = await db.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM change_set cs WHERE cs.seq > @lastBefore AND NOT EXISTS (SELECT 1 FROM revision r WHERE r.seq = cs.seq)", new { lastBefore });
        var seqs = (await db.QueryAsync<long>("SELECT seq FROM change_set WHERE seq > @lastBefore ORDER BY seq", new { lastBefore })).ToList();
        output.WriteLine($"{attempted} writes attempted, {acknowledged.Count} acknowledged, {stored.Count} stored when the server was killed");

        Assert.Subset(stored, acknowledged.ToHashSet());
        Assert.Equal(stored, withRevision);
        Assert.Equal(stored, remembered);
        Assert.Equal(0, emptyChangeSets);
        Assert.Equal(Enumerable.Range(0, seqs.Count).Select(i => lastBefore + 1 + i), seqs);
    }

    /// <summary>The hidden folder of an export in progress, once it holds a file with bytes in it.</summary>
    private static async Task<string> UntilAFileIsBeingWrittenAsync(string directory)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            foreach (var folder in Directory.GetDirectories(directory, ".tmp-*"))
            {
                if (Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Any(f => new FileInfo(f).Length > 0))
                {
                    return folder;
                }
            }
            await Task.Delay(5);
        }
        throw new TimeoutException("no export started writing");
    }

    private ChildProcess StartExport() =>
        ServiceProcess.Start(new Dictionary<string, string?> { ["ConnectionStrings__Summit"] = factory.ConnectionString }, "export", "--out", factory.ExportsDirectory);
}
