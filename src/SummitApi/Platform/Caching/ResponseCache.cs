using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;
using Prometheus;

namespace SummitApi.Platform.Caching;

/// <summary>Settings under ResponseCache.</summary>
public sealed class ResponseCacheOptions
{
    public const string Section = "ResponseCache";

    /// <summary>Off serves every read from the database (the benchmarks compare both).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The bodies one data revision may hold in all; past it, responses are served but not kept.</summary>
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>A larger body is served but not kept.</summary>
    public int MaxEntryBytes { get; set; } = 1024 * 1024;
}

/// <summary>A successful read's response as the endpoint wrote it: body, entity tag and the headers it set.</summary>
public sealed record CachedResponse(byte[] Body, string ETag, KeyValuePair<string, StringValues>[] Headers);

/// <summary>
/// The responses read at one data revision. A request takes the current generation before it reads and
/// stores its response there, so a response read before a write can only ever land in the generation that
/// write replaced, where no later request looks.
/// </summary>
public sealed class CacheGeneration(long revision, ResponseCacheOptions options)
{
    private readonly ConcurrentDictionary<string, CachedResponse> _responses = new(StringComparer.Ordinal);
    private long _bytes;

    public long Revision => revision;

    // prometheus-net's own counter rather than a .NET meter: its meter adapter forgets a series that has not moved
    // for minutes, and a quiet instance should still show its hit rate so far.
    private static readonly Counter Lookups = Metrics.CreateCounter(
        "summitapi_response_cache_lookups_total", "Reads the response cache was asked for, by result (hit, miss).", "result");

    private static readonly Counter.Child Hits = Lookups.WithLabels("hit");
    private static readonly Counter.Child Misses = Lookups.WithLabels("miss");

    public bool TryGet(string key, out CachedResponse response)
    {
        var found = _responses.TryGetValue(key, out response!);
        (found ? Hits : Misses).Inc();
        return found;
    }

    public void TryAdd(string key, CachedResponse response)
    {
        if (response.Body.Length > options.MaxEntryBytes || Interlocked.Add(ref _bytes, response.Body.Length) > options.MaxBytes)
        {
            return;
        }
        if (!_responses.TryAdd(key, response))
        {
            Interlocked.Add(ref _bytes, -response.Body.Length);
        }
    }
}

/// <summary>
/// The in-process cache of read responses, one generation per data revision. It only serves while it knows
/// the current revision: the <see cref="DataChangeListener"/> moves it on when any instance commits a change set,
/// a write served here moves it on before its response leaves, and while the listener has lost its connection
/// (and might miss a change) the cache is off.
/// </summary>
public sealed class ResponseCache(Microsoft.Extensions.Options.IOptions<ResponseCacheOptions> options, ILogger<ResponseCache> logger)
{
    private readonly Lock _lock = new();
    private volatile CacheGeneration? _current;

    public bool Enabled => options.Value.Enabled;

    /// <summary>The generation of the newest known revision, or null when the revision is not known.</summary>
    public CacheGeneration? Current => _current;

    /// <summary>A change set committed: responses read before it are stale.</summary>
    public void Advance(long revision)
    {
        lock (_lock)
        {
            if (_current is { } current && revision > current.Revision)
            {
                _current = new CacheGeneration(revision, options.Value);
                logger.LogDebug("Response cache moved to data revision {Revision}", revision);
            }
        }
    }

    /// <summary>Starts afresh at <paramref name="revision"/>, dropping everything (after a reconnect: changes may have been missed).</summary>
    public void Restart(long revision)
    {
        lock (_lock)
        {
            _current = new CacheGeneration(revision, options.Value);
        }
        logger.LogInformation("Response cache serving at data revision {Revision}", revision);
    }

    /// <summary>Stops serving until <see cref="Restart"/>: without change notifications the revision is unknown.</summary>
    public void Suspend()
    {
        lock (_lock)
        {
            _current = null;
        }
    }
}
