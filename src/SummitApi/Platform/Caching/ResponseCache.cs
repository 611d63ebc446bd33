using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Primitives;
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

/// <summary>
/// What a read could see when it started: for each table it reads (or, for the table a GET by id reads one record of,
/// that record), the newest change set this instance had heard of that wrote it. A cached response serves a later
/// read only while those are still the newest, so a write drops exactly the responses that read what it wrote, and a
/// read that raced a write keeps a stamp that is already out of date.
/// </summary>
public sealed class ReadStamp(long epoch, long revision, ReadDependencies dependencies, long[] lastChanges)
{
    /// <summary>Which run of notifications the stamp belongs to: a reconnect may have missed some, and starts a new one.</summary>
    internal long Epoch { get; } = epoch;

    /// <summary>The newest change set heard of at all: a replica behind it may not hold what the stamp promises.</summary>
    public long Revision { get; } = revision;

    internal ReadDependencies Dependencies { get; } = dependencies;

    internal long[] LastChanges { get; } = lastChanges;

    internal bool SameAs(ReadStamp other) => Epoch == other.Epoch && LastChanges.AsSpan().SequenceEqual(other.LastChanges);
}

/// <summary>
/// What one read depends on: the tables it declares (null: any table), and the one record it reads of one of them;
/// nothing at all for a later page of a list, which its cursor pins to the data revision of the first.
/// </summary>
public sealed record ReadDependencies(TablesRead? Tables, RecordRead? Record, string? RecordId, bool PinnedByCursor)
{
    public static ReadDependencies Of(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        var tables = metadata?.GetMetadata<TablesRead>();
        var record = metadata?.GetMetadata<RecordRead>();
        // A page at a cursor reads the tables as they stood at the cursor's revision (the asof views, or the tables
        // themselves while nothing has changed them since), and revisions are numbered in commit order: no later write
        // can change its answer, so none drops it. (The change feed's position is `since`, not a cursor.)
        var pinned = tables is not null && context.Request.Query.ContainsKey("cursor");
        return new ReadDependencies(tables, record, record is null ? null : context.Request.RouteValues[record.RouteParameter] as string, pinned);
    }
}

/// <summary>
/// The in-process cache of read responses. Each entry carries the <see cref="ReadStamp"/> of the read that made it and
/// serves while that stamp is current. It only serves while it hears every change: the <see cref="DataChangeListener"/>
/// reports what each change set wrote, on any instance; a write served here reports its own before its response
/// leaves; and while the listener has lost its connection (and might miss a change) the cache is off.
/// </summary>
public sealed class ResponseCache(Microsoft.Extensions.Options.IOptions<ResponseCacheOptions> options, ILogger<ResponseCache> logger)
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
    private readonly ConcurrentDictionary<string, (ReadStamp Stamp, CachedResponse Response)> _entries = new(StringComparer.Ordinal);
    private long _bytes;
    private long _epochs;

    // Replaced whole on every change (writes are rare next to reads), so a read takes a consistent view without a lock.
    private volatile HeardChanges? _heard;

    /// <param name="LastChangeByTable">The newest change set that wrote each table at all.</param>
    /// <param name="LastWholeTableChange">The newest that wrote a table without naming its records (too many, or forgotten).</param>
    /// <param name="LastChangeByRecord">The newest that wrote each record it named, by (table, id).</param>
    private sealed record HeardChanges(long Epoch, long Revision, ImmutableDictionary<string, long> LastChangeByTable,
        ImmutableDictionary<string, long> LastWholeTableChange, ImmutableDictionary<(string Table, string Id), long> LastChangeByRecord)
    {
        public long LastChange(string table, string? recordId) => recordId is null
            ? LastChangeByTable.GetValueOrDefault(table)
            : Math.Max(LastWholeTableChange.GetValueOrDefault(table), LastChangeByRecord.GetValueOrDefault((table, recordId)));
    }

    public bool Enabled => options.Value.Enabled;

    /// <summary>The newest data revision heard of, or null while the cache is off because it might miss one.</summary>
    public long? Revision => _heard?.Revision;

    /// <summary>The stamp a read starting now files its response under, or null while the cache is off.</summary>
    public ReadStamp? Stamp(ReadDependencies read)
    {
        if (_heard is not { } heard)
        {
            return null;
        }
        var lastChanges = read.PinnedByCursor ? []
            : read.Tables is null ? [heard.Revision]
            : Array.ConvertAll(read.Tables.Names, table => heard.LastChange(table, table == read.Record?.Table ? read.RecordId : null));
        return new ReadStamp(heard.Epoch, heard.Revision, read, lastChanges);
    }

    public bool TryGet(string key, ReadStamp current, out CachedResponse response)
    {
        var found = _entries.TryGetValue(key, out var entry) && entry.Stamp.SameAs(current);
        (found ? Hits : Misses).Inc();
        response = entry.Response;
        return found;
    }

    /// <summary>Keeps a response read under <paramref name="stamp"/>, replacing an older copy, if it fits.</summary>
    public void TryAdd(string key, ReadStamp stamp, CachedResponse response)
    {
        if (response.Body.Length > options.Value.MaxEntryBytes)
        {
            return;
        }
        lock (_lock)
        {
            if (_heard is not { } heard || heard.Epoch != stamp.Epoch)
            {
                return;
            }
            var replaced = _entries.TryGetValue(key, out var old) ? old.Response.Body.Length : 0;
            if (_bytes - replaced + response.Body.Length > options.Value.MaxBytes)
            {
                DropOutdated();
                replaced = _entries.TryGetValue(key, out old) ? old.Response.Body.Length : 0;
                if (_bytes - replaced + response.Body.Length > options.Value.MaxBytes)
                {
                    return;
                }
            }
            _entries[key] = (stamp, response);
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
            foreach (var write in writes)
            {
                byTable[write.Table] = Math.Max(revision, byTable.GetValueOrDefault(write.Table));
                if (write.RecordIds is null)
                {
                    wholeTable[write.Table] = Math.Max(revision, wholeTable.GetValueOrDefault(write.Table));
                    continue;
                }
                foreach (var id in write.RecordIds)
                {
                    byRecord[(write.Table, id)] = Math.Max(revision, byRecord.GetValueOrDefault((write.Table, id)));
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
            _heard = new HeardChanges(++_epochs, revision, ImmutableDictionary<string, long>.Empty, ImmutableDictionary<string, long>.Empty,
                ImmutableDictionary<(string, string), long>.Empty);
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

    private void DropOutdated()
    {
        foreach (var (key, entry) in _entries)
        {
            if (Stamp(entry.Stamp.Dependencies) is not { } current || !entry.Stamp.SameAs(current))
            {
                _entries.TryRemove(key, out _);
                _bytes -= entry.Response.Body.Length;
            }
        }
    }
}
