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

public static class TablesReadEndpointExtensions
{
    /// <summary>Declares the tables the endpoint's answers are made from; see <see cref="TablesRead"/>.</summary>
    public static TBuilder ReadsTables<TBuilder>(this TBuilder builder, params string[] tables) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new TablesRead(tables));

    /// <summary>Declares that the endpoint reads only the record of <paramref name="table"/> its route names; see <see cref="RecordRead"/>.</summary>
    public static TBuilder ReadsOneRecordOf<TBuilder>(this TBuilder builder, string table, string routeParameter) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RecordRead(table, routeParameter));
}
