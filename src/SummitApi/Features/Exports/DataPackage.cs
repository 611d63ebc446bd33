using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace SummitApi.Features.Exports;

/// <summary>
/// datapackage.json: a Frictionless Tabular Data Package whose resources are the CSV files, each with a Table
/// Schema (field types, required fields, primary and foreign keys) derived from the records' own types.
/// </summary>
internal static class DataPackage
{
    public static JsonObject Describe(DateTime createdAt, IReadOnlyList<ExportDataset> datasets, IReadOnlyDictionary<string, ExportFile> files) => new()
    {
        ["profile"] = "tabular-data-package",
        ["name"] = "summitapi",
        ["title"] = "SummitApi: sourced data about the outcomes of leaders' summits",
        ["created"] = createdAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["resources"] = new JsonArray([.. datasets.Select(dataset => Resource(dataset, files[DatasetWriter.CsvFile(dataset)]))]),
    };

    private static JsonObject Resource(ExportDataset dataset, ExportFile file)
    {
        var schema = new JsonObject
        {
            ["fields"] = new JsonArray([.. dataset.Columns.Select(column => Field(column.Property))]),
            ["missingValues"] = new JsonArray(""),
            ["primaryKey"] = new JsonArray([.. dataset.PrimaryKey.Select(field => JsonValue.Create(field))]),
        };
        if (dataset.ForeignKeys.Count > 0)
        {
            // The Table Schema profile refuses an empty foreignKeys array.
            schema["foreignKeys"] = new JsonArray([.. dataset.ForeignKeys.Select(key => new JsonObject
            {
                ["fields"] = key.Field,
                ["reference"] = new JsonObject { ["resource"] = key.Resource, ["fields"] = "id" },
            })]);
        }
        return new()
        {
            ["name"] = dataset.Name,
            ["path"] = file.Name,
            ["profile"] = "tabular-data-resource",
            ["format"] = "csv",
            ["mediatype"] = "text/csv",
            ["encoding"] = "utf-8",
            ["bytes"] = file.Bytes,
            ["hash"] = "sha256:" + file.Sha256,
            ["dialect"] = new JsonObject
            {
                ["delimiter"] = ",",
                ["lineTerminator"] = "\r\n",
                ["quoteChar"] = "\"",
                ["doubleQuote"] = true,
                ["header"] = true,
            },
            ["schema"] = schema,
        };
    }

    private static JsonObject Field(JsonPropertyInfo property)
    {
        var field = new JsonObject { ["name"] = property.Name, ["type"] = TypeOf(property.PropertyType) };
        if (!property.IsGetNullable)
        {
            field["constraints"] = new JsonObject { ["required"] = true };
        }
        return field;
    }

    /// <summary>The Table Schema type of a field; nested values are JSON text in the CSV, typed array or object.</summary>
    private static string TypeOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) => "string",
            _ when type == typeof(bool) => "boolean",
            _ when type == typeof(int) || type == typeof(long) => "integer",
            _ when type == typeof(decimal) || type == typeof(double) => "number",
            _ when type == typeof(DateOnly) => "date",
            _ when type == typeof(DateTime) || type == typeof(DateTimeOffset) => "datetime",
            _ when typeof(IEnumerable).IsAssignableFrom(type) => "array",
            _ => "object",
        };
    }
}
