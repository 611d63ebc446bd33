using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;
using SummitApi.Platform.Catalog;
using SummitApi.Platform.Errors;
using SummitApi.Platform.Reads;

namespace SummitApi.Platform.Data;

/// <summary>The connection string the service was configured or provisioned with.</summary>
public sealed record DatabaseConnection(string ConnectionString);

/// <summary>
/// The data source of plain reads: one statement on the primary's tables, neither as of an instant nor pinned, with no
/// state on the session. Its connections are multiplexed (Npgsql's Multiplexing): the statements of concurrent requests
/// go out together on a few connections, and their rows come back together, instead of one round trip (a socket write
/// and read on each side, and a wake-up of a PostgreSQL backend) per request. A multiplexed connection keeps no session
/// of its own, so the reads that begin a transaction as SQL (ReadScope's snapshots), writes, LISTEN and exports use
/// the service's other data source.
/// </summary>
public sealed class PlainReads(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    /// <summary>
    /// A GET by id: read here when the request asks for neither an instant nor a replica (see
    /// <see cref="ReadScope.MayDeferPin"/>), else as <paramref name="read"/> opens it; answers as
    /// <see cref="ReadParameters.FindAsync"/> does.
    /// </summary>
    public async Task<Results<Ok<TRecord>, NotFound<ProblemDetails>>> FindAsync<TInput, TRecord>(ReadParameters read, RecordResource<TInput, TRecord> resource, string id)
        where TInput : class
        where TRecord : class
    {
        if (!ReadScope.MayDeferPin(read.Http))
        {
            return await read.FindAsync(resource, id);
        }
        await using var connection = dataSource.CreateConnection();
        return await resource.FindAsync(connection, id) is { } record ? TypedResults.Ok(record) : Problems.NotFound(RecordNames.InWords(resource.Table), id);
    }

    /// <summary>A connection for a plain read of one or more statements, none of which may begin a transaction.</summary>
    public Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken) => dataSource.OpenConnectionAsync(cancellationToken).AsTask();

    public ValueTask DisposeAsync() => dataSource.DisposeAsync();
}
