using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using SummitApi.Platform.Data;
using SummitApi.Platform.Reads;
using Prometheus;

namespace SummitApi.Platform.Caching;

/// <summary>Settings under ResponseCache.</summary>
public sealed class ResponseCacheOptions
{
    public const string Section = "ResponseCache";

    /// <summary>Off serves every read from the database (the benchmarks compare both).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The bodies the cache may hold in all; past it, responses are served but not kept.</summary>
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>A larger body is served but not kept.</summary>
    public int MaxEntryBytes { get; set; } = 1024 * 1024;
}

/// <summary>A successful read's response as the endpoint wrote it: body, entity tag and the headers it set.</summary>
public sealed record CachedResponse(byte[] Body, string ETag, KeyValuePair<string, StringValues>[] Headers);

/// <summary>What a read could see when it started: the changes this instance had heard of then.</summary>
public sealed class ReadStamp
{
    internal ReadStamp(HeardChanges heard) => Heard = heard;

    internal HeardChanges Heard { get; }

    /// <summary>The newest change set heard of at all: a replica behind it may not hold what the stamp promises.</summary>
    public long Revision => Heard.Revision;
}

/// <summary>
/// What one read's answer depends on, learnt once it is read: whole tables; records of a table by id (the one a GET
/// by id reads, the ones a list page shows); which records of a table exist with which values of some columns (what a
/// list's filters test); or, for a later page of a list, nothing, since its cursor pins the data revision it reads.
/// A read that declares no tables depends on every change.
/// </summary>
/// <param name="NextCursor">
/// A list page's next cursor, which pins the revision of <see cref="IssuedCursor.RevisionTables"/>: kept through a write
/// to one of those, the page hands out the cursor a read now would.
/// </param>
public sealed record ReadDependencies(string[]? Tables, (string Table, IReadOnlyList<string> Ids)[] Records,
    (string Table, string[] Columns)[] Memberships, bool PinnedByCursor, IssuedCursor? NextCursor = null)
{
    public static ReadDependencies Of(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        if (metadata?.GetMetadata<TablesRead>() is not { } tables)
        {
            return new ReadDependencies(null, [], [], PinnedByCursor: false);
        }
        // A page at a cursor reads the tables as they stood at the cursor's revision (the asof views, or the tables
        // themselves while nothing has changed them since), and revisions are numbered in commit order: no later write
        // can change its answer, so none drops it. (The change feed's position is `since`, not a cursor.)
        if (context.Request.Query.ContainsKey("cursor"))
        {
            return new ReadDependencies(tables.Names, [], [], PinnedByCursor: true);
        }
        var readContext = context.Features.Get<ReadContext>();
        var records = new List<(string Table, IReadOnlyList<string> Ids)>();
        var memberships = metadata.GetOrderedMetadata<MembershipRead>().Select(read => (read.Table, read.Columns)).ToList();
        if (metadata.GetMetadata<RecordRead>() is { } record && context.Request.RouteValues[record.RouteParameter] is string id)
        {
            records.Add((record.Table, [id]));
        }
        if (metadata.GetMetadata<ListedRecords>() is { } listed && readContext?.ListedRecordIds is { } shown)
        {
            records.Add((listed.Table, shown));
            memberships.Add((listed.Table, listed.ColumnsFilteredBy(context.Request.Query)));
        }
        var partly = records.Select(read => read.Table).Concat(memberships.Select(read => read.Table)).ToHashSet(StringComparer.Ordinal);
        var nextCursor = readContext?.NextCursor is var (text, position) ? new IssuedCursor(text, position, tables.Names) : null;
        return new ReadDependencies([.. tables.Names.Where(table => !partly.Contains(table))], [.. records], [.. memberships], PinnedByCursor: false, nextCursor);
    }

    /// <summary>For each dependency, the newest change to it in <paramref name="heard"/>: equal in two, nothing it depends on changed between them.</summary>
    internal long[] LastChanges(HeardChanges heard) =>
        PinnedByCursor ? []
        : Tables is null ? [heard.Revision]
        : [.. Tables.Select(heard.LastChangeTo), .. Records.Select(read => heard.LastChangeTo(read.Table, read.Ids)),
            .. Memberships.Select(read => heard.LastMembershipChangeTo(read.Table, read.Columns))];
}

/// <summary>A list page's next cursor: its text in the body, the position it encodes, and the tables whose revision it pins (ListStatement).</summary>
public sealed record IssuedCursor(string Text, CursorPosition Position, string[] RevisionTables);

