using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using Dapper;
using Npgsql;
using SummitApi.Platform.Catalog;
using SummitApi.Resources;
using SummitApi.Resources.ReadoutDifferences;
using SummitApi.Resources.Readouts;

namespace SummitApi.Exports;

/// <summary>A field whose value must be the primary key of a record of another data set (or be null).</summary>
internal sealed record ForeignKey(string Field, string Resource);

/// <summary>
/// One data set of an export: its records are those the API serves, read in primary-key order (which the
/// deltas rely on) from a server-side cursor a batch at a time, so memory stays bounded by a batch.
/// </summary>
internal abstract class ExportDataset(string name, string[] primaryKey, string countSql, ForeignKey[] foreignKeys, string? sql, string? table)
{
    /// <summary>Rows per FETCH for a table's records; data sets whose records embed children read fewer at a time.</summary>
    protected const int BatchSize = 1000;

    /// <summary>The file name stem and the data package's resource name, e.g. readout-statements.</summary>
    public string Name => name;

    public IReadOnlyList<string> PrimaryKey => primaryKey;

    public IReadOnlyList<ForeignKey> ForeignKeys => foreignKeys;

    /// <summary>Counts the records, so that progress can tell the time left.</summary>
    public string CountSql => countSql;

    public abstract JsonTypeInfo TypeInfo { get; }

    /// <summary>The record's fields in the JSON's order.</summary>
    public IEnumerable<string> Fields => TypeInfo.Properties.Select(property => property.Name);

    /// <summary>The columns of the CSV and Parquet files: the scalar fields first, then the JSON-valued ones.</summary>
    public IReadOnlyList<ExportColumn> Columns => field ??= ExportColumn.Of(TypeInfo);

    /// <summary>The query whose rows are the records as they are, when there is one: COPY can write the CSV from it.</summary>
    public string? Sql => sql;

    /// <summary>The table whose rows are the records, when there is one: its columns' references to vocabularies become enum constraints.</summary>
    public string? Table => table;

    /// <summary>Hands every record to the writer in primary-key order; yields the size of each batch written.</summary>
    /// <param name="betweenBatches">Called before each batch is read, when no record of the previous batch is referenced any more.</param>
    public abstract IAsyncEnumerable<int> WriteAsync(NpgsqlConnection connection, DatasetWriter writer, Action betweenBatches, CancellationToken cancellationToken);

    /// <summary>
    /// Reads a query through a cursor of the open transaction, so other queries can run between batches. Every batch is
    /// the same list, emptied before the next FETCH and <paramref name="betweenBatches"/>: a batch's records are garbage by
    /// then (the enumerators around this one would otherwise keep the last batch they were handed).
    /// </summary>
    protected static async IAsyncEnumerable<IReadOnlyList<T>> BatchesAsync<T>(
        NpgsqlConnection connection, string cursor, string sql, int batchSize, Action betweenBatches, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition($"DECLARE {cursor} NO SCROLL CURSOR FOR {sql}", cancellationToken: cancellationToken));
        var batch = new List<T>(batchSize);
        while (true)
        {
            batch.Clear();
            betweenBatches();
            batch.AddRange(await connection.QueryAsync<T>(new CommandDefinition($"FETCH FORWARD {batchSize} FROM {cursor}", cancellationToken: cancellationToken)));
            if (batch.Count > 0)
            {
                yield return batch;
            }
            if (batch.Count < batchSize)
            {
                break;
            }
        }
        await connection.ExecuteAsync(new CommandDefinition($"CLOSE {cursor}", cancellationToken: cancellationToken));
    }
}

internal sealed class ExportDataset<T>(
    string name, string[] primaryKey, string countSql, ForeignKey[] foreignKeys, JsonTypeInfo<T> typeInfo,
    Func<NpgsqlConnection, string, Action, CancellationToken, IAsyncEnumerable<IReadOnlyList<T>>> read, string? sql = null, string? table = null)
    : ExportDataset(name, primaryKey, countSql, foreignKeys, sql, table)
{
    public override JsonTypeInfo TypeInfo => typeInfo;

    public override async IAsyncEnumerable<int> WriteAsync(NpgsqlConnection connection, DatasetWriter writer, Action betweenBatches, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in read(connection, "export_" + Name.Replace('-', '_'), betweenBatches, cancellationToken))
        {
            foreach (var record in batch)
            {
                writer.Write(record, typeInfo);
            }
            await writer.EndBatchAsync(cancellationToken);
            yield return batch.Count;
        }
    }

    /// <summary>Reads a feature's own query as it is.</summary>
    public static Func<NpgsqlConnection, string, Action, CancellationToken, IAsyncEnumerable<IReadOnlyList<T>>> Query(string sql) =>
        (connection, cursor, betweenBatches, cancellationToken) => BatchesAsync<T>(connection, cursor, sql, BatchSize, betweenBatches, cancellationToken);

    /// <summary>
    /// Reads a feature's query and completes each batch as its endpoint does. A completed record holds its children
    /// (a readout its statements, a summit's differences every stance), so <paramref name="batchSize"/> rows at a time
    /// is what bounds the memory.
    /// </summary>
    public static Func<NpgsqlConnection, string, Action, CancellationToken, IAsyncEnumerable<IReadOnlyList<T>>> Query<TRow>(
        string sql, int batchSize, Func<NpgsqlConnection, IReadOnlyList<TRow>, Task<IReadOnlyList<T>>> complete) =>
        (connection, cursor, betweenBatches, cancellationToken) => Completed(connection, cursor, sql, batchSize, complete, betweenBatches, cancellationToken);

    private static async IAsyncEnumerable<IReadOnlyList<T>> Completed<TRow>(
        NpgsqlConnection connection, string cursor, string sql, int batchSize, Func<NpgsqlConnection, IReadOnlyList<TRow>, Task<IReadOnlyList<T>>> complete,
        Action betweenBatches, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One list for every batch, emptied once written, as BatchesAsync does: no completed record outlives its batch.
        var completed = new List<T>(batchSize);
        await foreach (var rows in BatchesAsync<TRow>(connection, cursor, sql, batchSize, betweenBatches, cancellationToken))
        {
            completed.AddRange(await complete(connection, rows));
            yield return completed;
            completed.Clear();
        }
    }
}

