using Dapper;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace SummitApi.Tests.Infrastructure;

/// <summary>
/// The real HTTP pipeline over a database of its own. Use as a class fixture: each test class gets
/// a clean database holding the migrated schema and the seed set.
/// </summary>
public class SummitApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ConnectionString { get; private set; } = "";

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
