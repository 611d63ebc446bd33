namespace SummitApi.Platform.Reads;

/// <summary>
/// What one read carries from the filters that parse the request to the connection that serves it and the cache
/// that files the answer, typed, as a feature of the request rather than string-keyed items.
/// </summary>
/// <remarks>
/// A handler binds its read with [AsParameters] (<see cref="ReadParameters"/>, or <see cref="PageParameters"/> for a list):
/// its signature says it reads, as of which instant, and a list's which page; both hand it this context. The context
/// itself stays a request feature, not a bound value, because most of its writers and readers run outside the handler:
/// asOf and the consistency token are taken by every v1 GET, those of other folders too (the exports' files), and
/// refused with a 400 naming them by filters before any handler runs; ReadScope learns the replica's revision when the
/// connection opens, and the response cache reads it after the handler has returned.
/// </remarks>
public sealed class ReadContext
{
    /// <summary>The instant an `asOf` query parameter asks for, in UTC (see <see cref="AsOfFilter"/>).</summary>
    public DateTimeOffset? AsOf { get; set; }

    /// <summary>The token the read presented (checked by <see cref="ConsistencyToken.InvokeAsync"/>), or null.</summary>
    public string? ConsistencyToken { get; set; }

    /// <summary>
    /// For a read served by the replica, the data revision the replica had replayed when it opened: the response
    /// cache keeps such a response only when that is not older than the revision it would file it under.
    /// </summary>
    public long? ReplicaRevision { get; set; }

    /// <summary>
    /// For a page of a list that declares <see cref="ListedRecords"/>, the ids of the records it shows: the response
    /// cache keeps the page through writes to other records that do not change what its filters test.
    /// </summary>
    public IReadOnlyList<string>? ListedRecordIds { get; set; }

    /// <summary>
    /// The cursor a list page handed out, with the position it encodes: when the response cache keeps the page through
    /// writes to the tables it declares, it hands out the cursor a read now would (the same position at the tables' newer
    /// revision).
    /// </summary>
    public (string Text, CursorPosition Position)? NextCursor { get; set; }

    /// <summary>The request's read context, made on first use.</summary>
    public static ReadContext Of(HttpContext context)
    {
        if (context.Features.Get<ReadContext>() is { } existing)
        {
            return existing;
        }
        var created = new ReadContext();
        context.Features.Set(created);
        return created;
    }
}
