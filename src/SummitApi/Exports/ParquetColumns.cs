using Parquet;
using Parquet.Schema;

namespace SummitApi.Exports;

/// <summary>
/// One column's Parquet field and the values buffered for the current row group. Every buffer is a
/// <see cref="ReusedArray{T}"/>, written as it stands with its definition levels (Parquet's nulls): a row group costs
/// no new arrays, and once the largest row group has been seen, the column allocates nothing more.
/// </summary>
internal abstract class ParquetColumn(DataField dataField)
{
    private const int DecimalPrecision = 38;
    private const int DecimalScale = 9;

    public virtual Field Field => dataField;

    protected DataField DataField => dataField;

    /// <summary>Buffers the column's value of a record.</summary>
    /// <param name="record">The record.</param>
    /// <param name="fields">The same record's JSON, read: JSON-valued columns take their text from it.</param>
    public abstract void Add(object record, RecordFields fields);

    /// <summary>The characters of text buffered for the current row group.</summary>
    public virtual int Chars => 0;

    /// <summary>Writes the buffered values into the row group and forgets them.</summary>
    public abstract Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken);

    public static ParquetColumn For(ExportColumn column)
    {
        var property = column.Property;
        var get = property.Get ?? throw new InvalidOperationException($"{property.Name} has no getter.");
        var name = column.Name;
        var nullable = column.IsNullable;
        return column.Kind switch
        {
            ColumnKind.Text => new ParquetTextColumn(new DataField<string>(name, nullable), (record, _, text) => text.Add(get(record) as string)),
            // The JSON text as the record's own JSON holds it: the same text as the CSV's, without serializing the value again.
            ColumnKind.Json => new ParquetTextColumn(new DataField<string>(name, nullable), (_, fields, text) => text.Add(fields, column.Field)),
            ColumnKind.Boolean => new ParquetValueColumn<bool>(new DataField<bool>(name, nullable), get, value => (bool)value),
            ColumnKind.Integer => new ParquetValueColumn<long>(new DataField<long>(name, nullable), get, value => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
            ColumnKind.Number => new ParquetValueColumn<decimal>(new DecimalDataField(name, DecimalPrecision, DecimalScale, isNullable: nullable), get,
                value => value is double d ? (decimal)d : (decimal)value),
            ColumnKind.Date => new ParquetValueColumn<DateOnly>(new DataField<DateOnly>(name, nullable), get, value => (DateOnly)value),
            ColumnKind.Timestamp => new ParquetValueColumn<DateTime>(new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, DateTimeTimeUnit.Micros, nullable), get,
                value => value is DateTimeOffset offset ? offset.UtcDateTime : ((DateTime)value).ToUniversalTime()),
            ColumnKind.TextList => new ParquetTextListColumn(name, get),
            _ => throw new InvalidOperationException($"{name}: no Parquet type for {property.PropertyType}."),
        };
    }

    /// <summary>Parquet's definition level of a value: its field's maximum when present, one less when null.</summary>
    protected int DefinitionOf(bool present) => present ? DataField.MaxDefinitionLevel : DataField.MaxDefinitionLevel - 1;

    /// <summary>A required field has no definition levels; a nullable one has one per value.</summary>
    // Typed null: a bare null would convert to an empty ReadOnlyMemory (through int[]), which Parquet.Net reads as zero rows.
    protected ReadOnlyMemory<int>? DefinitionsOf(ReusedArray<int> definitions) => DataField.MaxDefinitionLevel > 0 ? definitions.Memory : default(ReadOnlyMemory<int>?);
}

/// <summary>An array that grows as values are added and is cleared, never shrunk, after each row group.</summary>
internal sealed class ReusedArray<T>
{
    private T[] _items = new T[256];

    public int Count { get; private set; }

    public ReadOnlyMemory<T> Memory => _items.AsMemory(0, Count);

    public void Add(T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }
        _items[Count++] = item;
    }

    public void Clear() => Count = 0;
}

/// <summary>A STRING column: text from the record, or a JSON-valued field's text from the record's JSON.</summary>
internal sealed class ParquetTextColumn(DataField field, Action<object, RecordFields, ParquetTextBuffer> append) : ParquetColumn(field)
{
    private readonly ParquetTextBuffer _text = new();
    private readonly ReusedArray<int> _definitions = new();

