using Microsoft.AspNetCore.Http.HttpResults;
using Dapper;
using Npgsql;
using SummitApi.Platform.Data;

namespace SummitApi.Platform.Reads;

/// <summary>
/// The checks every list request shares: page size, cursor, and filter values that must name
/// something that exists. Errors are collected per parameter and answered together as one 400.
/// </summary>
public sealed class ListRequest
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);
    private readonly CursorCodec _cursors;
    private readonly string _scope;
    private readonly string[]? _tablesRead;

    public ListRequest(HttpContext context, CursorCodec cursors, int? limit, string? cursor, params (string Name, string? Value)[] filters)
    {
        _cursors = cursors;
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

    /// <summary>A filter naming a vocabulary code or a record must name one that exists.</summary>
    public async Task RequireExistingAsync(NpgsqlConnection connection, string parameter, string? value, string table, string keyColumn = "id")
    {
        if (value is null)
        {
            return;
        }
        var exists = await connection.ExecuteScalarAsync<bool>(
            $"SELECT EXISTS (SELECT 1 FROM {table} WHERE {keyColumn} = @value)", new { value });
        if (!exists)
        {
            AddError(parameter, keyColumn == "code"
                ? $"'{value}' is not a known {table.Replace('_', ' ')} code; see /api/v1/vocabularies."
                : $"No {table.Replace('_', ' ')} has the id '{value}'.");
        }
    }

    /// <summary>The connection a page is read on: one snapshot, as of the revision the cursor pins (or asOf).</summary>
    public Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, HttpContext context) =>
        ReadScope.OpenAsync(dataSource, context, Revision, snapshot: true);

    /// <summary>
    /// Reads one page with a keyset query: the SQL gets the filters plus @after (the first part of the
    /// sort key already served, null on the first page), @afterId (its last part, for two-part keys)
    /// and @limit (one more row than the page, to learn whether another page follows).
    /// </summary>
    public async Task<Page<T>> ReadPageAsync<T>(NpgsqlConnection connection, string sql, object filters, Func<T, string[]> sortKey)
    {
        var revision = await RevisionAsync(connection);
        return ToPage((await connection.QueryAsync<T>(sql, PageParameters(filters))).AsList(), revision, sortKey);
    }

    /// <summary>
    /// <see cref="ReadPageAsync{T}"/> for a list ordered by something the record does not serve (the timeline's
    /// placement of undated events): the query's last column, <c>sort_key</c>, is the text that orders it.
    /// </summary>
    public async Task<Page<T>> ReadPageBySortKeyAsync<T>(NpgsqlConnection connection, string sql, object filters, Func<T, string> id)
    {
        var revision = await RevisionAsync(connection);
        var rows = (await connection.QueryAsync<T, string, (T Item, string SortKey)>(
            sql, (item, key) => (item, key), PageParameters(filters), splitOn: "sort_key")).AsList();
        var page = ToPage(rows, revision, row => [row.SortKey, id(row.Item)]);
        return new Page<T>(page.Items.Select(row => row.Item).ToList(), page.NextCursor);
    }

    /// <summary>
    /// The data revision a next page pins: that of the tables the list declares it reads, so the page's bytes (its
    /// cursor) and its ETag stay the same across writes to other tables; the newest of all for a list that declares none.
    /// </summary>
    private Task<long> RevisionAsync(NpgsqlConnection connection) =>
        _tablesRead is null ? DataRevision.CurrentAsync(connection) : DataRevision.OfTablesAsync(connection, _tablesRead);

    private DynamicParameters PageParameters(object filters)
    {
        var parameters = new DynamicParameters(filters);
        parameters.Add("after", After?[0]);
        parameters.Add("afterId", After is { Length: > 1 } key ? key[^1] : null);
        parameters.Add("limit", Limit + 1);
        return parameters;
    }

    /// <summary>Makes the page from up to Limit + 1 rows read in list order: the extra row only says there is more.</summary>
    public Page<T> ToPage<T>(IReadOnlyList<T> rows, long revision, Func<T, string[]> sortKey)
    {
        if (rows.Count <= Limit)
        {
            return new Page<T>(rows, null);
        }
        var items = rows.Take(Limit).ToList();
        return new Page<T>(items, _cursors.Encode(new CursorPosition(Revision ?? revision, sortKey(items[^1]), _scope)));
    }
}
