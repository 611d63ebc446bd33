namespace SummitApi.Platform.Data;

/// <summary>Keys of the Postgres advisory locks that coordinate every instance of the service.</summary>
public static class AdvisoryLocks
{
    /// <summary>Held for a whole migration run, so two instances starting together never both migrate.</summary>
    public const long Migrations = 0x53554D4D_00000001;

    /// <summary>Taken per write transaction, so change sets are numbered in commit order.</summary>
    public const long Writes = 0x53554D4D_00000002;

    /// <summary>Held for a whole export, so that however many instances are scheduled, one export runs at a time.</summary>
    public const long Exports = 0x53554D4D_00000003;
}
