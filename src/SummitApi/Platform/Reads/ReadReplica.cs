using System.Diagnostics;
using Dapper;
using Npgsql;

using SummitApi.Platform.Data;

namespace SummitApi.Platform.Reads;

/// <summary>
/// The optional streaming replica that reads go to (ConnectionStrings:SummitRead). Registered only when
/// configured: without it there is one data source, the primary, and nothing here runs. Writes, the
/// change feed, API keys, exports, migrations and the seed load always use the primary's data source.
/// </summary>
/// <param name="readYourWritesWait">How long a read presenting a consistency token waits for the replica before it goes to the primary.</param>
public sealed class ReadReplica(NpgsqlDataSource dataSource, TimeSpan readYourWritesWait) : IAsyncDisposable
{
    public const string ConnectionStringName = "SummitRead";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// A connection to the replica, once the replica has replayed <paramref name="token"/> (no wait
    /// without one); null when it has not within the wait it was made with, and the read belongs on
    /// the primary.
    /// </summary>
    public async Task<NpgsqlConnection?> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (token is null)
        {
            return connection;
        }
        try
        {
            var started = Stopwatch.GetTimestamp();
            while (true)
            {
                // A server that is not in recovery is no standby (SummitRead names a primary, or the
                // replica was promoted): it is as current as any.
                if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                        "SELECT NOT pg_is_in_recovery() OR pg_last_wal_replay_lsn() >= @token::pg_lsn",
                        new { token }, cancellationToken: cancellationToken)))
                {
                    return connection;
                }
                var left = readYourWritesWait - Stopwatch.GetElapsedTime(started);
                if (left <= TimeSpan.Zero)
                {
                    break;
                }
                await Task.Delay(left < PollInterval ? left : PollInterval, cancellationToken);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return null;
    }

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}

public static class ReadReplicaSetup
{
    /// <summary>Registers the read replica when ConnectionStrings:SummitRead is configured; otherwise does nothing.</summary>
    public static void AddSummitReadReplica(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ReadReplica.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return;
        }
        var settings = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "SummitApi (reads)" };
        ConnectionSettings.ApplyServiceDefaults(settings);
        var wait = builder.Configuration.GetValue("Database:ReadYourWritesWait", TimeSpan.FromMilliseconds(500));
        if (wait < TimeSpan.Zero)
        {
            throw new InvalidOperationException($"Database:ReadYourWritesWait must not be negative; it is {wait}.");
        }
        builder.Services.AddSingleton(_ => new ReadReplica(new NpgsqlDataSourceBuilder(settings.ConnectionString).Build(), wait));
    }
}
