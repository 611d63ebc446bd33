using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;
using SummitApi.Platform.Catalog;
using SummitApi.Platform.Data;
using SummitApi.Platform.Errors;

namespace SummitApi.Platform.Reads;

/// <summary>
/// What a read of one record binds with [AsParameters] besides its id: the request's <see cref="ReadContext"/> and the
/// database it reads, opened as that context asks (as of an instant, on a replica that has the client's writes).
/// </summary>
public sealed class ReadParameters
{
    /// <summary>
    /// The instant the read answers as of, bound here so that the signature says a read takes it; <see cref="AsOfFilter"/>
    /// checks it and puts it in <see cref="Context"/>, which every read has, this one's included.
    /// </summary>
    [FromQuery(Name = AsOfFilter.Parameter)]
    public AsOfInstant? AsOf { get; init; }

    public required HttpContext Http { get; init; }

    // Named a service: inside an [AsParameters] object the request delegate generator cannot tell a service from a JSON
    // body, and would announce a request body on a GET.
    [FromServices]
    public required NpgsqlDataSource DataSource { get; init; }

    /// <summary>The typed asOf, consistency token and replica revision of this read (see <see cref="ReadContext"/>).</summary>
    public ReadContext Context => ReadContext.Of(Http);

    /// <summary>The connection the read runs on, as <see cref="Context"/> asks.</summary>
    /// <param name="snapshot">Read every statement from one snapshot, for a read of more than one statement whose parts must agree.</param>
    public Task<NpgsqlConnection> OpenAsync(bool snapshot = false) => ReadScope.OpenAsync(DataSource, Http, snapshot: snapshot);

    /// <summary>
    /// The connection for a read of one statement: a plain read (<see cref="PlainReads"/>, multiplexed) unless the read
    /// is as of an instant or may go to a replica, which <see cref="OpenAsync"/> opens as they need.
    /// </summary>
    public Task<NpgsqlConnection> OpenForOneStatementAsync() =>
        Context.AsOf is null && ReadScope.PlainReadsFor(Http) is { } plain ? plain.OpenAsync(Http.RequestAborted) : OpenAsync();

    /// <summary>A GET by id: the record as the resource's own lookup reads it (the one its writes' ETags are made from), or a 404.</summary>
    public async Task<Results<Ok<TRecord>, NotFound<ProblemDetails>>> FindAsync<TInput, TRecord>(RecordResource<TInput, TRecord> resource, string id)
        where TInput : class
        where TRecord : class
    {
        var record = resource.Lookup.Statement is { } statement
            ? await ReadScope.ReadOneAsync<TRecord>(DataSource, Http, statement, id)
            : await FindOnItsOwnConnectionAsync(resource.Lookup, id);
        return record is not null ? TypedResults.Ok(record) : Problems.NotFound(RecordNames.InWords(resource.Table), id);
    }

    private async Task<TRecord?> FindOnItsOwnConnectionAsync<TRecord>(RecordLookup<TRecord> lookup, string id) where TRecord : class
    {
        // More than one statement: from one snapshot, so that they agree.
        await using var connection = await OpenAsync(snapshot: true);
        return await lookup.FindAsync(connection, id);
    }
}
