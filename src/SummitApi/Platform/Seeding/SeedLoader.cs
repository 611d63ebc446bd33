using System.Text.Json;
using Dapper;
using Npgsql;
using SummitApi.Platform.Data;
using static SummitApi.Platform.Data.RecordRows;

namespace SummitApi.Platform.Seeding;

/// <summary>
/// Loads the seed set into the database as one change set by author "seeds". Loading is
/// idempotent: an unchanged record is not touched and an unchanged seed set writes nothing (a start-up with the
/// seed set the database already holds does not even compare). A record an editor has touched is never
/// overwritten, restored or deleted by the seeds; a seed change it blocks is named in a warning instead.
/// </summary>
public sealed class SeedLoader(NpgsqlDataSource dataSource, ILogger<SeedLoader> logger)
{
    public const string Author = "seeds";

    /// <returns>The data revision the load created, or null when the database already held the seed set.</returns>
    public async Task<long?> LoadAsync(SeedSet seeds, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<SeedTable> tables =
        [
            .. seeds.Vocabularies.Select(v => new SeedTable(v.Key.Table, "code", v.Value)),
            // The citations are the records' own, each row derived from a record's citation in the seeds.
            .. seeds.Records.Select(records => new SeedTable(records.Resource.Table, "id",
                records.Resource.Table == RecordRows.CitationTable ? seeds.Citations().ToList() : records.Inputs)),
        ];

        var fingerprint = Fingerprint(tables);
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            if (await connection.ExecuteScalarAsync<string?>("SELECT fingerprint FROM seed_state") == fingerprint)
            {
                logger.LogInformation("The database holds this seed set already ({Fingerprint})", fingerprint[..12]);
                return null;
            }
        }

        long? created = null;
        await using (var changeSet = await ChangeSet.BeginAsync(dataSource, Author, "load the curated seed set", cancellationToken))
        {
            foreach (var table in tables)
            {
                await UpsertAsync(changeSet, table, cancellationToken);
            }
            // Records the seeds no longer define go, children first; those an editor touched stay.
            foreach (var table in tables.Reverse())
            {
                await DeleteRemovedAsync(changeSet, table, cancellationToken);
            }
            if ((await changeSet.WritesAsync(cancellationToken)).Count > 0)
            {
                await changeSet.CommitAsync(cancellationToken);
                created = changeSet.Seq;
                logger.LogInformation("Loaded the seed set as data revision {Revision}", changeSet.Seq);
            }
        }
        // After the load has committed: a crash in between only means the next start checks the tables again.
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            await connection.ExecuteAsync(
                """
                INSERT INTO seed_state (fingerprint, loaded_at) VALUES (@fingerprint, now())
                ON CONFLICT (singleton) DO UPDATE SET fingerprint = excluded.fingerprint, loaded_at = excluded.loaded_at
                """, new { fingerprint });
        }
        return created;
    }

    /// <summary>A hash of every table's rows as they would be written, so a change to the seeds or to how they map changes it.</summary>
    private static string Fingerprint(IEnumerable<SeedTable> tables)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var table in tables)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{table.Name}\n{table.RowsJson}\n"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private async Task UpsertAsync(ChangeSet changeSet, SeedTable table, CancellationToken cancellationToken)
    {
        var columns = await RecordRows.ColumnsAsync(changeSet.Connection, changeSet.Transaction, table.Name);
        var columnList = RecordRows.ColumnList(columns);
        var excludedList = string.Join(", ", columns.Select(c => "excluded." + Quote(c)));
        var currentList = string.Join(", ", columns.Select(c => "t." + Quote(c)));
        var seedRows = $"jsonb_populate_recordset(NULL::{Quote(table.Name)}, @rows::jsonb) AS excluded";
        var rows = table.RowsJson;

        // A seed record an editor has changed or deleted is left as the editor left it.
        var skipped = await changeSet.Connection.QueryAsync<string>(
            $"""
            SELECT excluded.{Quote(table.Key)} FROM {seedRows}
              LEFT JOIN {Quote(table.Name)} t ON t.{Quote(table.Key)} = excluded.{Quote(table.Key)}
             WHERE (t.{Quote(table.Key)} IS NULL OR ({currentList}) IS DISTINCT FROM ({excludedList}))
               AND {EditedByOthers(table, "excluded")}
            """, new { rows }, changeSet.Transaction);
        foreach (var id in skipped)
        {
            logger.LogWarning("Seed change to {Table} {Id} not applied: an editor has changed or deleted that record since", table.Name, id);
        }

        await changeSet.Connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO {Quote(table.Name)} AS t ({columnList})
            SELECT {columnList} FROM {seedRows}
             WHERE NOT {EditedByOthers(table, "excluded")}
            ON CONFLICT ({Quote(table.Key)}) DO UPDATE SET ({columnList}) = ROW({excludedList})
             WHERE ({currentList}) IS DISTINCT FROM ({excludedList})
            """, new { rows }, changeSet.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Deletes the records earlier seed sets wrote that this one no longer defines, unless an editor has touched
    /// them: only records with a revision by the seeds are candidates, never one an editor or a script created.
    /// With a million rows this still takes seconds, which is why an unchanged seed set skips the load.
    /// </summary>
    private static Task DeleteRemovedAsync(ChangeSet changeSet, SeedTable table, CancellationToken cancellationToken)
    {
        var keys = table.Keys;
        return changeSet.Connection.ExecuteAsync(new CommandDefinition(
            $"""
            DELETE FROM {Quote(table.Name)} t
             WHERE t.{Quote(table.Key)} IN (SELECT r.record_id FROM change_set cs JOIN revision r ON r.seq = cs.seq
                                             WHERE cs.author = '{Author}' AND r.entity = '{table.Name}')
               AND NOT (t.{Quote(table.Key)} = ANY (@keys))
               AND NOT {EditedByOthers(table, "t")}
            """, new { keys }, changeSet.Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Whether an editor has written the record in <paramref name="row"/> (or, for a citation, the record it cites):
    /// such a record, and its citations, are left as the editor left them.
    /// </summary>
    private static string EditedByOthers(SeedTable table, string row)
    {
        string By(string entity, string key) =>
            $"EXISTS (SELECT 1 FROM revision r JOIN change_set cs ON cs.seq = r.seq WHERE r.entity = {entity} AND r.record_id = {key} AND cs.author <> '{Author}')";
        var own = By($"'{table.Name}'", $"{row}.{Quote(table.Key)}");
        return table.Name == RecordRows.CitationTable ? $"({own} OR {By($"{row}.record_type", $"{row}.record_id")})" : own;
    }

    /// <summary>A table's seed rows as JSON with the table's snake_case column names.</summary>
    private sealed class SeedTable
    {
        public SeedTable(string name, string key, IReadOnlyList<object> rows)
        {
            Name = name;
            Key = key;
            var json = JsonSerializer.SerializeToElement(rows, RecordRows.RowOptions);
            RowsJson = json.GetRawText();
            Keys = json.EnumerateArray().Select(row => row.GetProperty(key).GetString()!).ToArray();
        }

        public string Name { get; }
        public string Key { get; }
        public string RowsJson { get; }
        public string[] Keys { get; }
    }
}