/// <summary>The changes an instance has heard of, as the newest change set that wrote each thing a read can depend on.</summary>
/// <param name="Epoch">Which run of notifications: a reconnect may have missed some, and starts a new one.</param>
/// <param name="Revision">The newest change set heard of at all.</param>
/// <param name="LastChangeByTable">The newest change set that wrote each table at all.</param>
/// <param name="LastWholeTableChange">The newest that wrote a table without naming its records (too many, or forgotten).</param>
/// <param name="LastChangeByRecord">The newest that wrote each record it named, by (table, id).</param>
/// <param name="LastMembershipChange">The newest that created or deleted a record of a table (or did not say which columns it changed).</param>
/// <param name="LastChangeByColumn">The newest that changed each column of a table's records, by (table, column).</param>
internal sealed record HeardChanges(long Epoch, long Revision, ImmutableDictionary<string, long> LastChangeByTable,
    ImmutableDictionary<string, long> LastWholeTableChange, ImmutableDictionary<(string Table, string Id), long> LastChangeByRecord,
    ImmutableDictionary<string, long> LastMembershipChange, ImmutableDictionary<(string Table, string Column), long> LastChangeByColumn)
{
    public static HeardChanges Start(long epoch, long revision) => new(epoch, revision, ImmutableDictionary<string, long>.Empty,
        ImmutableDictionary<string, long>.Empty, ImmutableDictionary<(string, string), long>.Empty,
        ImmutableDictionary<string, long>.Empty, ImmutableDictionary<(string, string), long>.Empty);

    public long LastChangeTo(string table) => LastChangeByTable.GetValueOrDefault(table);

    public long LastChangeTo(string table, IReadOnlyList<string> recordIds)
    {
        var last = LastWholeTableChange.GetValueOrDefault(table);
        foreach (var id in recordIds)
        {
            last = Math.Max(last, LastChangeByRecord.GetValueOrDefault((table, id)));
        }
        return last;
    }

    public long LastMembershipChangeTo(string table, string[] columns)
    {
        var last = LastMembershipChange.GetValueOrDefault(table);
        foreach (var column in columns)
        {
            last = Math.Max(last, LastChangeByColumn.GetValueOrDefault((table, column)));
        }
        return last;
    }
}

/// <summary>
/// The in-process cache of read responses. Each entry carries what its read depended on (<see cref="ReadDependencies"/>)
/// and the newest change to each when the read began (its <see cref="ReadStamp"/>), and serves while none of those
/// has changed again. It only serves while it hears every change: the <see cref="DataChangeListener"/>
/// reports what each change set wrote, on any instance; a write served here reports its own before its response
/// leaves; and while the listener has lost its connection (and might miss a change) the cache is off.
/// </summary>
public sealed class ResponseCache(Microsoft.Extensions.Options.IOptions<ResponseCacheOptions> options, CursorCodec cursors, ILogger<ResponseCache> logger)
{
    // Past this many records remembered one by one, the cache forgets them and counts each of their tables as changed
    // whole: a bulk load must not grow the memory of what changed without bound.
    private const int MaxRecordsRemembered = 100_000;

    // prometheus-net's own counter rather than a .NET meter: its meter adapter forgets a series that has not moved
    // for minutes, and a quiet instance should still show its hit rate so far.
    private static readonly Counter Lookups = Metrics.CreateCounter(
        "summitapi_response_cache_lookups_total", "Reads the response cache was asked for, by result (hit, miss).", "result");

    private static readonly Counter.Child Hits = Lookups.WithLabels("hit");
    private static readonly Counter.Child Misses = Lookups.WithLabels("miss");

    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ReadInFlight> _reading = new(StringComparer.Ordinal);
    private long _bytes;
    private long _epochs;

    // Replaced whole on every change (writes are rare next to reads), so a read takes a consistent view without a lock.
    private volatile HeardChanges? _heard;

    /// <summary>A kept response, what it depends on, and the newest change to each of those when it was read.</summary>
    private sealed class Entry(HeardChanges heard, ReadDependencies dependencies, long[] lastChanges, CachedResponse response)
    {
        /// <summary>The changes heard of when it was last found current: while they are the newest, nothing has changed since.</summary>
        public HeardChanges Heard { get; } = heard;
        public ReadDependencies Dependencies { get; } = dependencies;
        public long[] LastChanges { get; } = lastChanges;
        public CachedResponse Response { get; } = response;

        public bool IsCurrent(HeardChanges heard) => ReferenceEquals(Heard, heard)
            || (Heard.Epoch == heard.Epoch && Dependencies.LastChanges(heard).AsSpan().SequenceEqual(LastChanges));
    }

