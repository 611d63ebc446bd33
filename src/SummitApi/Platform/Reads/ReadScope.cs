using Dapper;
using Npgsql;

using SummitApi.Platform.Data;

namespace SummitApi.Platform.Reads;

/// <summary>
/// Opens the connection a read runs on. A read asked "as of" a past instant, or the next page of a
/// list whose first page was read at an older data revision, runs its usual SQL in a read-only
/// transaction whose search_path puts the asof views (db/0003_as_of.sql) before the tables, pinned to
/// that revision; every other read runs on the tables themselves. With a read replica configured, reads
/// run there (see ReadReplica and ConsistencyToken), and on the primary when the replica is behind
/// what the read must see.
/// </summary>
public static class ReadScope
{
    /// <param name="pinnedRevision">The data revision a list cursor pins, if any.</param>
    /// <param name="snapshot">
    /// Read every statement from one snapshot. A list needs it: it reads the data revision and then
    /// its rows, and a write landing between the two would make the page newer than the revision its
    /// cursor pins.
    /// </param>
    public static Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, HttpContext context, long? pinnedRevision = null, bool snapshot = false) =>
        OpenAsync(dataSource, context.RequestServices.GetService<ReadReplica>(), context, pinnedRevision, snapshot);

    /// <param name="dataSource">The primary.</param>
    /// <param name="replica">The read replica, when one is configured and may serve this read.</param>
    private static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, ReadReplica? replica, HttpContext context, long? pinnedRevision, bool snapshot)
    {
        var read = ReadContext.Of(context);
        var asOf = read.AsOf;
        var connection = replica is null ? null : await replica.OpenAsync(read.ConsistencyToken, context.RequestAborted);
        if (connection is not null)
        {
            read.ReplicaRevision = await DataRevision.CurrentAsync(connection);
        }
        connection ??= await dataSource.OpenConnectionAsync(context.RequestAborted);
        if (pinnedRevision is null && asOf is null && !snapshot)
        {
            return connection;
        }
        try
        {
            await connection.ExecuteAsync("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
            if (pinnedRevision is null && asOf is null)
            {
                return connection;
            }
            // The head of the tables the read declares is what it must be pinned before to see anything else: a
            // revision past it shows the tables as they are now, without the asof views.
            var tables = context.GetEndpoint()?.Metadata.GetMetadata<TablesRead>()?.Names;
            var (head, atInstant, tablesHead) = await connection.QuerySingleAsync<(long, long, long)>(
                $"""
                SELECT coalesce(max(seq), 0),
                       coalesce(max(seq) FILTER (WHERE committed_at <= @asOf), 0),
                       CASE WHEN @tables::text[] IS NULL THEN coalesce(max(seq), 0) ELSE {DataRevision.OfTables} END
                  FROM change_set
                """, new { asOf, tables });
            if (pinnedRevision > head && replica is not null)
            {
                // A replica that has not replayed the revision a cursor pins would skip what came
                // before it; only the primary is sure to have it.
                await connection.DisposeAsync();
                return await OpenAsync(dataSource, replica: null, context, pinnedRevision, snapshot);
            }
            var revision = pinnedRevision ?? atInstant;
            if (revision < tablesHead)
            {
                await connection.ExecuteAsync(
                    "SELECT set_config('search_path', 'asof, public', true), set_config('summit.as_of_seq', @revision, true)",
                    new { revision = revision.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
