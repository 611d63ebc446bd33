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

    /// <returns>Whether <paramref name="topic"/> is null or a known topic code, and the summit's readout differences (null for an unknown summit).</returns>
    public async Task<(bool TopicKnown, ReadoutDifferencesDto? Differences)> ReadAsync(NpgsqlConnection connection, string summitId, string? topic)
    {
        var known = _bySummit.Get<Comparison>(summitId);
        var (revision, topicKnown, differences) = await ReadoutDifferenceQuery.ReadAsync(connection, summitId, topic, known?.Revision);
        if (known is not null && revision == known.Revision)
        {
            return (topicKnown, known.Differences);
        }
        if (differences is not null)
        {
            _bySummit.Set(summitId, new Comparison(revision, differences), new MemoryCacheEntryOptions { Size = 1 });
        }
        return (topicKnown, differences);
    }

    public void Dispose() => _bySummit.Dispose();

    private sealed record Comparison(long Revision, ReadoutDifferencesDto Differences);
}
