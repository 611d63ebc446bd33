using System.Text.Json;
using Dapper;
using Npgsql;
using SummitApi.Infrastructure.Database;
using static SummitApi.Infrastructure.Database.RecordRows;

namespace SummitApi.Infrastructure.Seeding;

/// <summary>
/// Loads the seed set into the database as one change set by author "seeds". Loading is
/// idempotent: an unchanged record is not touched and an unchanged seed set writes nothing. A record
/// an editor has touched is never overwritten by the seeds; it is named in a warning instead.
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
            new("party", "id", seeds.Parties),
            new("source", "id", seeds.Sources),
            new("actor", "id", seeds.Actors),
            new("summit", "id", seeds.Summits),
            new("outcome", "id", seeds.Outcomes),
            new("concession", "id", seeds.Concessions),
            new("readout", "id", seeds.Readouts),
            new("readout_statement", "id", seeds.Statements),
            new("event", "id", seeds.Events),
            new("assessment", "id", seeds.Assessments),
            new("context_figure", "id", seeds.ContextFigures),
            new("citation", "id", seeds.Citations().ToList()),
        ];

        await using var changeSet = await ChangeSet.BeginAsync(dataSource, Author, "load the curated seed set", cancellationToken);
        foreach (var table in tables)
        {
            await UpsertAsync(changeSet, table, cancellationToken);
        }
        // Records the seeds no longer define go, children first; those an editor touched stay.
        foreach (var table in tables.Reverse())
        {
            await DeleteRemovedAsync(changeSet, table, cancellationToken);
        }

        if (!await changeSet.HasRevisionsAsync(cancellationToken))
        {
            return null;
        }
        await changeSet.CommitAsync(cancellationToken);
        logger.LogInformation("Loaded the seed set as data revision {Revision}", changeSet.Seq);
        return changeSet.Seq;
    }

    private async Task UpsertAsync(ChangeSet changeSet, SeedTable table, CancellationToken cancellationToken)
    {
        var columns = await RecordRows.ColumnsAsync(changeSet.Connection, changeSet.Transaction, table.Name);
        var columnList = RecordRows.ColumnList(columns);
        var excludedList = string.Join(", ", columns.Select(c => "excluded." + Quote(c)));
        var currentList = string.Join(", ", columns.Select(c => "t." + Quote(c)));
        var rows = table.RowsJson;

        var editedByOthers = $"""
            EXISTS (SELECT 1 FROM revision r JOIN change_set cs ON cs.seq = r.seq
                     WHERE r.entity = '{table.Name}' AND r.record_id = t.{Quote(table.Key)} AND cs.author <> '{Author}')
            """;
        var skipped = await changeSet.Connection.QueryAsync<string>(
            $"""
            SELECT t.{Quote(table.Key)} FROM {Quote(table.Name)} t
              JOIN jsonb_populate_recordset(NULL::{Quote(table.Name)}, @rows::jsonb) AS excluded USING ({Quote(table.Key)})
             WHERE ({currentList}) IS DISTINCT FROM ({excludedList}) AND {editedByOthers}
            """, new { rows }, changeSet.Transaction);
        foreach (var id in skipped)
        {
            logger.LogWarning("Seed change to {Table} {Id} not applied: an editor has changed that record since", table.Name, id);
        }

        await changeSet.Connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO {Quote(table.Name)} AS t ({columnList})
            SELECT {columnList} FROM jsonb_populate_recordset(NULL::{Quote(table.Name)}, @rows::jsonb)
            ON CONFLICT ({Quote(table.Key)}) DO UPDATE SET ({columnList}) = ROW({excludedList})
             WHERE ({currentList}) IS DISTINCT FROM ({excludedList}) AND NOT {editedByOthers}
            """, new { rows }, changeSet.Transaction, cancellationToken: cancellationToken));
    }

    private static Task DeleteRemovedAsync(ChangeSet changeSet, SeedTable table, CancellationToken cancellationToken)
    {
        var keys = table.Keys;
        return changeSet.Connection.ExecuteAsync(new CommandDefinition(
            $"""
            DELETE FROM {Quote(table.Name)} t
             WHERE NOT (t.{Quote(table.Key)} = ANY (@keys))
               AND NOT EXISTS (SELECT 1 FROM revision r JOIN change_set cs ON cs.seq = r.seq
                                WHERE r.entity = '{table.Name}' AND r.record_id = t.{Quote(table.Key)} AND cs.author <> '{Author}')
            """, new { keys }, changeSet.Transaction, cancellationToken: cancellationToken));
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
