using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CsvHelper;

namespace SummitApi.Features.Exports;

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

/// <summary>A record's primary key values, compared field by field in the order the exports sort by.</summary>
internal sealed record RecordKey(string[] Values) : IComparable<RecordKey>
{
    /// <summary>Reads the key fields off a record's JSON, without parsing the rest into objects.</summary>
    public static RecordKey Of(ReadOnlySpan<byte> record, IReadOnlyList<string> fields)
    {
        var values = new string?[fields.Count];
        var reader = new Utf8JsonReader(record);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = IndexOf(ref reader, fields);
            reader.Read();
            if (index >= 0 && reader.TokenType == JsonTokenType.String)
            {
                values[index] = reader.GetString();
            }
            reader.Skip();
        }
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
            {
                throw new InvalidOperationException($"A record has no value for its key field '{fields[i]}'.");
            }
        }
        return new RecordKey(values!);
    }

    private static int IndexOf(ref Utf8JsonReader reader, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (reader.ValueTextEquals(fields[i]))
            {
                return i;
            }
        }
        return -1;
    }

    // Ids are ASCII (is_record_id) and topics are codes, so ordinal order is the order of COLLATE "C".
    public int CompareTo(RecordKey? other)
    {
        for (var i = 0; i < Values.Length; i++)
        {
            var order = string.CompareOrdinal(Values[i], other!.Values[i]);
            if (order != 0)
            {
                return order;
            }
        }
        return 0;
    }

    /// <summary>The "id" of a delta line: the id itself, or an object of the key fields for a composite key.</summary>
    public void WriteTo(Utf8JsonWriter writer, IReadOnlyList<string> fields)
    {
        if (Values.Length == 1)
        {
            writer.WriteStringValue(Values[0]);
            return;
        }
        writer.WriteStartObject();
        for (var i = 0; i < Values.Length; i++)
        {
            writer.WriteString(fields[i], Values[i]);
        }
        writer.WriteEndObject();
    }

    public override string ToString() => string.Join("/", Values);
}

/// <summary>How many records a delta adds, changes and removes.</summary>
internal sealed record DeltaCounts(long Added, long Changed, long Removed)
{
    public long Lines => Added + Changed + Removed;
}

/// <summary>
/// Merges the new records, in key order, with the previous export's NDJSON file, also in key order, and writes
/// one line per record added, changed (its JSON differs) or removed. Both sides stream; neither is held.
/// </summary>
internal sealed class DeltaWriter : IDisposable
{
    private readonly ExportDataset _dataset;
    private readonly StreamReader? _previous;
    private readonly Utf8JsonWriter _writer;
    private byte[]? _previousRecord;
    private RecordKey? _previousKey;
    private RecordKey? _lastKey;
    private long _added;
    private long _changed;
    private long _removed;

    public DeltaWriter(ExportDataset dataset, Stream output, string? previousNdjson)
    {
        _dataset = dataset;
        Output = output;
        _writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = ExportJson.Records.Options.Encoder, SkipValidation = true });
        if (previousNdjson is not null && File.Exists(previousNdjson))
        {
            _previous = new StreamReader(previousNdjson, new UTF8Encoding(false, true));
            Advance();
        }
    }

    public Stream Output { get; }

    public DeltaCounts Counts => new(_added, _changed, _removed);

    public void Next(RecordKey key, ReadOnlySpan<byte> record)
    {
        if (_lastKey is not null && _lastKey.CompareTo(key) >= 0)
        {
            throw new InvalidOperationException($"{_dataset.Name}: record {key} does not sort after {_lastKey}; the deltas need key order.");
        }
        _lastKey = key;
        while (_previousKey is not null && _previousKey.CompareTo(key) < 0)
        {
            Emit("remove", _previousKey, null);
            _removed++;
            Advance();
        }
        if (_previousKey is not null && _previousKey.CompareTo(key) == 0)
        {
            if (!record.SequenceEqual(_previousRecord))
            {
                Emit("change", key, record);
                _changed++;
            }
            Advance();
        }
        else
        {
            Emit("add", key, record);
            _added++;
        }
    }

    public void Complete()
    {
        while (_previousKey is not null)
        {
            Emit("remove", _previousKey, null);
            _removed++;
            Advance();
        }
        _writer.Flush();
    }

    public void Dispose()
    {
        _previous?.Dispose();
        _writer.Dispose();
        Output.Dispose();
    }

    private void Emit(string op, RecordKey key, ReadOnlySpan<byte> record)
    {
        _writer.Reset(Output);
        _writer.WriteStartObject();
        _writer.WriteString("op", op);
        _writer.WritePropertyName("id");
        key.WriteTo(_writer, _dataset.PrimaryKey);
        _writer.WritePropertyName("record");
        if (record.IsEmpty)
        {
            _writer.WriteNullValue();
        }
        else
        {
            _writer.WriteRawValue(record, skipInputValidation: true);
        }
        _writer.WriteEndObject();
        _writer.Flush();
        Output.Write("\n"u8);
    }

    private void Advance()
    {
        var line = _previous!.ReadLine();
        if (line is null)
        {
            _previousKey = null;
            _previousRecord = null;
            return;
        }
        _previousRecord = Encoding.UTF8.GetBytes(line);
        var key = RecordKey.Of(_previousRecord, _dataset.PrimaryKey);
        if (_previousKey is not null && _previousKey.CompareTo(key) >= 0)
        {
            throw new InvalidOperationException($"{_dataset.Name}: the previous export's record {key} does not sort after {_previousKey}.");
        }
        _previousKey = key;
    }
}
