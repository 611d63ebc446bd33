using System.Text.Json;
using Parquet;
using Parquet.Schema;

namespace SummitApi.Exports;

/// <summary>One column's Parquet field and the values buffered for the current row group.</summary>
internal abstract class ParquetColumn(DataField dataField, Func<object, object?> get)
{
    private const int DecimalPrecision = 38;
    private const int DecimalScale = 9;

    public virtual Field Field => dataField;

    protected DataField DataField => dataField;

    /// <summary>Buffers the column's value of <paramref name="record"/>; returns how many characters of text that added.</summary>
    public int AddFrom(object record) => Add(get(record));

    protected abstract int Add(object? value);

    /// <summary>Writes the buffered values into the row group and forgets them.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken);

    public static ParquetColumn For(ExportColumn column)
    {
        var property = column.Property;
        var get = property.Get ?? throw new InvalidOperationException($"{property.Name} has no getter.");
        var name = column.Name;
        var nullable = column.IsNullable;
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return column.Kind switch
        {
            ColumnKind.Text => new ParquetTextColumn(new DataField<string>(name, nullable), get, (value, text) =>
            {
                if (value is string s)
                {
                    text.Add(s);
                }
                else
                {
                    text.AddNull();
                }
            }),
            ColumnKind.Json => new ParquetTextColumn(new DataField<string>(name, nullable), get, JsonOf(property.Options.GetTypeInfo(property.PropertyType))),
            ColumnKind.Boolean => new ParquetValueColumn<bool>(new DataField<bool>(name, nullable), get, value => (bool)value),
            ColumnKind.Integer => new ParquetValueColumn<long>(new DataField<long>(name, nullable), get, value => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
            ColumnKind.Number => new ParquetValueColumn<decimal>(new DecimalDataField(name, DecimalPrecision, DecimalScale, isNullable: nullable), get,
                value => value is double d ? (decimal)d : (decimal)value),
            ColumnKind.Date => new ParquetValueColumn<DateOnly>(new DataField<DateOnly>(name, nullable), get, value => (DateOnly)value),
            ColumnKind.Timestamp => new ParquetValueColumn<DateTime>(new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, DateTimeTimeUnit.Micros, nullable), get,
                value => value is DateTimeOffset offset ? offset.UtcDateTime : ((DateTime)value).ToUniversalTime()),
            ColumnKind.TextList => new ParquetTextListColumn(name, get),
            _ => throw new InvalidOperationException($"{name}: no Parquet type for {type}."),
        };
    }

    private static Action<object?, ParquetTextBuffer> JsonOf(System.Text.Json.Serialization.Metadata.JsonTypeInfo typeInfo) => (value, text) =>
    {
        if (value is null)
        {
            text.AddNull();
        }
        else
        {
            text.AddJson(value, typeInfo);
        }
    };
}

/// <summary>
/// Text is copied into one buffer of characters per column, reused from row group to row group, and written as slices
/// of it: the records' own strings are let go at once. Held until the row group is written, they would outlive the
/// garbage collector's young generations and pile up as old garbage (the export's memory grew by a hundred MB so).
/// </summary>
internal sealed class ParquetTextColumn(DataField field, Func<object, object?> get, Action<object?, ParquetTextBuffer> append) : ParquetColumn(field, get)
{
    private readonly ParquetTextBuffer _text = new();

    protected override int Add(object? value)
    {
        var before = _text.Chars;
        append(value, _text);
        return _text.Chars - before;
    }

    public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
    {
        await rowGroup.WriteAsync<ReadOnlyMemory<char>>(DataField, _text.Values(), cancellationToken: cancellationToken);
        _text.Clear();
    }
}

/// <summary>The values of a text column for one row group: their characters end to end, and where each starts and ends.</summary>
internal sealed class ParquetTextBuffer
{
    private readonly System.Buffers.ArrayBufferWriter<byte> _json = new();
    private readonly Utf8JsonWriter _jsonWriter;
    private char[] _chars = new char[1 << 12];
    private readonly List<(int Start, int Length)> _values = [];

