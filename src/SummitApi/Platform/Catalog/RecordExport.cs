using Npgsql;

namespace SummitApi.Platform.Catalog;

/// <summary>
/// How a resource's records make a data set of the exports, named after the resource's path: read in primary-key order
/// (which the deltas rely on) by a query of the resource's own, and serialized by the resource's own serializers.
/// </summary>
/// <typeparam name="TRecord">The representation GET serves, which is also the exported record.</typeparam>
public sealed class RecordExport<TRecord>
    where TRecord : class
{
    /// <summary>The query whose rows are the records as GET serves them, ordered by id.</summary>
    public required string Sql { get; init; }

    /// <summary>The fields that must hold the id of a record of another data set (named by that resource's path), or be null.</summary>
    public IReadOnlyList<(string Field, string Resource)> ForeignKeys { get; init; } = [];

    /// <summary>
    /// For records that embed children (a readout its statements): completes a batch of the query's rows as the resource's
    /// endpoint does. The rows are then not the records, so the CSV cannot be copied straight from the query.
    /// </summary>
    public Func<NpgsqlConnection, IReadOnlyList<TRecord>, Task<IReadOnlyList<TRecord>>>? Complete { get; init; }

    /// <summary>Records per batch when they are completed: a completed record holds its children, so this bounds the memory.</summary>
    public int CompletedBatchSize { get; init; } = 50;
}