/// <summary>
/// The data sets of an export, in the order they are written (referenced before referencing): one for each entry of the
/// catalog, as its <see cref="RecordExport{TRecord}"/> describes it, and the readout differences, computed from the
/// data sets they are written after.
/// </summary>
internal static class ExportDatasets
{
    /// <summary>The data sets the readout differences are computed from: the differences are written after the last of them.</summary>
    private static readonly string[] ReadoutDifferencesSources = ["outcomes", "readouts", "readout-statements"];

    // After the field above: static fields are initialized in the order they are written.
    public static readonly IReadOnlyList<ExportDataset> All = Of(ResourceCatalog.Instance);

    private static List<ExportDataset> Of(IResourceCatalog catalog)
    {
        var datasets = catalog.Records.Select(resource => resource.Accept(RecordDataset.Instance)).ToList();
        datasets.Insert(datasets.FindLastIndex(dataset => ReadoutDifferencesSources.Contains(dataset.Name)) + 1, ReadoutDifferences());
        return datasets;
    }

    private static ExportDataset<ReadoutDifferenceRecord> ReadoutDifferences() =>
        new("readout-differences", ["summitId", "topic"],
            // One record per topic that a statement or an outcome of the summit touches, as Compute makes them.
            """
            SELECT count(*) FROM (
                SELECT r.summit_id, s.topic FROM readout_statement s JOIN readout r ON r.id = s.readout_id
                UNION
                SELECT summit_id, topic FROM outcome) topics
            """,
            [new ForeignKey("summitId", "summits")],
            ExportJson.Records.ReadoutDifferenceRecord, ExportDataset<ReadoutDifferenceRecord>.Query<string>(ReadoutQueries.AllSummitIdsForExport, 10, ReadoutDifferencesOfAsync));

    /// <summary>The data set of one catalog entry: its records in primary-key order, serialized by the resource's own serializers.</summary>
    private sealed class RecordDataset : IRecordResourceVisitor<ExportDataset>
    {
        public static readonly RecordDataset Instance = new();

        public ExportDataset Visit<TInput, TRecord>(RecordResource<TInput, TRecord> resource)
            where TInput : class
            where TRecord : class
        {
            var export = resource.Export;
            var typeInfo = ExportJson.Records.For<TRecord>();
            ForeignKey[] foreignKeys = [.. export.ForeignKeys.Select(key => new ForeignKey(key.Field, key.Resource))];
            var countSql = $"SELECT count(*) FROM {resource.Table}";
            return export.Complete is { } complete
                ? new ExportDataset<TRecord>(resource.Path, ["id"], countSql, foreignKeys, typeInfo,
                    ExportDataset<TRecord>.Query(export.Sql, export.CompletedBatchSize, complete), table: resource.Table)
                : new ExportDataset<TRecord>(resource.Path, ["id"], countSql, foreignKeys, typeInfo, ExportDataset<TRecord>.Query(export.Sql), export.Sql, resource.Table);
        }
    }

    private static async Task<IReadOnlyList<ReadoutDifferenceRecord>> ReadoutDifferencesOfAsync(NpgsqlConnection connection, IReadOnlyList<string> summitIds)
    {
        var records = new List<ReadoutDifferenceRecord>();
        foreach (var summitId in summitIds)
        {
            var differences = await ReadoutDifferenceQuery.ComputeAsync(connection, summitId)
                ?? throw new InvalidOperationException($"Summit {summitId} vanished inside one snapshot.");
            records.AddRange(differences.Items.Select(item => new ReadoutDifferenceRecord
            {
                SummitId = summitId, Topic = item.Topic, Classification = item.Classification, Stances = item.Stances,
            }));
        }
        return records;
    }
}
