using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace SummitApi.Platform.Reads;

/// <summary>
/// What a list read binds with [AsParameters] besides its own filters: the page it asks for (limit and cursor), the
/// request's <see cref="ReadContext"/>, and the database and cursor codec the page is read with.
/// </summary>
public sealed class PageParameters
{
    // Described in the OpenAPI document from ListRequest's bounds (PagingParameterFilter), which XML docs cannot name.
    [FromQuery(Name = "limit")]
    public int? Limit { get; init; }

    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

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

    [FromServices]
    public required CursorCodec Cursors { get; init; }

    /// <summary>The typed asOf, consistency token and replica revision of this read (see <see cref="ReadContext"/>).</summary>
    public ReadContext Context => ReadContext.Of(Http);

    /// <summary>The list request for this page, with the filters its cursor is scoped to.</summary>
    public ListRequest Start(params (string Name, string? Value)[] filters) => new(Http, Cursors, Limit, Cursor, filters);

    /// <summary>The connection the page is read on: as of the revision its cursor pins, else as <see cref="Context"/> asks.</summary>
    /// <param name="snapshot">Read every statement from one snapshot, for a page read with more than one statement whose parts must agree.</param>
    public Task<NpgsqlConnection> OpenAsync(ListRequest request, bool snapshot = false) => request.OpenAsync(DataSource, Http, snapshot);
}
