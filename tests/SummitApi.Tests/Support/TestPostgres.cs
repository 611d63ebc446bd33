using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SummitApi.Resources;
using SummitApi.Platform.Data;
using SummitApi.LocalPostgres;
using SummitApi.Platform.Seeding;
using Testcontainers.PostgreSql;

namespace SummitApi.Tests.Support;

/// <summary>
/// The one Postgres server of a test run, found in this order: ConnectionStrings__Summit from the
/// environment; a Testcontainers PostgreSQL when a Docker engine answers; otherwise a throwaway local
/// cluster started from the installed binaries and deleted when the run ends. Each test class then
/// gets its own database, cloned from a template that is migrated and seeded once.
/// </summary>
public static class TestPostgres
{
    private const string TemplateDatabase = "summit_test_template";
    private static readonly Lazy<Task<string>> Server = new(StartServerAsync);
    private static int _databaseCount;

    /// <summary>How the server was found, for the test log.</summary>
    public static string Origin { get; private set; } = "not started";

    /// <summary>Creates a fresh database holding the migrated schema and the seed set; returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await Server.Value;
        var name = $"summit_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCount)}";
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateDatabase}\"");
        return WithDatabase(server, name);
    }

    /// <summary>Creates a database with nothing in it, for tests of the migrations themselves.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync()
    {
        var server = await Server.Value;
        var name = $"summit_test_{Environment.ProcessId}_{Interlocked.Increment(ref _databaseCount)}_empty";
        await ExecuteAsync(server, $"CREATE DATABASE \"{name}\"");
        return WithDatabase(server, name);
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(await Server.Value, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
    }

    /// <summary>An admin connection string to the server's maintenance database.</summary>
    public static async Task<string> ServerConnectionStringAsync() => await Server.Value;

    private static async Task<string> StartServerAsync()
    {
        var server = Environment.GetEnvironmentVariable("ConnectionStrings__Summit") is { Length: > 0 } configured
            ? UseConfigured(configured)
            : await TryStartContainerAsync() ?? await StartLocalClusterAsync();
        await PrepareTemplateAsync(server);
        return server;
    }

    private static string UseConfigured(string connectionString)
    {
        Origin = "ConnectionStrings__Summit";
        return WithDatabase(connectionString, new NpgsqlConnectionStringBuilder(connectionString).Database ?? "postgres");
    }

    private static async Task<string?> TryStartContainerAsync()
    {
        try
        {
            var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await container.StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Origin = "Testcontainers";
            return container.GetConnectionString();
        }
        catch (DotNet.Testcontainers.Builders.DockerUnavailableException)
        {
            return null;
        }
    }

    private static async Task<string> StartLocalClusterAsync()
    {
        await DeleteClustersOfEndedRunsAsync();
        var root = Path.Combine(Path.GetTempPath(), $"{ClusterPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        var cluster = await LocalPostgresCluster.StartAsync(root, "postgres", port: 0, ephemeral: true, NullLogger.Instance);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        Origin = $"local cluster in {root}";
        return cluster.ConnectionString("postgres");
    }

    private const string ClusterPrefix = "summit-tests-";

    /// <summary>A run that was killed cannot clean up after itself; the next run does it.</summary>
    private static async Task DeleteClustersOfEndedRunsAsync()
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), ClusterPrefix + "*"))
        {
            var owner = Path.GetFileName(directory)[ClusterPrefix.Length..].Split('-')[0];
            if (int.TryParse(owner, out var pid) && !IsRunning(pid) && !File.Exists(Path.Combine(directory, "data", "postmaster.pid")))
            {
                await LocalPostgresCluster.DeleteDirectoryAsync(directory);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static async Task PrepareTemplateAsync(string server)
    {
        await ExecuteAsync(server, $"DROP DATABASE IF EXISTS \"{TemplateDatabase}\" WITH (FORCE)");
        await ExecuteAsync(server, $"CREATE DATABASE \"{TemplateDatabase}\"");
        var template = WithDatabase(server, TemplateDatabase);
        await new DatabaseMigrator(NullLogger<DatabaseMigrator>.Instance).MigrateAsync(template);
        await using (var dataSource = NpgsqlDataSource.Create(template))
        {
            await new SeedLoader(dataSource, NullLogger<SeedLoader>.Instance).LoadAsync(SeedSet.ReadEmbedded(ResourceCatalog.Instance));
        }
        // A template must have no open connections while it is copied.
        NpgsqlConnection.ClearAllPools();
    }

    private static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database, Pooling = true }.ConnectionString;

    /// <summary>Runs one statement on an unpooled connection: a pooled one left open would block DROP DATABASE and outlive ALLOW_CONNECTIONS false.</summary>
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