    /// <summary>A read of an answer the cache did not hold, as of the changes heard when it began.</summary>
    private sealed class ReadInFlight(HeardChanges heard)
    {
        public HeardChanges Heard { get; } = heard;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public bool Enabled => options.Value.Enabled;

    /// <summary>The newest data revision heard of, or null while the cache is off because it might miss one.</summary>
    public long? Revision => _heard?.Revision;

    /// <summary>The stamp a read starting now files its response under, or null while the cache is off.</summary>
    public ReadStamp? Stamp() => _heard is { } heard ? new ReadStamp(heard) : null;

    /// <summary>
    /// Starts reading the answer for <paramref name="key"/>, unless another request is reading it as of the same
    /// changes: then <c>InFlight</c> completes when that read has filed its answer, and the caller asks again rather
    /// than read it too (after a write, the requests for one popular page would each read it while the first still
    /// does). <c>EndLead</c>, when there is one, must be called once this read has filed its answer, or failed.
    /// </summary>
    public (Task? InFlight, Action? EndLead) BeginRead(string key, ReadStamp stamp)
    {
        var mine = new ReadInFlight(stamp.Heard);
        var current = _reading.GetOrAdd(key, mine);
        if (current == mine)
        {
            return (null, () =>
            {
                _reading.TryRemove(KeyValuePair.Create(key, mine));
                mine.Done.TrySetResult();
            });
        }
        return (ReferenceEquals(current.Heard, stamp.Heard) ? current.Done.Task : null, null);
    }

    /// <param name="countLookup">False for a request asking again after waiting for another's read: its lookup counted already.</param>
    public bool TryGet(string key, ReadStamp current, out CachedResponse response, bool countLookup = true)
    {
        var found = _entries.TryGetValue(key, out var entry) && entry.IsCurrent(current.Heard) ? entry : null;
        if (found is not null && !ReferenceEquals(found.Heard, current.Heard))
        {
            // Found current after changes it does not depend on, it is kept as of now: the next lookup takes the quick way.
            found = Refresh(key, found, current.Heard);
        }
        if (countLookup)
        {
            (found is null ? Misses : Hits).Inc();
        }
        response = found?.Response!;
        return found is not null;
    }

    /// <summary>
    /// The entry as found current at <paramref name="heard"/>, its next cursor at the revision a read now would pin: the
    /// newest change to the tables the cursor's revision covers, which a write to one of them the page does not depend
    /// on has moved. (A cursor pins the revision of the tables a list declares, so that later pages read what the first
    /// saw; this page's answer is the same at both revisions, and its cursor and ETag are those a read now would hand
    /// out, on any instance.)
    /// </summary>
    private Entry? Refresh(string key, Entry entry, HeardChanges heard)
    {
        var (response, dependencies) = (entry.Response, entry.Dependencies);
        if (dependencies.NextCursor is { } issued
            && issued.RevisionTables.Aggregate(issued.Position.Revision, (newest, table) => Math.Max(newest, heard.LastChangeTo(table))) is var revision
            && revision != issued.Position.Revision)
        {
            var oldText = Encoding.UTF8.GetBytes(issued.Text);
            var at = response.Body.AsSpan().IndexOf(oldText);
            if (at < 0)
            {
                // Cannot happen (the cursor is base64url text the page's JSON holds as it is); read afresh if it does.
                _entries.TryRemove(KeyValuePair.Create(key, entry));
                return null;
            }
            var position = issued.Position with { Revision = revision };
            var text = cursors.Encode(position);
            var newText = Encoding.UTF8.GetBytes(text);
            var body = new byte[response.Body.Length - oldText.Length + newText.Length];
            response.Body.AsSpan(0, at).CopyTo(body);
            newText.CopyTo(body.AsSpan(at));
            response.Body.AsSpan(at + oldText.Length).CopyTo(body.AsSpan(at + newText.Length));
            var etag = ETags.Compute(body);
            response = new CachedResponse(body, etag, Array.ConvertAll(response.Headers, header =>
                string.Equals(header.Key, HeaderNames.ETag, StringComparison.OrdinalIgnoreCase) ? KeyValuePair.Create(header.Key, new StringValues(etag)) : header));
            dependencies = dependencies with { NextCursor = issued with { Text = text, Position = position } };
        }
        var refreshed = new Entry(heard, dependencies, entry.LastChanges, response);
        lock (_lock)
        {
            if (_entries.TryUpdate(key, refreshed, entry))
            {
                _bytes += refreshed.Response.Body.Length - entry.Response.Body.Length;
            }
        }
        return refreshed;
    }

