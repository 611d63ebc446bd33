using Dapper;
using Npgsql;

namespace SummitApi.Tests.Reliability;

/// <summary>
/// A fingerprint of everything a database holds: each table's row count and a hash over its rows, and the
/// newest change set. Two equal fingerprints mean no row was added, changed or removed in between.
/// </summary>
public sealed record DatabaseState(long LastChangeSet, IReadOnlyDictionary<string, (long Rows, string Hash)> Tables)
{
    public static async Task<DatabaseState> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name");
        var state = new SortedDictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            state[table] = await connection.QuerySingleAsync<(long, string)>(
                $"SELECT count(*), md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) FROM \"{table}\" t");
        }
        var last = await connection.ExecuteScalarAsync<long>("SELECT coalesce(max(seq), 0) FROM change_set");
        return new DatabaseState(last, state);
    }

    /// <summary>The tables whose rows differ from <paramref name="before"/>, with their counts then and now.</summary>
    public IEnumerable<string> DifferencesFrom(DatabaseState before)
    {
        if (LastChangeSet != before.LastChangeSet)
        {
            yield return $"change_set: newest {before.LastChangeSet} -> {LastChangeSet}";
        }
        foreach (var (table, now) in Tables)
        {
            if (!before.Tables.TryGetValue(table, out var then) || then != now)
            {
                yield return $"{table}: {then.Rows} -> {now.Rows} rows{(then.Rows == now.Rows ? " (contents changed)" : "")}";
            }
        }
    }
}
