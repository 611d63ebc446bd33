using System.Data.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Dapper;
using Npgsql;
using SummitApi.Platform.Data;

namespace SummitApi.Platform.Reads;

/// <summary>
/// The checks every list request shares: page size, cursor, and filter values that must name
/// something that exists. Errors are collected per parameter and answered together as one 400.
/// A page is read with one statement: its rows, the data revision they were read at and whatever
/// the checks need whatever the page holds; filters naming records are checked only when no row
/// came back, since a row that matches an equality filter proves that what it names exists.
/// </summary>
public sealed class ListRequest
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);
    private readonly List<ListCheck> _checks = [];
    private readonly CursorCodec _cursors;
    private readonly string _scope;
    private readonly string[]? _tablesRead;
    private readonly HttpContext _context;
    private readonly bool _reportsListedRecords;
    private HttpContext? _pinDeferredOf;

    // Set when the page is read on a plain read's connection, which cannot begin a transaction: a deferred pin then
    // reads the page again on a connection of this data source (the primary), pinned.
    private NpgsqlDataSource? _pinOn;

    public ListRequest(HttpContext context, CursorCodec cursors, int? limit, string? cursor, params (string Name, string? Value)[] filters)
    {
        _cursors = cursors;
        _context = context;
        _reportsListedRecords = context.GetEndpoint()?.Metadata.GetMetadata<ListedRecords>() is not null;
        _tablesRead = context.GetEndpoint()?.Metadata.GetMetadata<TablesRead>()?.Names;
        _scope = CursorCodec.ScopeOf(context.Request.Path, filters.Select(f => KeyValuePair.Create(f.Name, f.Value)));
        Limit = limit ?? DefaultLimit;
        if (LimitProblem(limit) is { } problem)
        {
            _errors["limit"] = [problem];
        }
        if (cursor is not null)
        {
            if (cursors.TryDecode(cursor, _scope, out var position))
            {
                After = position!.After;
                Revision = position.Revision;
            }
            else
            {
                _errors["cursor"] = ["'cursor' is not a cursor this list issued (edited, or made for other filters)."];
            }
        }
    }

    public int Limit { get; }

    /// <summary>What is wrong with a requested page size, or null when it is in range (or not given).</summary>
    public static string? LimitProblem(int? limit) => limit is < 1 or > MaxLimit ? $"'limit' must be between 1 and {MaxLimit}." : null;

    /// <summary>The sort key of the last item already served, or null for the first page.</summary>
    public string[]? After { get; }

    /// <summary>The data revision the first page was read at, or null for the first page.</summary>
    public long? Revision { get; }

    public bool IsValid => _errors.Count == 0;

    /// <summary>The record a nested list belongs to (the summit of /summits/{id}/outcomes) was missing: a 404, not a 400.</summary>
    public bool ParentIsMissing { get; private set; }

    public ValidationProblem Problem() => TypedResults.ValidationProblem(_errors, title: "One or more query parameters are invalid.");

    public void AddError(string parameter, string message) => _errors[parameter] = [message];

    public void RequireText(string parameter, string? value, int maxLength = 200)
    {
        if (value is not null && (string.IsNullOrWhiteSpace(value) || value.Length > maxLength))
        {
            AddError(parameter, $"'{parameter}' must be non-empty text of at most {maxLength} characters.");
        }
    }

    public void RequireRange(string fromName, DateOnly? from, string toName, DateOnly? to)
    {
        if (from is not null && to is not null && from > to)
        {
            AddError(toName, $"'{toName}' must not be before '{fromName}'.");
        }
    }

    /// <summary>
    /// A filter naming a vocabulary code or a record must name one that exists. The list's SQL must filter by
    /// equality on it, so that the check can wait for an empty page.
    /// </summary>
    public void RequireExisting(string parameter, string? value, string table, string keyColumn = "id")
    {
        if (value is not null)
        {
            _checks.Add(ExistenceCheck(table, keyColumn, value, exists =>
            {
                if (!exists)
                {
                    AddError(parameter, MissingMessage(value, table, keyColumn));
                }
            }));
        }
    }

    /// <summary>The record a nested list belongs to must exist; the list's SQL must filter on it, as for <see cref="RequireExisting"/>.</summary>
    public void RequireParent(string table, string id) =>
        _checks.Add(ExistenceCheck(table, "id", id, exists => ParentIsMissing |= !exists));

    /// <summary>
    /// A check that needs what <paramref name="sql"/> (an expression without parameters) reads, whatever the page
    /// holds: it is read in the page's own statement, and <paramref name="apply"/> runs after the rows are read,
    /// in the order the checks were declared.
    /// </summary>
    /// <param name="gate">A condition on the list's parameters that must hold for the rows to be worth reading, if any (see <see cref="ListStatement.For"/>).</param>
    public void CheckWith<T>(string sql, Action<T> apply, string? gate = null) =>
        _checks.Add(new ListCheck(sql, ParameterName: null, Value: null, NeededWithRows: true, value => apply((T)value!)) { Gate = gate });

    /// <summary>The 400's message for a filter value that names nothing: a code not in its vocabulary, or an id no record has.</summary>
    public static string MissingMessage(string value, string table, string keyColumn) => keyColumn == "code"
        ? $"'{value}' is not a known {table.Replace('_', ' ')} code; see /api/v1/vocabularies."
        : $"No {table.Replace('_', ' ')} has the id '{value}'.";

    /// <summary>
    /// The connection a page is read on: as of the revision the cursor pins (or asOf). A cursor's pin waits for the
    /// page's statement to show the tables moved past it (<see cref="ReadScope.MayDeferPin"/>), unless the page is read
    /// with more than one statement (<paramref name="snapshot"/>), whose parts must agree. A page read in one statement,
    /// neither as of an instant nor on a replica, is a plain read (<see cref="PlainReads"/>): a first page always, a
    /// later one unless the tables moved past its cursor.
    /// </summary>
    public Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, HttpContext context, bool snapshot = false)
    {
        var deferrable = !snapshot && ReadScope.MayDeferPin(context);
        _pinDeferredOf = Revision is not null && deferrable ? context : null;
        if (deferrable && ReadScope.PlainReadsFor(context) is { } plain)
        {
            _pinOn = dataSource;
            return plain.OpenAsync(context.RequestAborted);
        }
        return ReadScope.OpenAsync(dataSource, context, _pinDeferredOf is null ? Revision : null, snapshot);
    }

    /// <summary>
    /// Reads one page with a keyset query: the SQL gets the filters plus @after (the first part of the
    /// sort key already served, null on the first page), @afterId (its last part, for two-part keys)
    /// and @limit (one more row than the page, to learn whether another page follows; see <see cref="ListStatement.For"/>).
    /// </summary>
    /// <returns>The page; null when the request is refused: a 400 (<see cref="Problem"/>) unless <see cref="IsValid"/>, else a 404 (<see cref="ParentIsMissing"/>).</returns>
    public async Task<Page<T>?> ReadPageAsync<T>(NpgsqlConnection connection, string sql, object filters, Func<T, string[]> sortKey)
    {
        var rows = await ReadRowsAsync<T>(connection, sql, filters, (reader, columns) =>
        {
            var parse = reader.GetRowParser<T>(startIndex: columns.Start.Value, length: columns.End.Value - columns.Start.Value);
            return () => parse(reader);
        });
        return rows is null ? null : ToPage(rows.Value.Rows, rows.Value.Revision, sortKey);
    }

    /// <summary>
    /// <see cref="ReadPageAsync{T}"/> for a list ordered by something the record does not serve (the timeline's
    /// placement of undated events): the query's last column, <c>sort_key</c>, is the text that orders it.
    /// </summary>
    public async Task<Page<T>?> ReadPageBySortKeyAsync<T>(NpgsqlConnection connection, string sql, object filters, Func<T, string> id)
    {
        var rows = await ReadRowsAsync<(T Item, string SortKey)>(connection, sql, filters, (reader, columns) =>
        {
            var parse = reader.GetRowParser<T>(startIndex: columns.Start.Value, length: columns.End.Value - columns.Start.Value - 1);
            return () => (Item: parse(reader), SortKey: reader.GetString(columns.End.Value - 1));
        });
        if (rows is null)
        {
            return null;
        }
        var page = ToPage(rows.Value.Rows, rows.Value.Revision, row => [row.SortKey, id(row.Item)]);
        return new Page<T>(page.Items.Select(row => row.Item).ToList(), page.NextCursor);
    }

    /// <summary>Makes the page from up to Limit + 1 rows read in list order: the extra row only says there is more.</summary>
    /// <remarks>
    /// The last part of a sort key is the record's id: a list that declares <see cref="ListedRecords"/> reports the ids
    /// it shows to the response cache (<see cref="ReadContext.ListedRecordIds"/>), and every list its next cursor
    /// (<see cref="ReadContext.NextCursor"/>).
    /// </remarks>
    public Page<T> ToPage<T>(IReadOnlyList<T> rows, long revision, Func<T, string[]> sortKey)
    {
        var items = rows.Count <= Limit ? rows : rows.Take(Limit).ToList();
        if (_reportsListedRecords)
        {
            ReadContext.Of(_context).ListedRecordIds = [.. items.Select(item => sortKey(item)[^1])];
        }
        if (rows.Count <= Limit)
        {
            return new Page<T>(rows, null);
        }
        var next = new CursorPosition(Revision ?? revision, sortKey(items[^1]), _scope);
        var cursor = _cursors.Encode(next);
        ReadContext.Of(_context).NextCursor = (cursor, next);
        return new Page<T>(items, cursor);
    }

    /// <param name="rowReader">Given the reader and the range of the list's own columns, makes the function that reads the current row.</param>
    /// <returns>The rows and the data revision they were read at; null when the request is refused.</returns>
    private async Task<(List<TRow> Rows, long Revision)?> ReadRowsAsync<TRow>(
        NpgsqlConnection connection, string sql, object filters, Func<DbDataReader, Range, Func<TRow>> rowReader)
    {
        if (_pinDeferredOf is not null && !IsValid)
        {
            await using var pinned = await PinDeferredAsync(connection);
            return await ReadRowsAsync(pinned ?? connection, sql, filters, rowReader);
        }
        if (!IsValid)
        {
            // The rows do not matter, but every parameter's error does: the 400 names them all.
            await ApplyChecksAsync(connection, _checks, []);
            return null;
        }
        var withRows = _checks.Where(check => check.NeededWithRows).ToList();
        var read = new Dictionary<ListCheck, object?>();
        var rows = new List<TRow>(Limit + 1);
        long revision = 0;
        var parameters = Parameters(filters);
        var statement = ListStatement.For(sql, [.. withRows.Select(check => check.Sql)], [.. _checks.Select(check => check.Gate).OfType<string>()],
            Limit + 1, name => parameters[name] is null, tables: _tablesRead);
        await using (var reader = await connection.ExecuteReaderAsync(statement, new DynamicParameters(parameters)))
        {
            var header = ListStatement.HeaderColumns(withRows.Count);
            if (await reader.ReadAsync())
            {
                revision = reader.GetInt64(0);
                for (var index = 0; index < withRows.Count; index++)
                {
                    read[withRows[index]] = reader.GetValue(1 + index);
                }
                var readRow = rowReader(reader, header..reader.FieldCount);
                if (!await reader.IsDBNullAsync(header))
                {
                    do
                    {
                        rows.Add(readRow());
                    }
                    while (await reader.ReadAsync());
                }
            }
        }
        if (_pinDeferredOf is not null && (revision > Revision || (rows.Count == 0 && _checks.Any(check => !check.NeededWithRows))))
        {
            // The tables moved past the cursor's revision (or checks read apart must read the page's): read it again, pinned.
            await using var pinned = await PinDeferredAsync(connection);
            return await ReadRowsAsync(pinned ?? connection, sql, filters, rowReader);
        }
        await ApplyChecksAsync(connection, rows.Count == 0 ? _checks.Where(check => !check.NeededWithRows).ToList() : [], read);
        return IsValid && !ParentIsMissing ? (rows, revision) : null;
    }

    /// <returns>A connection of its own, pinned, when <paramref name="connection"/> is a plain read's; else null, <paramref name="connection"/> pinned.</returns>
    private async Task<NpgsqlConnection?> PinDeferredAsync(NpgsqlConnection connection)
    {
        var context = _pinDeferredOf!;
        _pinDeferredOf = null;
        if (_pinOn is not null)
        {
            return await ReadScope.OpenAsync(_pinOn, context, Revision);
        }
        await ReadScope.PinAsync(connection, context, Revision!.Value);
        return null;
    }

    /// <summary>Reads what <paramref name="toRead"/> need in one statement, then applies every check read, in declared order.</summary>
    private async Task ApplyChecksAsync(NpgsqlConnection connection, List<ListCheck> toRead, Dictionary<ListCheck, object?> read)
    {
        if (toRead.Count > 0)
        {
            var parameters = new DynamicParameters();
            foreach (var check in toRead.Where(check => check.ParameterName is not null))
            {
                parameters.Add(check.ParameterName!, check.Value);
            }
            var values = (IDictionary<string, object?>)await connection.QuerySingleAsync(
                "SELECT " + string.Join(", ", toRead.Select((check, index) => $"{check.Sql} AS check_{index}")), parameters);
            foreach (var (check, value) in toRead.Zip(values.Values))
            {
                read[check] = value;
            }
        }
        foreach (var check in _checks.Where(read.ContainsKey))
        {
            check.Apply(read[check]);
        }
    }

    /// <summary>The filters' values by name, plus @after and @afterId.</summary>
    private Dictionary<string, object?> Parameters(object filters)
    {
        var parameters = filters.GetType().GetProperties().ToDictionary(property => property.Name, property => property.GetValue(filters), StringComparer.OrdinalIgnoreCase);
        parameters["after"] = After?[0];
        parameters["afterId"] = After is { Length: > 1 } key ? key[^1] : null;
        return parameters;
    }

    private ListCheck ExistenceCheck(string table, string keyColumn, string value, Action<bool> apply)
    {
        var parameterName = $"check{_checks.Count}";
        return new ListCheck($"EXISTS (SELECT 1 FROM {table} WHERE {keyColumn} = @{parameterName})", parameterName, value,
            NeededWithRows: false, exists => apply((bool)exists!));
    }

    /// <summary>One check of a list request against the database.</summary>
    /// <param name="Sql">A SQL expression that reads what the check needs.</param>
    /// <param name="ParameterName">The name of its one parameter, if it has one.</param>
    /// <param name="Value">The value of that parameter.</param>
    /// <param name="NeededWithRows">Whether the check needs its value even when the page has rows.</param>
    /// <param name="Apply">Records what the value means on the request.</param>
    private sealed class ListCheck(string Sql, string? ParameterName, string? Value, bool NeededWithRows, Action<object?> Apply)
    {
        public string Sql { get; } = Sql;
        public string? ParameterName { get; } = ParameterName;
        public string? Value { get; } = Value;
        public bool NeededWithRows { get; } = NeededWithRows;
        public Action<object?> Apply { get; } = Apply;
        public string? Gate { get; init; }
    }
}