    /// <summary>
    /// Keeps a response read under <paramref name="stamp"/>, which depends on <paramref name="dependencies"/>,
    /// replacing an older copy, if it fits.
    /// </summary>
    public void TryAdd(string key, ReadStamp stamp, ReadDependencies dependencies, CachedResponse response)
    {
        if (response.Body.Length > options.Value.MaxEntryBytes)
        {
            return;
        }
        var entry = new Entry(stamp.Heard, dependencies, dependencies.LastChanges(stamp.Heard), response);
        lock (_lock)
        {
            if (_heard is not { } heard || heard.Epoch != stamp.Heard.Epoch)
            {
                return;
            }
            var replaced = _entries.TryGetValue(key, out var old) ? old.Response.Body.Length : 0;
            if (_bytes - replaced + response.Body.Length > options.Value.MaxBytes)
            {
                DropOutdated(heard);
                replaced = _entries.TryGetValue(key, out old) ? old.Response.Body.Length : 0;
                if (_bytes - replaced + response.Body.Length > options.Value.MaxBytes)
                {
                    return;
                }
            }
            _entries[key] = entry;
            _bytes += response.Body.Length - replaced;
        }
    }

    /// <summary>Change set <paramref name="revision"/> committed with <paramref name="writes"/>: responses that read what it wrote are stale.</summary>
    public void Changed(long revision, IReadOnlyCollection<TableWrite> writes)
    {
        lock (_lock)
        {
            if (_heard is not { } heard)
            {
                return;
            }
            var byTable = heard.LastChangeByTable.ToBuilder();
            var wholeTable = heard.LastWholeTableChange.ToBuilder();
            var byRecord = heard.LastChangeByRecord.ToBuilder();
            var membership = heard.LastMembershipChange.ToBuilder();
            var byColumn = heard.LastChangeByColumn.ToBuilder();
            foreach (var write in writes)
            {
                Raise(byTable, write.Table, revision);
                if (write.RecordIds is null)
                {
                    Raise(wholeTable, write.Table, revision);
                }
                foreach (var id in write.RecordIds ?? [])
                {
                    Raise(byRecord, (write.Table, id), revision);
                }
                if (write.ChangedColumns is null)
                {
                    Raise(membership, write.Table, revision);
                }
                foreach (var column in write.ChangedColumns ?? [])
                {
                    Raise(byColumn, (write.Table, column), revision);
                }
            }
            if (byRecord.Count > MaxRecordsRemembered)
            {
                foreach (var table in byRecord.Keys.Select(key => key.Table).Distinct().ToList())
                {
                    wholeTable[table] = byTable[table];
                }
                byRecord.Clear();
            }
            _heard = heard with
            {
                Revision = Math.Max(revision, heard.Revision),
                LastChangeByTable = byTable.ToImmutable(),
                LastWholeTableChange = wholeTable.ToImmutable(),
                LastChangeByRecord = byRecord.ToImmutable(),
                LastMembershipChange = membership.ToImmutable(),
                LastChangeByColumn = byColumn.ToImmutable(),
            };
        }
        logger.LogDebug("Response cache heard of data revision {Revision} ({Tables})", revision, string.Join(", ", writes.Select(write => write.Table)));
    }

    /// <summary>Starts afresh at <paramref name="revision"/>, dropping everything (after a reconnect: changes may have been missed).</summary>
    public void Restart(long revision)
    {
        lock (_lock)
        {
            _entries.Clear();
            _bytes = 0;
            _heard = HeardChanges.Start(++_epochs, revision);
        }
        logger.LogInformation("Response cache serving at data revision {Revision}", revision);
    }

    /// <summary>Stops serving until <see cref="Restart"/>: without change notifications what is current is unknown.</summary>
    public void Suspend()
    {
        lock (_lock)
        {
            _heard = null;
            _entries.Clear();
            _bytes = 0;
        }
    }

    // Notifications may arrive out of commit order (this instance reports its own writes as they commit): keep the newest.
    private static void Raise<TKey>(ImmutableDictionary<TKey, long>.Builder lastChanges, TKey key, long revision) where TKey : notnull =>
        lastChanges[key] = Math.Max(revision, lastChanges.GetValueOrDefault(key));

    private void DropOutdated(HeardChanges heard)
    {
        foreach (var (key, entry) in _entries)
        {
            if (!entry.IsCurrent(heard))
            {
                _entries.TryRemove(key, out _);
                _bytes -= entry.Response.Body.Length;
            }
        }
    }
}
