using System.Net;
using System.Net.Http.Json;
using Dapper;
using SummitApi.Exports;
using static SummitApi.Tests.Exports.ExportTestKit;

namespace SummitApi.Tests.Exports;

/// <summary>A failed or crashed export leaves the published ones as they were; exports never run twice at once.</summary>
public class ExportSafetyTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>, IDisposable
{
    private readonly string _directory = NewDirectory();

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task An_export_whose_writer_fails_mid_way_leaves_the_previous_export_served_and_no_temporary_folder()
    {
        var published = await ServedExporter(factory).ExportAsync();
        var failing = Exporter(factory, factory.ExportsDirectory, ScriptedFileSystem.FailingOn("events.csv", bytes: 50));

        var error = await Assert.ThrowsAsync<IOException>(failing.ExportAsync);

        Assert.Contains("simulated", error.Message);
        Assert.Equal([published.ExportId], Directory.GetDirectories(factory.ExportsDirectory).Select(Path.GetFileName));
        var client = factory.CreateClient();
        var latest = await client.GetFromJsonAsync<ExportManifest>("/api/v1/exports/latest");
        Assert.Equal(published.ExportId, latest!.ExportId);
        var events = await client.GetAsync($"/api/v1/exports/{published.ExportId}/events.csv");
        Assert.Equal(HttpStatusCode.OK, events.StatusCode);
        Assert.Equal(published.Files.Single(f => f.Name == "events.csv").Bytes, (await events.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task A_folder_left_by_a_crashed_export_is_never_listed_and_the_next_export_removes_it()
    {
        var exporter = Exporter(factory, _directory);
        var published = await exporter.ExportAsync();
        var crashed = Path.Combine(_directory, $".tmp-29990101T000000Z-{Guid.NewGuid():N}");
        Directory.CreateDirectory(crashed);
        await File.WriteAllTextAsync(Path.Combine(crashed, "summits.json"), "[\n{\"id\":");
        var store = new ExportStore(Microsoft.Extensions.Options.Options.Create(new ExportOptions { Directory = _directory }));

        Assert.Equal([published.ExportId], store.ExportIds());
        Assert.Equal(published.ExportId, (await store.LatestAsync())!.ExportId);

        var next = await exporter.ExportAsync();

        Assert.False(Directory.Exists(crashed));
        Assert.Equal([next.ExportId, published.ExportId], store.ExportIds());
        Assert.Equal(published.ExportId, next.PreviousExportId);
    }

    [Fact]
    public async Task Two_concurrent_triggers_in_one_process_produce_one_export()
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        var exporter = Exporter(factory, _directory, ScriptedFileSystem.StallingFirstFile(reached, release));

        var first = exporter.ExportAsync();
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = exporter.ExportAsync();
        release.Set();

        Assert.Equal((await first).ExportId, (await second).ExportId);
        Assert.Single(Directory.GetDirectories(_directory));
    }

    [Fact]
    public async Task Two_instances_triggered_together_produce_one_export_through_the_database_lock()
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        var one = Exporter(factory, _directory, ScriptedFileSystem.StallingFirstFile(reached, release));
        var other = Exporter(factory, _directory);

        var first = one.ExportAsync();
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = other.ExportAsync();
        await WaitUntilAnExportWaitsForTheLockAsync();
        release.Set();

        Assert.Equal((await first).ExportId, (await second).ExportId);
        Assert.Single(Directory.GetDirectories(_directory));
    }

    [Fact]
    public async Task Exports_beyond_the_configured_count_are_pruned_oldest_first()
    {
        var exporter = Exporter(factory, _directory, keep: 2);
        var made = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            made.Add((await exporter.ExportAsync()).ExportId);
        }

        Assert.Equal([made[2], made[1]], Directory.GetDirectories(_directory).Select(Path.GetFileName).OrderDescending(StringComparer.Ordinal));
    }

    private async Task WaitUntilAnExportWaitsForTheLockAsync()
    {
        await using var connection = await factory.OpenConnectionAsync();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var waiting = await connection.ExecuteScalarAsync<bool>(
                "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database()))");
            if (waiting)
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail("The second exporter never waited for the export lock.");
    }
}
