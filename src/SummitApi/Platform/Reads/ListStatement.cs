namespace SummitApi.Platform.Reads;

/// <summary>
/// The one statement that reads a list page: a header row (the data revision, and what the request's checks read)
/// joined to the list's own SQL. One statement is one snapshot, so the revision is the one the rows were read at,
/// with no transaction around them; the join keeps the header when the page is empty.
/// </summary>
public static class ListStatement
{
    /// <summary>
    /// The data revision a list page is read at, as a SQL expression. Its cursor pins it, so later pages read what
    /// the first page saw. Under the asof views (a pinned cursor, or asOf) it is the pinned revision.
    /// </summary>
    public const string DataRevision = $"({Data.DataRevision.Sql})";

    /// <summary>The columns before the list's own: data_revision, then one per check.</summary>
    public static int HeaderColumns(int checks) => 1 + checks;

    /// <summary>
    /// The header's columns come first, then the list's; with no row found, one row whose list columns are null. A
    /// nested loop is the only join PostgreSQL has for ON true, and it keeps the inner rows in the list's order.
    /// </summary>
    /// <param name="listSql">The list's keyset query: ORDER BY and LIMIT, with a non-null first column.</param>
    /// <param name="checks">SQL expressions the header reads too.</param>
    public static string Wrap(string listSql, IEnumerable<string> checks) => $"""
        SELECT {DataRevision} AS data_revision{string.Concat(checks.Select((check, index) => $", {check} AS check_{index}"))}, page.*
          FROM (SELECT) AS header
          LEFT JOIN LATERAL (
        {listSql}
          ) AS page ON true
        """;
}
