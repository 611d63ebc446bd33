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
    private readonly string[] _fields;
    private readonly int[] _csvPositions;
    private readonly CsvQuoting[] _csvQuoting;
    private readonly string?[] _csvRecord;
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
        _fields = [.. dataset.Fields];
        var columns = dataset.Columns.Select(column => column.Name).ToList();
        _csvPositions = [.. _fields.Select(field => columns.IndexOf(field))];
        _csvQuoting = [.. dataset.Columns.Select(column => column.IsQuotedInCsv ? CsvQuoting.Always : CsvQuoting.WhenNeeded)];
        _csvRecord = new string?[_fields.Length];
        _json = files.Create(Path.Combine(folder, JsonFile(dataset)));
        _ndjson = files.Create(Path.Combine(folder, NdjsonFile(dataset)));
        if (writeCsv)
        {
            _csvFile = files.Create(Path.Combine(folder, CsvFile(dataset)));
            _csv = CsvWriter.Create(_csvFile, CsvOptions, leaveOpen: true);
            foreach (var column in columns)
            {
                _csv.WriteField(column, CsvQuoting.Always);
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
        if (_csv is not null)
        {
            using var document = JsonDocument.Parse(_record.WrittenMemory);
            WriteCsvRecord(_csv, document.RootElement);
        }
        _delta.Next(RecordKey.Of(bytes, _dataset.PrimaryKey), bytes);
        _parquet.Add(record!);
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
    // as JSON writes them, null as an empty field (never quoted), nested values as JSON text.
    private void WriteCsvRecord(CsvWriter csv, JsonElement record)
    {
        var index = 0;
        foreach (var property in record.EnumerateObject())
        {
            if (index >= _fields.Length || property.Name != _fields[index])
            {
                throw new InvalidOperationException($"{_dataset.Name}: field '{property.Name}' is not field {index + 1} of the record type.");
            }
            var value = property.Value;
            _csvRecord[_csvPositions[index]] = value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => value.GetString(),
                _ => value.GetRawText(),
            };
            index++;
        }
        if (index != _fields.Length)
        {
            throw new InvalidOperationException($"{_dataset.Name}: a record has {index} fields, its type {_fields.Length}.");
        }
        for (var i = 0; i < _csvRecord.Length; i++)
        {
            csv.WriteField(_csvRecord[i], _csvRecord[i] is null ? CsvQuoting.WhenNeeded : _csvQuoting[i]);
        }
        csv.EndRecord();
    }
}
