using System.Globalization;
using Npgsql;
using SummitApi.Platform.Data;

namespace SummitApi.Platform.Caching;

/// <summary>
/// Listens on the primary for the change sets that commit (db/0014_change_notifications_with_columns.sql), from this
/// instance or any other, and tells the <see cref="ResponseCache"/> which records and columns of which tables each wrote. When its connection fails it turns the
/// cache off, since a change could go unheard, and on reconnecting starts the cache afresh at the current revision.
/// </summary>
public sealed class DataChangeListener(DatabaseConnection database, ResponseCache cache, ILogger<DataChangeListener> logger) : BackgroundService
{
    public const string Channel = "summit_records_changed";

    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!cache.Enabled)
        {
            return;
        }
        // Its own unpooled connection: it stays open for the life of the process, and TCP keepalives notice
        // a server that went away while nothing was being said.
        var connectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Pooling = false,
            KeepAlive = 10,
            ApplicationName = "SummitApi change listener",
        }.ConnectionString;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) =>
                {
                    if (ParseNotification(e.Payload) is var (revision, writes))
                    {
                        cache.Changed(revision, writes);
                    }
                };
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                // Read the revision only once listening: a commit after this read is heard, one before it is counted.
                cache.Restart(await DataRevision.CurrentAsync(connection));
                failures = 0;
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException or IOException)
            {
                cache.Suspend();
                var delay = RetryDelays[Math.Min(failures++, RetryDelays.Length - 1)];
                logger.LogWarning(e, "Lost the change notifications; the response cache is off until they are back (retrying in {Delay})", delay);
                try
                {
                    await Task.Delay(delay, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        cache.Suspend();
    }

    /// <summary>"&lt;seq&gt; &lt;table&gt;:&lt;ids&gt;:&lt;columns&gt;,…" (db/0014), or null for what is not.</summary>
    internal static (long Revision, IReadOnlyList<TableWrite> Writes)? ParseNotification(string payload)
    {
        var parts = payload.Split(' ', 2);
        if (!long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
        {
            return null;
        }
        var writes = parts.Length < 2 ? [] : parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(write =>
        {
            // What is missing or unreadable counts as everything: a cache that drops too much is only slower.
            var fields = write.Split(':', 3);
            var ids = fields.Length > 1 ? fields[1] : "*";
            var columns = fields.Length > 2 ? fields[2] : "*";
            return new TableWrite(fields[0], ids == "*" ? null : ids.Split('|'),
                columns == "*" ? null : columns.Split('|', StringSplitOptions.RemoveEmptyEntries));
        }).ToList();
        return (revision, writes);
    }
}
