using Dapper;
using Npgsql;

namespace SummitApi.Platform.Data;

public static class DataRevision
{
    /// <summary>The newest committed change set: the data revision a read sees.</summary>
    public static Task<long> CurrentAsync(NpgsqlConnection connection) =>
        connection.ExecuteScalarAsync<long>("SELECT coalesce(max(seq), 0) FROM change_set");
}
