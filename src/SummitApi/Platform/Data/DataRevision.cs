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
    /// change sets the read sees (the asof views narrow change_set to the pinned revision); a probe per table of
    /// revision's primary key, (entity, seq, ordinal) (db/0011).
    /// </summary>
    public const string OfTables = """
        (SELECT coalesce(max(newest.seq), 0)
           FROM unnest(@tables::text[]) AS read(entity)
          CROSS JOIN LATERAL (SELECT max(r.seq) AS seq FROM revision r
                               WHERE r.entity = read.entity AND r.seq <= (SELECT max(seq) FROM change_set)) AS newest)
        """;
}
