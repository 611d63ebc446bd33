using System.Text;
using System.Text.Json;

namespace SummitApi.Exports;

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
