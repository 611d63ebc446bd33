using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SummitApi.Platform.Caching;
using SummitApi.Platform.Data;

namespace SummitApi.Tests.Support;

/// <summary>
/// The real HTTP pipeline over a database of its own. Use as a class fixture: each test class gets
/// a clean database holding the migrated schema and the seed set.
/// </summary>
public class SummitApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ConnectionString { get; protected set; } = "";

    /// <summary>This fixture's own exports directory; the schedule is off unless a test turns it on.</summary>
    public string ExportsDirectory { get; } = Path.Combine(Path.GetTempPath(), $"summit-exports-{Guid.NewGuid():N}");

    public async Task InitializeAsync() => ConnectionString = await TestPostgres.CreateDatabaseAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Summit", ConnectionString);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Exports:Directory", ExportsDirectory);
        builder.UseSetting("Exports:Schedule", "");
    }

    /// <summary>Opens a connection to this fixture's database, for checks the API does not expose.</summary>
    public async Task<NpgsqlConnection> OpenConnectionAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs a <c>SELECT count(*)</c> on this fixture's database, for what a list should hold.</summary>
    public async Task<long> CountAsync(string sql)
    {
        await using var connection = await OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    /// <summary>
    /// Writes straight to the database in a change set of its own, as another instance or a script would, and
    /// returns once this instance has heard of it: until then it may still serve what it cached before.
    /// </summary>
    public async Task WriteOutsideTheApiAsync(string author, string reason, params string[] statements)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var changeSet = await ChangeSet.BeginAsync(dataSource, author, reason);
        foreach (var sql in statements)
        {
            await changeSet.Connection.ExecuteAsync(sql, transaction: changeSet.Transaction);
        }
        await changeSet.CommitAsync();
        await WaitUntilHeardAsync(changeSet.Seq);
    }

    /// <summary>Waits until this instance's response cache has moved to <paramref name="revision"/> (or is off).</summary>
    public async Task WaitUntilHeardAsync(long revision)
    {
        var cache = Services.GetRequiredService<ResponseCache>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (cache.Enabled && (cache.Revision ?? -1) < revision)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The instance did not hear of data revision {revision} within 15 s.");
            }
            await Task.Delay(10);
        }
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await TestPostgres.DropDatabaseAsync(ConnectionString);
        if (Directory.Exists(ExportsDirectory))
        {
            Directory.Delete(ExportsDirectory, recursive: true);
        }
    }
}
