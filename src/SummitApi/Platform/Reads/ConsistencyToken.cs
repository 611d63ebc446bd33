using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace SummitApi.Platform.Reads;

/// <summary>
/// Read-your-writes across a streaming replica. A write's response carries the primary's WAL position
/// after its commit; a read that presents it is served by the replica only once the replica has
/// replayed that far (see ReadReplica), else by the primary. Without a replica no token is issued and
/// a presented one is checked for form, then ignored: the primary is always current.
/// </summary>
public static class ConsistencyToken
{
    public const string Header = "Summit-Consistency-Token";

    /// <summary>
    /// The token for a write, read on its connection after COMMIT: the WAL insert position, which is
    /// past the end of the commit record. A replica makes a commit visible when it replays that record,
    /// and pg_last_wal_replay_lsn() is the end of the last record replayed, so the token must be at or
    /// beyond that end. A position read inside the transaction (pg_current_wal_insert_lsn() before
    /// COMMIT) is before the commit record and would let a replica serve the data without the write;
    /// pg_current_wal_lsn() after COMMIT is the write position, which lags the commit record when
    /// synchronous_commit is off. The insert position may be a little ahead (other sessions' WAL),
    /// which can only make a read wait longer, never let it see too little.
    /// </summary>
    public static Task<string> IssueAsync(NpgsqlConnection connection) =>
        connection.ExecuteScalarAsync<string>("SELECT pg_current_wal_insert_lsn()::text")!;

    /// <summary>Endpoint filter of the v1 reads: a malformed token is a 400 naming the header.</summary>
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        if (ReadMethods.IsRead(http.Request.Method) && http.Request.Headers.TryGetValue(Header, out var values))
        {
            if (!NpgsqlLogSequenceNumber.TryParse(values.ToString(), out var lsn))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    [Header] = [$"'{Header}' must be a token a write answered with: a PostgreSQL WAL position such as 16/B374D848."],
                });
            }
            ReadContext.Of(http).ConsistencyToken = lsn.ToString();
        }
        return await next(invocation);
    }
}
