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
    private const string BeginSnapshot = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

    /// <summary>
    /// Opens the snapshot and pins it in one round trip: the newest revision (head), the revision the read is pinned to
    /// (the cursor's, else the last one committed by asOf), and, when that is older than the newest change to the tables
    /// the read declares (@tables; all of them when null), the asof views put before the tables at that revision: a
    /// revision past that change shows those tables as they are now, which the tables themselves serve faster.
    /// set_config's is_local makes both settings end with the transaction.
    /// </summary>
    private const string BeginPinned = $"""
        {BeginSnapshot};
        SELECT head, pinned,
               CASE WHEN pinned < tables_head
                    THEN set_config('search_path', 'asof, public', true) || set_config('summit.as_of_seq', pinned::text, true)
               END AS views_pinned
          FROM (SELECT coalesce(max(seq), 0) AS head,
                       coalesce(@pinnedRevision::bigint, max(seq) FILTER (WHERE committed_at <= @asOf), 0) AS pinned,
                       CASE WHEN @tables::text[] IS NULL THEN coalesce(max(seq), 0) ELSE {DataRevision.OfTables} END AS tables_head
                  FROM change_set) AS revisions
        """;

    /// <param name="pinnedRevision">The data revision a list cursor pins, if any.</param>
    /// <param name="snapshot">
    /// Read every statement from one snapshot: for a read of more than one statement whose parts must agree (a page of
    /// readouts and their statements). A single statement is one snapshot already.
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
            if (pinnedRevision is null && asOf is null)
            {
                await connection.ExecuteAsync(BeginSnapshot);
                return connection;
            }
            var revisions = await PinAsync(connection, context, asOf, pinnedRevision);
            if (revisions.Pinned > revisions.Head && replica is not null)
            {
                // A replica that has not replayed the revision a cursor pins would skip what came
                // before it; only the primary is sure to have it.
                await connection.DisposeAsync();
                return await OpenAsync(dataSource, replica: null, context, pinnedRevision, snapshot);
            }
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Whether a read pinned to a cursor's revision may first be read from the tables, in one statement that reads the
    /// tables' revision too (a list page, <see cref="ListStatement"/>), and pinned only when that revision is past the
    /// cursor's (<see cref="PinAsync(NpgsqlConnection, HttpContext, long)"/>): when it is not, the tables hold what the
    /// pinned read would have read from them, and the snapshot's transaction (its BEGIN, and the ROLLBACK when the
    /// connection goes back to the pool: two more round trips) is spared. Not with asOf, which names an instant, not a
    /// revision; nor with a read replica, whose tables may not have reached the cursor's revision yet.
    /// </summary>
    public static bool MayDeferPin(HttpContext context) =>
        ReadContext.Of(context).AsOf is null && context.RequestServices.GetService<ReadReplica>() is null;

    /// <summary>Pins <paramref name="connection"/>, opened unpinned since <see cref="MayDeferPin"/>, to <paramref name="pinnedRevision"/>.</summary>
    public static Task PinAsync(NpgsqlConnection connection, HttpContext context, long pinnedRevision) =>
        PinAsync(connection, context, asOf: null, pinnedRevision);

    private static Task<PinnedRevisions> PinAsync(NpgsqlConnection connection, HttpContext context, DateTimeOffset? asOf, long? pinnedRevision) =>
        connection.QuerySingleAsync<PinnedRevisions>(BeginPinned,
            new { asOf, pinnedRevision, tables = context.GetEndpoint()?.Metadata.GetMetadata<TablesRead>()?.Names });

    private sealed class PinnedRevisions
    {
        public long Head { get; init; }
        public long Pinned { get; init; }
    }
}
