using Dapper;
using Npgsql;
using SummitApi.Platform.Catalog;
using SummitApi.Platform.Data;
using SummitApi.LocalPostgres;
using SummitApi.Platform.Reads;
using SummitApi.Platform.Seeding;

namespace SummitApi.Platform.Hosting;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "Summit";

    /// <summary>
    /// Uses ConnectionStrings:Summit when it is configured; otherwise provisions a local cluster from
    /// the PostgreSQL binaries on this machine, kept under .data/ of the repository (git-ignored), and
    /// returns it: the caller disposes it however it ends, which stops the server if this call started it.
    /// </summary>
    public static async Task<LocalPostgresCluster?> AddSummitDatabaseAsync(this WebApplicationBuilder builder, ILogger logger)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        LocalPostgresCluster? cluster = null;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var root = builder.Configuration["LocalPostgres:Directory"] is { Length: > 0 } configured
                ? configured
                : Path.Combine(FindRepositoryRoot(builder.Environment.ContentRootPath), ".data", "postgres");
            var port = builder.Configuration.GetValue("LocalPostgres:Port", 0);
            logger.LogInformation("ConnectionStrings__Summit is not set: using a local PostgreSQL cluster (set it to use your own server)");
            cluster = await LocalPostgresCluster.StartAsync(root, "summit", port, ephemeral: false, logger,
                binDirectory: builder.Configuration["LocalPostgres:BinDirectory"] is { Length: > 0 } bin ? bin : null);
            connectionString = cluster.ConnectionString("summit");
        }

        var settings = new NpgsqlConnectionStringBuilder(connectionString)
        {
            ApplicationName = "SummitApi",
        };
        ConnectionSettings.ApplyServiceDefaults(settings);
        builder.Services.AddSingleton(new DatabaseConnection(settings.ConnectionString));
        builder.Services.AddSingleton(_ => new NpgsqlDataSourceBuilder(settings.ConnectionString).Build());
        var plainReads = ConnectionSettings.ForPlainReads(settings, builder.Configuration.GetValue("Database:MultiplexPlainReads", true));
        builder.Services.AddSingleton(_ => new PlainReads(new NpgsqlDataSourceBuilder(plainReads.ConnectionString).Build()));
        builder.Services.AddSingleton<DatabaseMigrator>();
        builder.Services.AddSingleton<SeedLoader>();

        DefaultTypeMap.MatchNamesWithUnderscores = true;
        return cluster;
    }

    /// <summary>
    /// Runs the migrations, then loads the seed set. Call before serving anything: the migrations
    /// must run before the first use of the NpgsqlDataSource, which caches the database's types.
    /// </summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        var connection = app.Services.GetRequiredService<DatabaseConnection>();
        // Reading and validating the seed set is CPU work of its own: done while the migrations wait on the database.
        var seeds = Task.Run(() => SeedSet.ReadEmbedded(app.Services.GetRequiredService<IResourceCatalog>()), cancellationToken);
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(connection.ConnectionString, cancellationToken);
        await app.Services.GetRequiredService<SeedLoader>().LoadAsync(await seeds, cancellationToken);
        await app.Services.GetRequiredService<CursorCodec>().LoadKeyAsync(app.Services.GetRequiredService<NpgsqlDataSource>(), cancellationToken);
        // A step that runs to its end whatever the token says (DbUp's) must not let a cancelled start-up go on.
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>The folder holding SummitApi.sln above <paramref name="start"/>, else <paramref name="start"/> itself (a container).</summary>
    internal static string FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SummitApi.sln")))
            {
                return directory.FullName;
            }
        }
        return start;
    }
}
