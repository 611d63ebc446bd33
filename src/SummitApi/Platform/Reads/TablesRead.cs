namespace SummitApi.Platform.Reads;

/// <summary>
/// Endpoint metadata: the tables a read's answer is made from (its records, what they embed, and what its filters
/// check). The response cache drops the read's cached answers when a change set writes one of them, and keeps them
/// through every other write. A read that declares none is dropped on every write.
/// </summary>
public sealed class TablesRead(params string[] names)
{
    public string[] Names { get; } = names;
}

/// <summary>
/// Endpoint metadata beside <see cref="TablesRead"/>: of its tables, <paramref name="table"/> is read only for the one
/// record the route parameter <paramref name="routeParameter"/> names (a GET by id). A write to another record of that
/// table leaves the read's cached answers alone.
/// </summary>
public sealed class RecordRead(string table, string routeParameter)
{
    public string Table { get; } = table;

    public string RouteParameter { get; } = routeParameter;
}

/// <summary>
/// Endpoint metadata beside <see cref="TablesRead"/>: of <paramref name="table"/>, the read takes only which records
/// exist with which values of <paramref name="columns"/> (their ids: an outcome lists the ids of its concessions). A write
/// that creates or deletes a record of the table, or changes one of those columns, drops the read's cached answers; one
/// that changes other columns leaves them.
/// </summary>
public sealed class MembershipRead(string table, params string[] columns)
{
    public string Table { get; } = table;

    public string[] Columns { get; } = columns;
}

/// <summary>
/// Endpoint metadata beside <see cref="TablesRead"/>, for a list of <paramref name="table"/> ordered by its key: a page
/// depends on the records it shows (which <see cref="ListRequest"/> reports in <see cref="ReadContext.ListedRecordIds"/>)
/// and on which records match its filters, so on the columns each filter it was given tests
/// (<paramref name="columnsByFilter"/>, by query parameter). A write that changes other columns of records the page
/// does not show leaves its cached answers; one that creates or deletes a record of the table drops them.
/// </summary>
public sealed class ListedRecords(string table, IReadOnlyDictionary<string, string[]> columnsByFilter)
{
    public string Table { get; } = table;

    public IReadOnlyDictionary<string, string[]> ColumnsByFilter { get; } = columnsByFilter;

    /// <summary>The columns the filters in <paramref name="query"/> test.</summary>
    public string[] ColumnsFilteredBy(IQueryCollection query) =>
        [.. ColumnsByFilter.Where(filter => query.ContainsKey(filter.Key)).SelectMany(filter => filter.Value).Distinct()];
}

public static class TablesReadEndpointExtensions
{
    /// <summary>Declares the tables the endpoint's answers are made from; see <see cref="TablesRead"/>.</summary>
    public static TBuilder ReadsTables<TBuilder>(this TBuilder builder, params string[] tables) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new TablesRead(tables));

    /// <summary>Declares that the endpoint reads only the record of <paramref name="table"/> its route names; see <see cref="RecordRead"/>.</summary>
    public static TBuilder ReadsOneRecordOf<TBuilder>(this TBuilder builder, string table, string routeParameter) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RecordRead(table, routeParameter));

    /// <summary>Declares that the endpoint reads of <paramref name="table"/> only which records exist with which <paramref name="columns"/>; see <see cref="MembershipRead"/>.</summary>
    public static TBuilder ReadsMembershipOf<TBuilder>(this TBuilder builder, string table, params string[] columns) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new MembershipRead(table, columns));

    /// <summary>Declares that the endpoint lists records of <paramref name="table"/>, filtered on the columns each filter names; see <see cref="ListedRecords"/>.</summary>
    public static TBuilder ListsRecordsOf<TBuilder>(this TBuilder builder, string table, IReadOnlyDictionary<string, string[]> columnsByFilter) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ListedRecords(table, columnsByFilter));
}
