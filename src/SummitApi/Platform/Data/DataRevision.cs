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

    /// <summary>
    /// The newest committed change set that wrote one of the tables in the parameter @tables (text[]), as an SQL
    /// expression: the data revision of what a read of those tables sees, unmoved by writes elsewhere. Bounded by the
    /// change sets the read sees (the asof views narrow change_set to the pinned revision); tables_revision (db/0012)
    /// probes each table's partition of the history.
    /// </summary>
    public const string OfTables = "public.tables_revision(@tables::text[], (SELECT coalesce(max(seq), 0) FROM change_set))";
}
