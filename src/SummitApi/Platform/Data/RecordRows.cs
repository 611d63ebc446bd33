using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Npgsql;
using SummitApi.Platform.Validation;

namespace SummitApi.Platform.Data;

/// <summary>
/// Writes records as rows without a hand-written INSERT per table: a record serialized with the
/// tables' snake_case names becomes a row through jsonb_populate_record, so the C# write models and
/// the schema are the only places that list the fields. The seed loader and editorial writes share it.
/// </summary>
public static class RecordRows
{
    public static readonly JsonSerializerOptions RowOptions = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private static readonly ConcurrentDictionary<string, string[]> WritableColumns = new(StringComparer.Ordinal);

    /// <summary>The columns a write sets: every column but the generated ones, in table order.</summary>
    public static async Task<string[]> ColumnsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string table)
    {
        if (WritableColumns.TryGetValue(table, out var cached))
        {
            return cached;
        }
        var columns = (await connection.QueryAsync<string>(
            """
            SELECT attname FROM pg_attribute
             WHERE attrelid = @table::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
             ORDER BY attnum
            """, new { table }, transaction)).ToArray();
        return WritableColumns[table] = columns;
    }

    public static async Task InsertAsync(ChangeSet changeSet, string table, object record)
    {
        var columns = ColumnList(await ColumnsAsync(changeSet.Connection, changeSet.Transaction, table));
        await changeSet.Connection.ExecuteAsync(
            $"INSERT INTO {Quote(table)} ({columns}) SELECT {columns} FROM jsonb_populate_record(NULL::{Quote(table)}, @row::jsonb)",
            new { row = JsonSerializer.Serialize(record, RowOptions) }, changeSet.Transaction);
    }

    /// <summary>Rewrites the row; a row that already holds exactly these values is left alone, so no empty revision is recorded.</summary>
    public static async Task UpdateAsync(ChangeSet changeSet, string table, string id, object record)
    {
        var columns = await ColumnsAsync(changeSet.Connection, changeSet.Transaction, table);
        await changeSet.Connection.ExecuteAsync(
            $"""
            UPDATE {Quote(table)} t SET ({ColumnList(columns)}) = ({string.Join(", ", columns.Select(c => "n." + Quote(c)))})
              FROM jsonb_populate_record(NULL::{Quote(table)}, @row::jsonb) n
             WHERE t.id = @id
               AND ({string.Join(", ", columns.Select(c => "t." + Quote(c)))}) IS DISTINCT FROM ({string.Join(", ", columns.Select(c => "n." + Quote(c)))})
            """, new { id, row = JsonSerializer.Serialize(record, RowOptions) }, changeSet.Transaction);
    }

    public static Task DeleteAsync(ChangeSet changeSet, string table, string id) =>
        changeSet.Connection.ExecuteAsync($"DELETE FROM {Quote(table)} WHERE id = @id", new { id }, changeSet.Transaction);

    /// <summary>The table of every record's citations: the link of a fact to its source, kept by the platform for every resource.</summary>
    public const string CitationTable = "citation";

    /// <summary>Makes a record's citations exactly these (ids derive from content, so unchanged ones stay).</summary>
    public static async Task ReplaceCitationsAsync(ChangeSet changeSet, string recordType, string recordId, IEnumerable<CitationInput> citations)
    {
        var rows = citations.Select(c => new { id = CitationId(recordType, recordId, c), source_id = c.SourceId, record_type = recordType, record_id = recordId, excerpt = c.Excerpt }).ToList();
        await changeSet.Connection.ExecuteAsync(
            """
            DELETE FROM citation WHERE record_type = @recordType AND record_id = @recordId AND NOT (id = ANY (@keep));
            INSERT INTO citation (id, source_id, record_type, record_id, excerpt)
            SELECT id, source_id, record_type, record_id, excerpt FROM jsonb_populate_recordset(NULL::citation, @rows::jsonb)
            ON CONFLICT (id) DO NOTHING;
            """,
            new { recordType, recordId, keep = rows.Select(r => r.id).ToArray(), rows = JsonSerializer.Serialize(rows) }, changeSet.Transaction);
    }

    /// <summary>A citation's id, derived from what it links, so that loading the same citation twice finds it again.</summary>
    public static string CitationId(string recordType, string recordId, CitationInput citation)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{recordType}\n{recordId}\n{citation.SourceId}\n{citation.Excerpt}"));
        return "cit-" + Convert.ToHexStringLower(hash)[..16];
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    public static string ColumnList(IEnumerable<string> columns) => string.Join(", ", columns.Select(Quote));
}
