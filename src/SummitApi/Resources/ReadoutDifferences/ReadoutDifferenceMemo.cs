using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace SummitApi.Resources.ReadoutDifferences;

/// <summary>
/// The last comparison made of each summit, with the data revision it was made at. A revision is one state of every
/// table, so while it stands the comparison stands: a read then costs the statement that reads the revision, not the
/// comparison's inputs (a few hundred statements on a large summit) and the comparison itself. Any write moves the
/// revision, and the next read compares again. It holds the summits read most recently, up to <see cref="Capacity"/>.
/// </summary>
public sealed class ReadoutDifferenceMemo : IDisposable
{
    public const int Capacity = 256;

    private readonly MemoryCache _bySummit = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <returns>Whether <paramref name="topic"/> is null or a known topic code, and the summit's comparison (null for an unknown summit).</returns>
    public async Task<(bool TopicKnown, Comparison? Comparison)> ReadAsync(NpgsqlConnection connection, string summitId, string? topic)
    {
        var known = _bySummit.Get<Comparison>(summitId);
        var (revision, topicKnown, differences) = await ReadoutDifferenceQuery.ReadAsync(connection, summitId, topic, known?.Revision);
        if (known is not null && revision == known.Revision)
        {
            return (topicKnown, known);
        }
        if (differences is null)
        {
            return (topicKnown, null);
        }
        var made = new Comparison(revision, differences);
        _bySummit.Set(summitId, made, new MemoryCacheEntryOptions { Size = 1 });
        return (topicKnown, made);
    }

    public void Dispose() => _bySummit.Dispose();

    /// <summary>A summit's readout differences at a data revision, and, once asked for, their JSON.</summary>
    public sealed class Comparison(long revision, ReadoutDifferencesDto differences)
    {
        private byte[]? _json;

        public long Revision { get; } = revision;

        public ReadoutDifferencesDto Differences { get; } = differences;

        /// <summary>
        /// The differences serialized, once: at a summit of 250 statements they are about 50 KB of JSON, and serializing
        /// them on every read cost the API more than the read itself. Two first reads may both serialize: the same bytes.
        /// </summary>
        public byte[] Json(Func<ReadoutDifferencesDto, byte[]> serialize) => _json ??= serialize(Differences);
    }
}
