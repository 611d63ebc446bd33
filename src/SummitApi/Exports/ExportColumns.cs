using System.Text.Json.Serialization.Metadata;

namespace SummitApi.Exports;

/// <summary>What a field of a record holds, which decides its type in the CSV's Table Schema and in Parquet.</summary>
internal enum ColumnKind
{
    Text,
    Boolean,
    Integer,
    Number,
    Date,
    Timestamp,
    /// <summary>A list of codes or ids: JSON text in the CSV, LIST&lt;STRING&gt; in Parquet.</summary>
    TextList,
    /// <summary>A nested record or a list of them: JSON text in both the CSV and Parquet.</summary>
    Json,
}

/// <summary>One column of a data set's CSV and Parquet files: a field of its records.</summary>
/// <param name="Property">The field.</param>
/// <param name="Field">Where the field stands in the record's JSON (the columns have an order of their own).</param>
/// <param name="Kind">What the field holds.</param>
internal sealed record ExportColumn(JsonPropertyInfo Property, int Field, ColumnKind Kind)
{
    public string Name => Property.Name;

    /// <summary>False for the fields every record has a value for (the Table Schema's required).</summary>
    public bool IsNullable => Property.IsGetNullable;

    /// <summary>Whether the CSV holds the value as JSON text.</summary>
    public bool IsJsonInCsv => Kind is ColumnKind.TextList or ColumnKind.Json;

    /// <summary>
    /// Whether the CSV quotes the value (when there is one): text and JSON text always are, numbers, booleans and dates
    /// never. Dialect sniffers (Python's csv.Sniffer behind csvkit) count the characters around quoted fields; without
    /// this, the colons and spaces of JSON text outnumber the commas in a file's first kilobyte.
    /// </summary>
    public bool IsQuotedInCsv => Kind is ColumnKind.Text or ColumnKind.TextList or ColumnKind.Json;

    /// <summary>
    /// The columns of a record type: the scalar fields first and the JSON-valued ones last, each group in the JSON's
    /// order. Dialect sniffers (Python's csv.Sniffer behind csvkit, DuckDB's) read the first rows; put first, JSON text
    /// full of quotes, commas and colons fills them and misleads the guess.
    /// </summary>
    public static IReadOnlyList<ExportColumn> Of(JsonTypeInfo type)
    {
        var columns = type.Properties.Select((property, field) => new ExportColumn(property, field, KindOf(property.PropertyType))).ToList();
        return [.. columns.Where(c => !c.IsJsonInCsv), .. columns.Where(c => c.IsJsonInCsv)];
    }

    private static ColumnKind KindOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => ColumnKind.Text,
            _ when type == typeof(bool) => ColumnKind.Boolean,
            _ when type == typeof(int) || type == typeof(long) => ColumnKind.Integer,
            _ when type == typeof(decimal) || type == typeof(double) => ColumnKind.Number,
            _ when type == typeof(DateOnly) => ColumnKind.Date,
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => ColumnKind.Timestamp,
            _ when typeof(IEnumerable<string>).IsAssignableFrom(type) => ColumnKind.TextList,
            _ => ColumnKind.Json,
        };
    }
}
