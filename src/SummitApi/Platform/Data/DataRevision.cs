using Dapper;
using Npgsql;

namespace SummitApi.Platform.Data;

public static class DataRevision
{
    /// <summary>
    /// The newest committed change set, as a query: the data revision a read sees. Writes take their numbers in commit
    /// order (ChangeSet), so one revision is one state of every table.
    /// </summary>
    public const string Sql = "SELECT coalesce(max(seq), 0) FROM change_set";

    /// <summary>The newest committed change set: the data revision a read sees.</summary>
    public static Task<long> CurrentAsync(NpgsqlConnection connection) => connection.ExecuteScalarAsync<long>(Sql);
}
