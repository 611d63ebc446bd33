using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CsvHelper;

namespace SummitApi.Exports;

/// <summary>
/// Writes one data set's records, as they arrive, to &lt;dataset&gt;.json and .ndjson, to its delta against the
/// previous export, to its .parquet (a row group at a time) and to its .csv unless COPY writes that
/// (<see cref="CsvCopy"/>): one pass, nothing held but the record at hand and the Parquet row group being filled.
/// </summary>
internal sealed class DatasetWriter : IAsyncDisposable
{
    private static readonly CsvWriterOptions CsvOptions = new() { NewLine = "\r\n" };

    private readonly ExportDataset _dataset;
    private readonly RecordFields _recordFields;
    private readonly ExportColumn[] _csvColumns;
    private char[] _csvChars = new char[1 << 10];
    private readonly Stream _json;
    private readonly Stream _ndjson;
    private readonly Stream? _csvFile;
    private readonly CsvWriter? _csv;
    private readonly DeltaWriter _delta;
    private readonly ParquetDatasetWriter _parquet;
    private readonly ArrayBufferWriter<byte> _record = new(4096);
    private readonly Utf8JsonWriter _recordWriter;

    private DatasetWriter(ExportDataset dataset, ExportFileSystem files, string folder, string? previousNdjson, bool writeCsv, ParquetDatasetWriter parquet)
    {
        _parquet = parquet;
        _dataset = dataset;
        _recordFields = new RecordFields(dataset.Name, [.. dataset.Fields]);
        _csvColumns = [.. dataset.Columns];
        _json = files.Create(Path.Combine(folder, JsonFile(dataset)));
        _ndjson = files.Create(Path.Combine(folder, NdjsonFile(dataset)));
        if (writeCsv)
        {
            _csvFile = files.Create(Path.Combine(folder, CsvFile(dataset)));
            _csv = CsvWriter.Create(_csvFile, CsvOptions, leaveOpen: true);
            foreach (var column in _csvColumns)
            {
                _csv.WriteField(column.Name, CsvQuoting.Always);
            }
            _csv.EndRecord();
        }
        _delta = new DeltaWriter(dataset, files.Create(Path.Combine(folder, DeltaFile(dataset))), previousNdjson);
        _recordWriter = new Utf8JsonWriter(_record, new JsonWriterOptions { Encoder = ExportJson.Records.Options.Encoder, SkipValidation = true });
    }

    public static string JsonFile(ExportDataset dataset) => dataset.Name + ".json";
    public static string NdjsonFile(ExportDataset dataset) => dataset.Name + ".ndjson";
    public static string CsvFile(ExportDataset dataset) => dataset.Name + ".csv";
    public static string ParquetFile(ExportDataset dataset) => dataset.Name + ".parquet";
    public static string DeltaFile(ExportDataset dataset) => "deltas/" + dataset.Name + ".ndjson";

    /// <param name="previousNdjson">The previous export's NDJSON file of this data set, or null when there is none.</param>
    /// <param name="writeCsv">False when COPY writes the CSV.</param>
    public static async Task<DatasetWriter> CreateAsync(
        ExportDataset dataset, ExportFileSystem files, string folder, string? previousNdjson, bool writeCsv, CancellationToken cancellationToken)
    {
        var parquet = await ParquetDatasetWriter.CreateAsync(dataset, files.Create(Path.Combine(folder, ParquetFile(dataset))), cancellationToken);
        return new(dataset, files, folder, previousNdjson, writeCsv, parquet);
    }

    public long Rows { get; private set; }

    public DeltaCounts Delta => _delta.Counts;

    public void Write<T>(T record, JsonTypeInfo<T> typeInfo)
    {
        _record.ResetWrittenCount();
        _recordWriter.Reset(_record);
        JsonSerializer.Serialize(_recordWriter, record, typeInfo);
        var bytes = _record.WrittenSpan;

        _json.Write(Rows == 0 ? "[\n"u8 : ",\n"u8);
        _json.Write(bytes);
        _ndjson.Write(bytes);
        _ndjson.Write("\n"u8);
        _recordFields.Read(_record.WrittenMemory);
        if (_csv is not null)
        {
            WriteCsvRecord(_csv);
        }
        _delta.Next(RecordKey.Of(bytes, _dataset.PrimaryKey), bytes);
        _parquet.Add(record!, _recordFields);
        Rows++;
    }

    /// <summary>Called after each batch of records: the Parquet file writes a row group once it has enough of them.</summary>
    public Task EndBatchAsync(CancellationToken cancellationToken) => _parquet.FlushIfFullAsync(cancellationToken);

    /// <summary>Ends every file and makes it durable: an export is only published once its bytes are on disk.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        _json.Write(Rows == 0 ? "[]\n"u8 : "\n]\n"u8);
        _delta.Complete();
        await _parquet.CompleteAsync(cancellationToken);
        if (_csv is not null)
        {
            await _csv.FlushAsync(cancellationToken);
        }
        foreach (var stream in new[] { _json, _ndjson, _csvFile, _delta.Output }.OfType<Stream>())
        {
            await ExportFileSystem.SyncAsync(stream, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_csv is not null)
        {
            await _csv.DisposeAsync();
        }
        await _recordWriter.DisposeAsync();
        _delta.Dispose();
        await _parquet.DisposeAsync();
        foreach (var stream in new[] { _json, _ndjson, _csvFile }.OfType<Stream>())
        {
            await stream.DisposeAsync();
        }
    }

    // The columns are the JSON fields, scalars first (ExportColumn.Of): text as it is and quoted, numbers and booleans
    // as JSON writes them, null as an empty field (never quoted), nested values as JSON text; each from the record's
    // own JSON, as characters in a reused buffer rather than a string per value.
    private void WriteCsvRecord(CsvWriter csv)
    {
        foreach (var column in _csvColumns)
        {
            if (_recordFields.IsNull(column.Field))
            {
                csv.WriteField((string?)null, CsvQuoting.WhenNeeded);
                continue;
            }
            var length = _recordFields.CharCount(column.Field);
            if (length > _csvChars.Length)
            {
                _csvChars = new char[Math.Max(length, _csvChars.Length * 2)];
            }
            _recordFields.CopyChars(column.Field, _csvChars);
            csv.WriteField(_csvChars.AsSpan(0, length), column.IsQuotedInCsv ? CsvQuoting.Always : CsvQuoting.WhenNeeded);
        }
        csv.EndRecord();
    }
}
