using System.Collections.Concurrent;
using System.Collections.Frozen;
using Microsoft.Extensions.Primitives;
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
/// What a read could see when it started: for each table it reads, the newest change set this instance had heard
/// of that wrote the table. A cached response serves a later read only while those are still the newest, so a write
/// to a table drops exactly the responses that read it, and a read that raced a write keeps a stamp that is already
/// out of date.
/// </summary>
public sealed class ReadStamp
{
    internal ReadStamp(long epoch, long revision, TablesRead? tables, long[] lastChanges)
    {
        Epoch = epoch;
        Revision = revision;
        Tables = tables;
        LastChanges = lastChanges;
    }

    /// <summary>Which run of notifications the stamp belongs to: a reconnect may have missed some, and starts a new one.</summary>
    internal long Epoch { get; }

    /// <summary>The newest change set heard of at all: a replica behind it may not hold what the stamp promises.</summary>
    public long Revision { get; }

    /// <summary>The tables the read declared, or null for a read that may depend on any table.</summary>
    internal TablesRead? Tables { get; }

    internal long[] LastChanges { get; }

    internal bool SameAs(ReadStamp other) => Epoch == other.Epoch && LastChanges.AsSpan().SequenceEqual(other.LastChanges);
}

/// <summary>
/// The in-process cache of read responses. Each entry carries the <see cref="ReadStamp"/> of the read that made it and
/// serves while that stamp is current. It only serves while it hears every change: the <see cref="DataChangeListener"/>
/// reports the tables each change set wrote, on any instance; a write served here reports its own before its response
/// leaves; and while the listener has lost its connection (and might miss a change) the cache is off.
/// </summary>
public sealed class ResponseCache(Microsoft.Extensions.Options.IOptions<ResponseCacheOptions> options, ILogger<ResponseCache> logger)
{
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

    private sealed record HeardChanges(long Epoch, long Revision, FrozenDictionary<string, long> LastChangeByTable);

    public bool Enabled => options.Value.Enabled;

    /// <summary>The newest data revision heard of, or null while the cache is off because it might miss one.</summary>
    public long? Revision => _heard?.Revision;

    /// <summary>The stamp a read starting now files its response under, or null while the cache is off.</summary>
    public ReadStamp? Stamp(TablesRead? tables)
    {
        if (_heard is not { } heard)
        {
            return null;
        }
        var lastChanges = tables is null
            ? [heard.Revision]
            : Array.ConvertAll(tables.Names, table => heard.LastChangeByTable.GetValueOrDefault(table));
        return new ReadStamp(heard.Epoch, heard.Revision, tables, lastChanges);
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

    /// <summary>Change set <paramref name="revision"/> committed, writing <paramref name="tables"/>: responses that read them are stale.</summary>
    public void Changed(long revision, IEnumerable<string> tables)
    {
        lock (_lock)
        {
            if (_heard is not { } heard)
            {
                return;
            }
            var lastChanges = heard.LastChangeByTable.ToDictionary();
            foreach (var table in tables)
            {
                lastChanges[table] = Math.Max(revision, lastChanges.GetValueOrDefault(table));
            }
            _heard = heard with { Revision = Math.Max(revision, heard.Revision), LastChangeByTable = lastChanges.ToFrozenDictionary() };
        }
        logger.LogDebug("Response cache heard of data revision {Revision} ({Tables})", revision, string.Join(", ", tables));
    }

    /// <summary>Starts afresh at <paramref name="revision"/>, dropping everything (after a reconnect: changes may have been missed).</summary>
    public void Restart(long revision)
    {
        lock (_lock)
        {
            _entries.Clear();
            _bytes = 0;
            _heard = new HeardChanges(++_epochs, revision, FrozenDictionary<string, long>.Empty);
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
            if (Stamp(entry.Stamp.Tables) is not { } current || !entry.Stamp.SameAs(current))
            {
                _entries.TryRemove(key, out _);
                _bytes -= entry.Response.Body.Length;
            }
        }
    }
}
