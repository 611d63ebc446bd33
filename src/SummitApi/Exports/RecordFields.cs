using System.Text;
using System.Text.Json;

namespace SummitApi.Exports;

/// <summary>
/// The fields of one record's JSON, found in one pass over its bytes: for each field, null, a string's text (UTF-8,
/// unescaped) or the JSON text of any other value (a number, a boolean, a nested record or list, as it stands in the
/// record). The CSV written record by record and Parquet's JSON-valued columns take their values from here, as slices
/// of bytes already serialized, rather than as strings made for each value or a second serialization of it: for the
/// readouts and readout differences, whose records are hundreds of kilobytes, those were the export's largest garbage.
/// </summary>
internal sealed class RecordFields(string dataset, IReadOnlyList<string> names)
{
    private readonly (int Start, int Length, bool Unescaped)[] _fields = new (int, int, bool)[names.Count];
    private byte[] _unescaped = new byte[1 << 10];
    private int _unescapedLength;
    private ReadOnlyMemory<byte> _record;

    /// <summary>Finds the fields of <paramref name="record"/>, which must be those of the record type, in its order.</summary>
    public void Read(ReadOnlyMemory<byte> record)
    {
        _record = record;
        _unescapedLength = 0;
        var reader = new Utf8JsonReader(record.Span);
        reader.Read();
        var index = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (index >= names.Count || !reader.ValueTextEquals(names[index]))
            {
                throw new InvalidOperationException($"{dataset}: field '{reader.GetString()}' is not field {index + 1} of the record type.");
            }
            reader.Read();
            _fields[index++] = reader.TokenType switch
            {
                JsonTokenType.Null => (-1, 0, false),
                JsonTokenType.String when reader.ValueIsEscaped => Unescape(ref reader),
                JsonTokenType.String => ((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length, false),
                JsonTokenType.StartObject or JsonTokenType.StartArray => RawValue(ref reader),
                _ => ((int)reader.TokenStartIndex, reader.ValueSpan.Length, false),
            };
        }
        if (index != names.Count)
        {
            throw new InvalidOperationException($"{dataset}: a record has {index} fields, its type {names.Count}.");
        }
    }

    public bool IsNull(int field) => _fields[field].Start < 0;

    /// <summary>The field's value as UTF-8: a string's text, or the JSON text of any other value; empty for null.</summary>
    public ReadOnlySpan<byte> Utf8(int field)
    {
        var (start, length, unescaped) = _fields[field];
        return start < 0 ? default : unescaped ? _unescaped.AsSpan(start, length) : _record.Span.Slice(start, length);
    }

    /// <summary>The number of UTF-16 characters of the field's value.</summary>
    public int CharCount(int field) => Encoding.UTF8.GetCharCount(Utf8(field));

    /// <summary>Writes the field's value as UTF-16 into <paramref name="destination"/>, which holds <see cref="CharCount"/> characters; returns how many it wrote.</summary>
    public int CopyChars(int field, Span<char> destination) => Encoding.UTF8.GetChars(Utf8(field), destination);

    private (int, int, bool) Unescape(ref Utf8JsonReader reader)
    {
        // Unescaping never lengthens a string.
        var room = reader.ValueSpan.Length;
        if (_unescapedLength + room > _unescaped.Length)
        {
            Array.Resize(ref _unescaped, Math.Max(_unescaped.Length * 2, _unescapedLength + room));
        }
        var start = _unescapedLength;
        var length = reader.CopyString(_unescaped.AsSpan(start));
        _unescapedLength += length;
        return (start, length, true);
    }

    private static (int, int, bool) RawValue(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return (start, (int)reader.BytesConsumed - start, false);
    }
}
