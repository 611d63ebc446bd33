using Npgsql;

namespace SummitApi.Platform.Data;

/// <summary>The connection string the service was configured or provisioned with.</summary>
public sealed record DatabaseConnection(string ConnectionString);

/// <summary>
/// The data source of plain reads: statements on the primary's tables, neither as of an instant nor pinned, that leave
/// no state on the session. Its connections are multiplexed (Npgsql's Multiplexing): the statements of concurrent
/// requests go out together on a few connections, and their rows come back together, instead of one round trip (a
/// socket write and read on each side, and a wake-up of a PostgreSQL backend) per request. A multiplexed connection
/// keeps no session of its own, so the reads that begin a transaction as SQL (ReadScope's snapshots and pins), writes,
/// LISTEN and exports use the service's other data source.
/// </summary>
public sealed class PlainReads(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    /// <summary>A connection for one read, opened by its first statement.</summary>
    public NpgsqlConnection CreateConnection() => dataSource.CreateConnection();

    /// <summary>A connection for a read of one or more statements, none of which may begin a transaction.</summary>
    public Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => dataSource.OpenConnectionAsync(cancellationToken).AsTask();

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
