using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Dapper;
using Npgsql;
using SummitApi.Platform.Data;
using SummitApi.Platform.Reads;

namespace SummitApi.Tests.Platform.ScaleOut;

/// <summary>Two instances of the service, each its own process, on one database: as behind a load balancer.</summary>
public class TwoInstancesTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Two_instances_started_together_on_an_empty_database_migrate_and_seed_it_once_and_both_serve()
    {
        var database = await TestPostgres.CreateEmptyDatabaseAsync();
        try
        {
            using var first = StartInstance(database);
            using var second = StartInstance(database);
            var addresses = await Task.WhenAll(first.WaitForBaseAddressAsync(StartTimeout), second.WaitForBaseAddressAsync(StartTimeout));

            foreach (var address in addresses)
            {
                using var client = new HttpClient { BaseAddress = address };
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/summits/busan-2025")).StatusCode);
            }
            await using var connection = new NpgsqlConnection(database);
            var scripts = (await connection.QueryAsync<string>("SELECT scriptname FROM schema_migrations")).ToList();
            Assert.Equal(scripts.Count, scripts.Distinct().Count());
            Assert.Equal(typeof(DatabaseMigrator).Assembly.GetManifestResourceNames().Count(name => name.StartsWith("db/", StringComparison.Ordinal)), scripts.Count);
            Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM change_set WHERE author = 'seeds'"));
            Assert.Single([first, second], instance => instance.Output.Contains("Loaded the seed set", StringComparison.Ordinal));
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task Killing_one_instance_under_a_stream_of_writes_loses_no_acknowledged_write_and_the_other_keeps_answering()
    {
        var database = await TestPostgres.CreateDatabaseAsync();
        try
        {
            var key = await ApiKeys.CreateAsync(database, "editor");
            using var doomed = StartInstance(database);
            using var survivor = StartInstance(database);
            var doomedAddress = await doomed.WaitForBaseAddressAsync(StartTimeout);
            var survivorAddress = await survivor.WaitForBaseAddressAsync(StartTimeout);
            var acknowledged = new ConcurrentQueue<string>();
            using var stop = new CancellationTokenSource();

            // Writers stop when told to, or at their instance's first failure to answer: a write in
            // flight when its instance dies is unacknowledged, and may or may not have committed.
            async Task WriteUntilStoppedAsync(Uri address, string writer)
            {
                using var client = new HttpClient { BaseAddress = address };
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    HttpResponseMessage response;
                    try
                    {
                        response = await client.SendAsync(SummitWrites.Create($"{writer}-{n}"));
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                    acknowledged.Enqueue($"{writer}-{n}");
                }
            }
            int AcknowledgedBy(string instance) => acknowledged.Count(id => id.StartsWith(instance, StringComparison.Ordinal));
            async Task WaitForAsync(Func<bool> condition, string what)
            {
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (!condition())
                {
                    Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
                    await Task.Delay(20);
                }
            }

            var doomedWriters = Task.WhenAll(WriteUntilStoppedAsync(doomedAddress, "doomed-a"), WriteUntilStoppedAsync(doomedAddress, "doomed-b"));
            var survivorWriters = Task.WhenAll(WriteUntilStoppedAsync(survivorAddress, "survivor-a"), WriteUntilStoppedAsync(survivorAddress, "survivor-b"));
            await WaitForAsync(() => AcknowledgedBy("doomed") >= 20, "writes through the instance to be killed");
            doomed.Kill();
            await doomedWriters.WaitAsync(TimeSpan.FromSeconds(60));
            var survivorBeforeKill = AcknowledgedBy("survivor");
            await WaitForAsync(() => AcknowledgedBy("survivor") >= survivorBeforeKill + 20, "writes through the other instance after the kill");
            await stop.CancelAsync();
            await survivorWriters.WaitAsync(TimeSpan.FromSeconds(60));

            await using var connection = new NpgsqlConnection(database);
            var stored = (await connection.QueryAsync<string>("SELECT id FROM summit WHERE id = ANY(@ids)", new { ids = acknowledged.ToArray() })).ToHashSet();
            Assert.All(acknowledged, id => Assert.Contains(id, stored));
            using var reader = new HttpClient { BaseAddress = survivorAddress };
            foreach (var id in acknowledged.Where(id => id.StartsWith("doomed", StringComparison.Ordinal)))
            {
                Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/v1/summits/{id}")).StatusCode);
            }
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private static ChildProcess StartInstance(string connectionString) =>
        ServiceProcess.Start(
            new Dictionary<string, string?>
            {
                ["ConnectionStrings__Summit"] = connectionString,
                ["ConnectionStrings__" + ReadReplica.ConnectionStringName] = null,
            },
            "--urls=http://127.0.0.1:0",
            "--Exports:Schedule=",
            $"--Exports:Directory={Path.Combine(Path.GetTempPath(), $"summit-exports-{Guid.NewGuid():N}")}",
            "--RateLimits:Writes:PermitLimit=1000000");
}
