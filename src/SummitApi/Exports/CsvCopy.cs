using System.Text;
using Npgsql;

namespace SummitApi.Exports;

/// <summary>
/// Writes a data set's CSV with the server's own COPY, from the data set's query: the fastest way there is
/// (as fast as psql's \copy). Each column is formatted in SQL as the JSON record writes it — booleans as true and
/// false, dates as ISO dates, arrays and nested values as JSON text — so the CSV holds what the other files hold.
/// A query whose columns are not the record's fields in order, or of a type without such a formatting, returns
/// null: its records are then written to the CSV one by one, with the other files. COPY selects the columns in the
/// CSV's order (<see cref="ExportColumn.Of"/>), which is not the query's.
/// </summary>
internal static class CsvCopy
{
    /// <summary>The COPY statement for <paramref name="sql"/>, or null when its columns cannot be formatted as the record's fields.</summary>
    /// <param name="fields">The record's fields in the JSON's order, which the query's columns must be.</param>
    /// <param name="columns">The CSV's columns.</param>
    public static async Task<string?> PlanAsync(NpgsqlConnection connection, string sql, IReadOnlyList<string> fields, IReadOnlyList<ExportColumn> columns, CancellationToken cancellationToken)
    {
        // The result's columns and their types, without reading a row.
        await using var command = new NpgsqlCommand($"SELECT * FROM ({sql}) AS record LIMIT 0", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var selected = await reader.GetColumnSchemaAsync(cancellationToken);
        if (selected.Count != fields.Count)
        {
            return null;
        }
        var expressions = new Dictionary<string, string>();
        for (var i = 0; i < selected.Count; i++)
        {
            var name = selected[i].ColumnName;
            if (CamelCase(name) != fields[i] || Format($"record.\"{name}\"", selected[i].DataTypeName ?? "") is not { } expression)
            {
                return null;
            }
            expressions[fields[i]] = expression;
        }
        // No FORCE_QUOTE: WriteAsync quotes the text columns' values instead, on the export's side of the connection.
        return $"""
            COPY (SELECT {string.Join(", ", columns.Select(column => $"{expressions[column.Name]} AS \"{column.Name}\""))} FROM ({sql}) AS record)
            TO STDOUT WITH (FORMAT csv)
            """;
    }

    /// <summary>
    /// Runs a planned COPY into <paramref name="output"/> after a header of the field names. COPY ends records with
    /// LF; the export's CSV dialect (RFC 4180, and its datapackage.json) says CRLF, so an LF outside quotes gets a
    /// CR before it. A line break inside a quoted field is data and stays as it is.
    /// <para>
    /// The text columns' values are quoted here (<see cref="ExportColumn.IsQuotedInCsv"/>), as FORCE_QUOTE would quote
    /// them, byte for byte: COPY leaves a value unquoted only when it holds no comma, quote or line break, so wrapping it
    /// in quotes needs no escaping; an empty unquoted field is NULL and stays empty. FORCE_QUOTE made the server's COPY
    /// a fifth to a third slower, on the core PostgreSQL has; this loop runs on the other one and reads every character
    /// anyway.
    /// </para>
    /// </summary>
    public static async Task WriteAsync(NpgsqlConnection connection, string copy, IReadOnlyList<ExportColumn> columns, Stream output, CancellationToken cancellationToken)
    {
        await output.WriteAsync(Encoding.UTF8.GetBytes(string.Join(',', columns.Select(column => $"\"{column.Name}\"")) + "\r\n"), cancellationToken);
        using var rows = await connection.BeginTextExportAsync(copy, cancellationToken);
        var encoder = Encoding.UTF8.GetEncoder();
        var read = new char[1 << 15];
        // Worst case, every field of a read is one character to be wrapped in two quotes.
        var converted = new char[read.Length * 3];
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(converted.Length)];
        bool[] quoted = [.. columns.Select(column => column.IsQuotedInCsv)];
        var field = 0;
        var fieldStarts = true;
        var inQuotes = false;
        var wrapping = false;
        int count;
        while ((count = await rows.ReadAsync(read, cancellationToken)) > 0)
        {
            var length = 0;
            foreach (var c in read.AsSpan(0, count))
            {
                var endsField = !inQuotes && (c is ',' or '\n');
                if (fieldStarts)
                {
                    fieldStarts = false;
                    if (quoted[field] && c != '"' && !endsField)
                    {
                        converted[length++] = '"';
                        wrapping = true;
                    }
                }
                if (c == '"')
                {
                    // An escaped quote ("") toggles twice, which leaves the state as it was.
                    inQuotes = !inQuotes;
                }
                else if (endsField)
                {
                    if (wrapping)
                    {
                        converted[length++] = '"';
                        wrapping = false;
                    }
                    if (c == '\n')
                    {
                        converted[length++] = '\r';
                        field = 0;
                    }
                    else
                    {
                        field++;
                    }
                    fieldStarts = true;
                }
                converted[length++] = c;
            }
            // The encoder keeps half of a surrogate pair that a read split until the next read.
            var written = encoder.GetBytes(converted, 0, length, bytes, 0, flush: false);
            await output.WriteAsync(bytes.AsMemory(0, written), cancellationToken);
        }
    }

    private static string? Format(string column, string type) => type switch
    {
        "text" or "character varying" => column,
        "integer" or "bigint" or "smallint" or "numeric" => $"{column}::text",
        "boolean" => $"CASE WHEN {column} THEN 'true' WHEN NOT {column} THEN 'false' END",
        "date" => $"to_char({column}, 'YYYY-MM-DD')",
        "jsonb" or "json" => $"{column}::text",
        "text[]" or "character varying[]" => $"to_json({column})::text",
        _ => null,
    };

    /// <summary>A column's name as a record's field: valid_from is validFrom.</summary>
    public static string CamelCase(string column)
    {
        var parts = column.Split('_');
        return parts[0] + string.Concat(parts.Skip(1).Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
    }
}
