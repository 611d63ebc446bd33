namespace SummitApi.Exports;

/// <summary>
/// Blocking young-generation collections between batches of records, once the export has allocated a given amount since
/// the last one. Between batches nothing of the last batch is referenced (<see cref="ExportDataset"/>'s batches are emptied
/// first), so such a collection finds almost nothing alive and costs little; left to itself, the collector lets the young
/// generations grow by what the export allocates (gigabytes at a million concessions) and keeps that memory committed.
/// </summary>
internal sealed class BatchCollections(int megabytes)
{
    private readonly long _bytes = (long)megabytes << 20;
    private long _last = GC.GetTotalAllocatedBytes();

    public void BetweenBatches()
    {
        if (_bytes <= 0 || GC.GetTotalAllocatedBytes() - _last < _bytes)
        {
            return;
        }
        GC.Collect(0, GCCollectionMode.Forced, blocking: true);
        _last = GC.GetTotalAllocatedBytes();
    }
}
