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
    /// Opens the snapshot and pins it (asof.pin, db/0012) in one round trip: the newest revision (head), the revision the
    /// read is pinned to (the cursor's, else the last one committed by asOf), and, when that is older than the newest
    /// change to the tables the read declares (@tables; all of them when null), the asof views put before the tables at
    /// that revision, until the transaction ends.
    /// </summary>
    private const string BeginPinned = $"""
        {BeginSnapshot};
        SELECT head, pinned FROM asof.pin(@asOf::timestamptz, @pinnedRevision::bigint, @tables::text[])
        """;

    /// <param name="pinnedRevision">The data revision a list cursor pins, if any.</param>
    /// <param name="snapshot">
    /// Read every statement from one snapshot: for a read of more than one statement whose parts must agree (a page of
    /// readouts and their statements). A single statement is one snapshot already.
    /// </param>
    public static Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, HttpContext context, long? pinnedRevision = null, bool snapshot = false) =>
        OpenAsync(dataSource, context.RequestServices.GetService<ReadReplica>(), context, pinnedRevision, snapshot);

    /// <summary>
    /// Reads one record with <paramref name="statement"/> (one statement, parameter @id) as the request asks. Pinned to an
    /// instant (asOf), the pin (asof.pin_instant, db/0012) and the read go in one batch, one round trip, which
    /// PostgreSQL runs as one implicit transaction, where <see cref="OpenAsync(NpgsqlDataSource, HttpContext, long?, bool)"/>
    /// and the read would take three (the snapshot and the pin, the read, and the ROLLBACK when the connection goes
    /// back to the pool). Either way it begins no transaction and leaves nothing on the session, so off a replica it is
    /// a plain read (<see cref="PlainReads"/>, multiplexed).
    /// </summary>
    public static async Task<T?> ReadOneAsync<T>(NpgsqlDataSource dataSource, HttpContext context, string statement, string id) where T : class
    {
        var asOf = ReadContext.Of(context).AsOf;
        await using var connection = PlainReadsFor(context) is { } plain
            ? plain.CreateConnection()
            : await OpenUnpinnedAsync(dataSource, context.RequestServices.GetService<ReadReplica>(), context);
        if (asOf is null)
        {
            return await connection.QuerySingleOrDefaultAsync<T>(statement, new { id });
        }
        // An instant cannot be past what a replica has replayed, as a cursor's revision can: no fallback to the primary.
        await using var batch = await connection.QueryMultipleAsync($"SELECT asof.pin_instant(@asOf::timestamptz);\n{statement}", new { asOf, id });
        await batch.ReadSingleAsync<long>();
        return await batch.ReadSingleOrDefaultAsync<T>();
    }

    /// <summary>
    /// The plain reads' data source (<see cref="PlainReads"/>, on the primary), for a read that begins no transaction;
    /// null with a read replica configured, which such a read may have to use (<see cref="ReadReplica"/>).
    /// </summary>
    public static PlainReads? PlainReadsFor(HttpContext context) =>
        context.RequestServices.GetService<ReadReplica>() is null ? context.RequestServices.GetService<PlainReads>() : null;

    /// <summary>The primary's connection, or the replica's when it may serve the read (the token's write replayed).</summary>
    private static async Task<NpgsqlConnection> OpenUnpinnedAsync(NpgsqlDataSource dataSource, ReadReplica? replica, HttpContext context)
    {
        var read = ReadContext.Of(context);
        var connection = replica is null ? null : await replica.OpenAsync(read.ConsistencyToken, context.RequestAborted);
        if (connection is not null)
        {
            read.ReplicaRevision = await DataRevision.CurrentAsync(connection);
            return connection;
        }
        return await dataSource.OpenConnectionAsync(context.RequestAborted);
    }

    /// <param name="dataSource">The primary.</param>
    /// <param name="replica">The read replica, when one is configured and may serve this read.</param>
    private static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, ReadReplica? replica, HttpContext context, long? pinnedRevision, bool snapshot)
    {
        var asOf = ReadContext.Of(context).AsOf;
        var connection = await OpenUnpinnedAsync(dataSource, replica, context);
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