    public ParquetTextBuffer() => _jsonWriter = new Utf8JsonWriter(_json, new JsonWriterOptions { Encoder = ExportJson.Records.Options.Encoder, SkipValidation = true });

    public int Chars { get; private set; }

    public void AddNull() => _values.Add((-1, 0));

    public void Add(ReadOnlySpan<char> text)
    {
        Reserve(text.Length);
        text.CopyTo(_chars.AsSpan(Chars));
        _values.Add((Chars, text.Length));
        Chars += text.Length;
    }

    /// <summary>Adds a value as its JSON text, serialized as the record's own JSON serializes it.</summary>
    public void AddJson(object value, System.Text.Json.Serialization.Metadata.JsonTypeInfo typeInfo)
    {
        _json.ResetWrittenCount();
        _jsonWriter.Reset(_json);
        JsonSerializer.Serialize(_jsonWriter, value, typeInfo);
        _jsonWriter.Flush();
        var length = System.Text.Encoding.UTF8.GetCharCount(_json.WrittenSpan);
        Reserve(length);
        System.Text.Encoding.UTF8.GetChars(_json.WrittenSpan, _chars.AsSpan(Chars));
        _values.Add((Chars, length));
        Chars += length;
    }

    public ReadOnlyMemory<char>?[] Values() =>
        [.. _values.Select(v => v.Start < 0 ? (ReadOnlyMemory<char>?)null : _chars.AsMemory(v.Start, v.Length))];

    public void Clear()
    {
        _values.Clear();
        Chars = 0;
    }

    private void Reserve(int length)
    {
        if (Chars + length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Chars + length));
        }
    }
}

internal sealed class ParquetValueColumn<T>(DataField field, Func<object, object?> get, Func<object, T> convert) : ParquetColumn(field, get) where T : struct
{
    private readonly List<T?> _values = [];

    protected override int Add(object? value)
    {
        _values.Add(value is null ? null : convert(value));
        return 0;
    }

    public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
    {
        if (DataField.IsNullable)
        {
            await rowGroup.WriteAsync<T>(DataField, _values.ToArray(), cancellationToken: cancellationToken);
        }
        else
        {
            await rowGroup.WriteAsync<T>(DataField, _values.Select(v => v!.Value).ToArray(), cancellationToken: cancellationToken);
        }
        _values.Clear();
    }
}

/// <summary>
/// LIST&lt;STRING&gt;, written as Parquet stores it: the elements of every row in one run, with repetition levels (0
/// starts a row, 1 continues its list) and definition levels (an element, an empty list, or a null list). The
/// elements' characters are copied into a reused buffer, as <see cref="ParquetTextColumn"/> does.
/// </summary>
internal sealed class ParquetTextListColumn : ParquetColumn
{
    private readonly ListField _list;
    private readonly ParquetTextBuffer _elements = new();
    private readonly List<int> _definitions = [];
    private readonly List<int> _repetitions = [];

    public ParquetTextListColumn(string name, Func<object, object?> get) : this(new DataField<string>("element", nullable: false), name, get)
    {
    }

    private ParquetTextListColumn(DataField element, string name, Func<object, object?> get) : base(element, get) => _list = new ListField(name, element);

    public override Field Field => _list;

    protected override int Add(object? value)
    {
        var element = DataField.MaxDefinitionLevel;
        if (value is not IEnumerable<string> list)
        {
            _definitions.Add(element - 2);
            _repetitions.Add(0);
            return 0;
        }
        var before = _elements.Chars;
        var first = true;
        foreach (var item in list)
        {
            _elements.Add(item);
            _definitions.Add(element);
            _repetitions.Add(first ? 0 : 1);
            first = false;
        }
        if (first)
        {
            _definitions.Add(element - 1);
            _repetitions.Add(0);
        }
        return _elements.Chars - before;
    }

    public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
    {
        ReadOnlyMemory<char>[] elements = [.. _elements.Values().Select(e => e!.Value)];
        await rowGroup.WriteAllPartsAsync<ReadOnlyMemory<char>>(DataField, elements, _definitions.ToArray(), _repetitions.ToArray(), cancellationToken);
        _elements.Clear();
        _definitions.Clear();
        _repetitions.Clear();
    }
}
