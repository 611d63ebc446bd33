using Parquet;
using Parquet.Schema;

namespace SummitApi.Exports;

/// <summary>
/// Writes a data set's records to &lt;dataset&gt;.parquet with real types: text as STRING, booleans as BOOLEAN, integers
/// as INT64, numbers as DECIMAL(38, 9), dates as DATE (beside their precision column, as in every other file),
/// timestamps as TIMESTAMP in UTC, lists of codes and ids as LIST&lt;STRING&gt;, and nested records (citations, stances,
/// a readout's statements) as their JSON text, the same text the CSV holds. Null is null. Records are buffered by
/// column and written a row group at a time, so memory is bounded by one row group, not by the data set.
/// </summary>
internal sealed class ParquetDatasetWriter : IAsyncDisposable
{
    /// <summary>A row group ends after this many records, or after <see cref="RowGroupChars"/> characters of text, whichever comes first.</summary>
    private const int RowGroupRows = 50_000;

    // Readouts embed their statements and every record its citations: a row group is bounded by its text, so that the
    // export's memory stays within bench/run's target (2 MB of UTF-16 text, a couple of thousand concessions).
    private const long RowGroupChars = 1 << 20;

    private readonly Stream _file;
    private readonly ParquetWriter _writer;
    private readonly ParquetColumn[] _columns;
    private bool _completed;
    private int _rows;

    private ParquetDatasetWriter(Stream file, ParquetWriter writer, ParquetColumn[] columns)
    {
        _file = file;
        _writer = writer;
        _columns = columns;
    }

    public static async Task<ParquetDatasetWriter> CreateAsync(ExportDataset dataset, Stream file, CancellationToken cancellationToken)
    {
        ParquetColumn[] columns = [.. dataset.Columns.Select(ParquetColumn.For)];
        var options = new ParquetOptions
        {
            // Parquet.Net pools its buffers; unbounded by default, the pool would keep the largest row group's memory for good.
            MaximumSmallPoolFreeBytes = 2 << 20,
            MaximumLargePoolFreeBytes = 8 << 20,
        };
        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(columns.Select(c => c.Field)), file, options, append: false, cancellationToken);
        return new ParquetDatasetWriter(file, writer, columns);
    }

    public long Rows { get; private set; }

    /// <param name="record">The record.</param>
    /// <param name="fields">The same record's JSON, read.</param>
    public void Add(object record, RecordFields fields)
    {
        foreach (var column in _columns)
        {
            column.Add(record, fields);
        }
        _rows++;
        Rows++;
    }

    /// <summary>Writes the buffered records as a row group once there are enough of them.</summary>
    public Task FlushIfFullAsync(CancellationToken cancellationToken) =>
        _rows >= RowGroupRows || _columns.Sum(column => column.Chars) >= RowGroupChars ? FlushAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Writes what is buffered and the file's footer; the caller then makes the file durable.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        // An empty data set still gets a row group, so readers find every column with its type.
        if (_rows > 0 || Rows == 0)
        {
            await FlushAsync(cancellationToken);
        }
        _completed = true;
        await _writer.DisposeAsync();
        await ExportFileSystem.SyncAsync(_file, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing the writer writes the footer: once is all a file gets, and a failed export's file is deleted anyway.
        if (!_completed)
        {
            await _writer.DisposeAsync();
        }
        await _file.DisposeAsync();
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        using (var rowGroup = _writer.CreateRowGroup())
        {
            foreach (var column in _columns)
            {
                await column.WriteAsync(rowGroup, cancellationToken);
            }
            rowGroup.CompleteValidate();
        }
        _rows = 0;
    }
}
