using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SummitApi.Platform.Reads;

/// <summary>
/// The one statement that reads a list page: a header row (the data revision, and what the request's checks read)
/// joined to the list's own SQL. One statement is one snapshot, so the revision is the one the rows were read at,
/// with no transaction around them; the join keeps the header when the page is empty.
/// </summary>
public static partial class ListStatement
{
    /// <summary>
    /// The data revision a list page is read at, as a SQL expression. Its cursor pins it, so later pages read what
    /// the first page saw. Under the asof views (a pinned cursor, or asOf) it is the pinned revision.
    /// </summary>
    public const string DataRevision = $"({Data.DataRevision.Sql})";

    /// <summary>
    /// <see cref="DataRevision"/> for a list that declares the tables it reads (<see cref="TablesRead"/>): the newest change
    /// to those, so a write elsewhere does not move its cursor. The tables are written into the text, one probe each: the
    /// history is partitioned by table (db/0011), and a table named in the text lets PostgreSQL plan each probe on its own
    /// partition's key, where tables given as a parameter made it open every partition for each table at run time (at a
    /// million concessions the revision of the concessions list ran at half the rate in pgbench). Bounded by the change
    /// sets the read sees.
    /// </summary>
    private static string TablesDataRevision(IReadOnlyList<string> tables) => $"""
        (SELECT coalesce(greatest({string.Join(", ", tables.Select(table =>
                    $"(SELECT max(r.seq) FROM revision r WHERE r.entity = '{TableName(table)}' AND r.seq <= visible.seq)"))}), 0)
           FROM (SELECT max(seq) AS seq FROM change_set) AS visible)
        """;

    // The names come from the endpoints' declarations, never from a request; a name that is not a plain identifier is a bug.
    private static string TableName(string table) => Identifier().IsMatch(table)
        ? table
        : throw new ArgumentException($"'{table}' is not a table name", nameof(table));

    private static readonly ConcurrentDictionary<string, string[]> OptionalFilters = new();

    private static readonly ConcurrentDictionary<(string Sql, string Shape), string> Statements = new();

    /// <summary>The columns before the list's own: data_revision, then one per check.</summary>
    public static int HeaderColumns(int checks) => 1 + checks;

    /// <summary>
    /// The statement for a list's SQL, shaped for one request. The header's columns come first, then the list's; with
    /// no row found, one row whose list columns are null (a nested loop is the only join PostgreSQL has for ON true,
    /// and it keeps the inner rows in the list's order).
    /// <para>
    /// Shaped, because the statement is prepared, and a prepared statement's generic plan knows neither a parameter
    /// LIMIT (PostgreSQL then plans for a tenth of the rows: a sort of all of them) nor which optional filters are
    /// given. So the limit is written into the text, and each optional filter, written
    /// <c>(@name::type IS NULL OR condition)</c>, becomes <c>true</c> when its parameter is null and
    /// <c>(condition)</c> when it is not: the same rows, by a plan that uses the keyset's index (the first page of a
    /// filtered list ran at about a fifth of the literal query's rate in pgbench).
    /// </para>
    /// </summary>
    /// <param name="listSql">The list's keyset query: ORDER BY and LIMIT @limit, with a non-null first column.</param>
    /// <param name="checks">SQL expressions the header reads too.</param>
    /// <param name="gates">
    /// Conditions on the parameters alone that must hold for the rows to be worth reading (a request they fail is
    /// refused): PostgreSQL tests them once, before it reads any row.
    /// </param>
    /// <param name="limit">The rows to read.</param>
    /// <param name="isNull">Whether the parameter of that name is null in this request.</param>
    /// <param name="tables">The tables the list declares it reads, whose revision is the page's; null for that of all.</param>
    public static string For(string listSql, IReadOnlyList<string> checks, IReadOnlyList<string> gates, int limit, Func<string, bool> isNull, IReadOnlyList<string>? tables)
    {
        var optional = OptionalFilters.GetOrAdd(listSql, sql => [.. OptionalFilter().Matches(sql).Select(match => match.Groups["name"].Value).Distinct()]);
        // Cached without the limit, which takes 500 values: the shapes a cache keeps stay as few as the filters' combinations.
        var shape = string.Join(",", optional.Where(isNull)) + "|" + string.Join(",", checks) + "|" + string.Join(",", gates) + "|" + (tables is null ? "*" : string.Join(",", tables));
        return Statements.GetOrAdd((listSql, shape), _ => $"""
            SELECT {(tables is null ? DataRevision : TablesDataRevision(tables))} AS data_revision{string.Concat(checks.Select((check, index) => $", {check} AS check_{index}"))}, page.*
              FROM (SELECT) AS header
              LEFT JOIN LATERAL (
            SELECT * FROM (
            {WithoutNullFilters(listSql, isNull)}
              ) AS rows WHERE {(gates.Count == 0 ? "true" : string.Join(" AND ", gates))}
              ) AS page ON true
            """).Replace("@limit", limit.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static string WithoutNullFilters(string sql, Func<string, bool> isNull)
    {
        var text = new StringBuilder();
        var position = 0;
        for (var match = OptionalFilter().Match(sql, position); match.Success; match = OptionalFilter().Match(sql, position))
        {
            text.Append(sql, position, match.Index - position);
            if (isNull(match.Groups["name"].Value))
            {
                text.Append("true");
                position = ClosingParenthesis(sql, match.Index) + 1;
            }
            else
            {
                text.Append('(');
                position = match.Index + match.Length;
            }
        }
        return text.Append(sql, position, sql.Length - position).ToString();
    }

    private static int ClosingParenthesis(string sql, int opening)
    {
        var depth = 0;
        for (var index = opening; index < sql.Length; index++)
        {
            depth += sql[index] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return index;
            }
        }
        throw new ArgumentException($"An optional filter at {opening} is not closed: {sql}", nameof(sql));
    }

    /// <summary>The start of an optional filter, <c>(@name::type IS NULL OR </c>.</summary>
    [GeneratedRegex(@"\(@(?<name>\w+)::[\w\[\]]+ IS NULL OR ")]
    private static partial Regex OptionalFilter();

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex Identifier();
}
