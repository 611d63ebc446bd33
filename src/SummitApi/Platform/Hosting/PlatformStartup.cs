using SummitApi.Platform.Auth;
using SummitApi.Platform.History;
using SummitApi.LocalPostgres;
using SummitApi.Platform.Reads;

namespace SummitApi.Platform.Hosting;

/// <summary>
/// The platform's part of starting the service: its database (provisioned locally when none is configured), the read
/// replica, the HTTP pipeline's services; then, once built, the migrations and seeds; and the platform's own endpoints.
/// </summary>
public static class PlatformStartup
{
    /// <param name="logToStandardError">For a command: its stdout holds only what it prints.</param>
    /// <returns>The local cluster it started, if any: disposing it, however the process ends, stops that server.</returns>
    public static async Task<ProvisionedDatabase> AddPlatformAsync(WebApplicationBuilder builder, bool logToStandardError)
    {
        // Lives as long as the cluster, which logs when it stops.
        var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true)
            .AddConsole(o => o.LogToStandardErrorThreshold = logToStandardError ? LogLevel.Trace : LogLevel.None));
        var logger = loggerFactory.CreateLogger("SummitApi.Startup");
        LocalPostgresCluster? cluster;
        try
        {
            cluster = await builder.AddSummitDatabaseAsync(logger);
        }
        catch (PostgresNotInstalledException e)
        {
            Console.Error.WriteLine(e.Message);
            return new ProvisionedDatabase(null, loggerFactory, Failed: true);
        }
        builder.AddSummitReadReplica();
        builder.AddSummitHttp();
        return new ProvisionedDatabase(cluster, loggerFactory, Failed: false);
    }

    /// <summary>Migrates and seeds before anything is served.</summary>
    /// <returns>An exit code when Ctrl+C interrupted the start, else null.</returns>
    public static async Task<int?> InitializeAsync(WebApplication app, StartupInterrupt startup)
    {
        try
        {
            await app.InitializeDatabaseAsync(startup.Token);
            return null;
        }
        catch (OperationCanceledException) when (startup.Token.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted while starting.");
            return 130;
        }
        finally
        {
            startup.Dispose();
        }
    }

    /// <summary>The platform's own endpoints: API keys and the change feed.</summary>
    public static void MapPlatform(this RouteGroupBuilder api)
    {
        api.MapApiKeys();
        api.MapChangeFeed();
    }
}