    public override int Chars => _text.Chars;

    public override void Add(object record, RecordFields fields)
    {
        var values = _text.Count;
        append(record, fields, _text);
        _definitions.Add(DefinitionOf(_text.Count > values));
    }

    public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
    {
        await rowGroup.WriteAllPartsAsync(DataField, _text.Values(), DefinitionsOf(_definitions), null, cancellationToken);
        _text.Clear();
        _definitions.Clear();
    }
}

/// <summary>
/// The text values (nulls left out) of a column for one row group: their characters end to end in one buffer, and
/// where each starts and ends. The records' own strings are let go at once: held until the row group is written, they
/// would outlive the garbage collector's young generations and pile up as old garbage.
/// </summary>
internal sealed class ParquetTextBuffer
{
    private readonly ReusedArray<(int Start, int Length)> _values = new();
    private readonly ReusedArray<ReadOnlyMemory<char>> _slices = new();
    private char[] _chars = new char[1 << 12];

    public int Chars { get; private set; }

    public int Count => _values.Count;

    /// <summary>Adds a text, or nothing for null.</summary>
    public void Add(string? text)
    {
        if (text is not null)
        {
            Reserve(text.Length);
            text.CopyTo(_chars.AsSpan(Chars));
            Append(text.Length);
        }
    }

    /// <summary>Adds a field of a record's JSON (a string's text, any other value's JSON text), or nothing for null.</summary>
    public void Add(RecordFields fields, int field)
    {
        if (!fields.IsNull(field))
        {
            Reserve(fields.CharCount(field));
            Append(fields.CopyChars(field, _chars.AsSpan(Chars)));
        }
    }

    /// <summary>The values as slices of the buffer, valid until the next <see cref="Clear"/>.</summary>
    public ReadOnlyMemory<ReadOnlyMemory<char>> Values()
    {
        _slices.Clear();
        foreach (var (start, length) in _values.Memory.Span)
        {
            _slices.Add(_chars.AsMemory(start, length));
        }
        return _slices.Memory;
    }

    public void Clear()
    {
        _values.Clear();
        Chars = 0;
    }

    private void Append(int length)
    {
        _values.Add((Chars, length));
        Chars += length;
    }

    private void Reserve(int length)
    {
        if (Chars + length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Chars + length));
        }
    }
}

internal sealed class ParquetValueColumn<T>(DataField field, Func<object, object?> get, Func<object, T> convert) : ParquetColumn(field) where T : struct
{
    private readonly ReusedArray<T> _values = new();
    private readonly ReusedArray<int> _definitions = new();

    public override void Add(object record, RecordFields fields)
    {
        var value = get(record);
        if (value is not null)
        {
            _values.Add(convert(value));
        }
        _definitions.Add(DefinitionOf(value is not null));
    }

    public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
    {
        await rowGroup.WriteAllPartsAsync(DataField, _values.Memory, DefinitionsOf(_definitions), null, cancellationToken);
        _values.Clear();
        _definitions.Clear();
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
    private readonly Func<object, object?> _get;
    private readonly ParquetTextBuffer _elements = new();
    private readonly ReusedArray<int> _definitions = new();
    private readonly ReusedArray<int> _repetitions = new();

    public ParquetTextListColumn(string name, Func<object, object?> get) : this(new DataField<string>("element", nullable: false), name, get)
    {
    }

    private ParquetTextListColumn(DataField element, string name, Func<object, object?> get) : base(element)
    {
        _list = new ListField(name, element);
        _get = get;
    }

    public override Field Field => _list;

    public override int Chars => _elements.Chars;

    public override void Add(object record, RecordFields fields)
    {
        var element = DataField.MaxDefinitionLevel;
        if (_get(record) is not IEnumerable<string> list)
        {
            _definitions.Add(element - 2);
            _repetitions.Add(0);
            return;
        }
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
    }

    public override async Task WriteAsync(ParquetRowGroupWriter rowGroup, CancellationToken cancellationToken)
    {
        await rowGroup.WriteAllPartsAsync(DataField, _elements.Values(), _definitions.Memory, _repetitions.Memory, cancellationToken);
        _elements.Clear();
        _definitions.Clear();
        _repetitions.Clear();
    }
}
