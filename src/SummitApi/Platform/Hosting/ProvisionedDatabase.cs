using SummitApi.LocalPostgres;

namespace SummitApi.Platform.Hosting;

/// <summary>The database the service was given or provisioned; a cluster it started is stopped when this is disposed.</summary>
public sealed record ProvisionedDatabase(LocalPostgresCluster? Cluster, ILoggerFactory StartupLogging, bool Failed) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
        StartupLogging.Dispose();
    }
}
