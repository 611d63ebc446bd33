using System.Globalization;
using System.Text.Json.Nodes;

namespace SummitApi.Exports;

/// <summary>
/// datapackage.json: a Frictionless Tabular Data Package. Each data set is two resources with one Table Schema: its CSV
/// file (named as the data set) and its Parquet file (the data set's name and "-parquet"). The schema holds every field's
/// type, description and constraints (required; enum for vocabulary codes), the primary key and the foreign keys.
/// </summary>
internal static class DataPackage
{
    public const string ParquetSuffix = "-parquet";

    public static JsonObject Describe(
        DateTime createdAt, IReadOnlyList<ExportDataset> datasets, IReadOnlyDictionary<string, ExportFile> files, ExportDescriptions descriptions, ExportLicense license)
    {
        var licence = new JsonObject { ["name"] = license.Name, ["title"] = license.Title };
        if (license.Path is { Length: > 0 } path)
        {
            licence["path"] = path;
        }
        return new()
        {
            ["profile"] = "tabular-data-package",
            ["name"] = "summitapi",
            ["title"] = "SummitApi: sourced data about the outcomes of leaders' summits",
            ["description"] = "What was agreed at leaders' summits, who conceded what to whom, and how each side's readout differs, every record citing its sources with verbatim excerpts. Each data set is a CSV file and a Parquet file with the same records; docs/exports.md in the SummitApi repository describes both.",
            // The export's schema version: docs/exports/CHANGELOG.md says what each version changed.
            ["version"] = ExportService.SchemaVersion,
            ["created"] = createdAt.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["licenses"] = new JsonArray(licence),
            ["resources"] = new JsonArray([
                .. datasets.Select(dataset => Csv(dataset, files[DatasetWriter.CsvFile(dataset)], descriptions)),
                .. datasets.Select(dataset => Parquet(dataset, files[DatasetWriter.ParquetFile(dataset)], descriptions)),
            ]),
        };
    }

    private static JsonObject Csv(ExportDataset dataset, ExportFile file, ExportDescriptions descriptions)
    {
        var resource = Resource(dataset.Name, dataset, file, descriptions, "csv", "text/csv", suffix: "");
        resource["encoding"] = "utf-8";
        resource["dialect"] = new JsonObject
        {
            ["delimiter"] = ",",
            ["lineTerminator"] = "\r\n",
            ["quoteChar"] = "\"",
            ["doubleQuote"] = true,
            ["header"] = true,
        };
        return resource;
    }

    private static JsonObject Parquet(ExportDataset dataset, ExportFile file, ExportDescriptions descriptions) =>
        Resource(dataset.Name + ParquetSuffix, dataset, file, descriptions, "parquet", "application/vnd.apache.parquet", ParquetSuffix);

    private static JsonObject Resource(string name, ExportDataset dataset, ExportFile file, ExportDescriptions descriptions, string format, string mediaType, string suffix)
    {
        var schema = new JsonObject
        {
            ["fields"] = new JsonArray([.. dataset.Columns.Select(column => Field(dataset, column, descriptions))]),
            // No text in the data is empty (the validation refuses it), so an empty CSV cell is always a null.
            ["missingValues"] = new JsonArray(""),
            ["primaryKey"] = new JsonArray([.. dataset.PrimaryKey.Select(field => JsonValue.Create(field))]),
        };
        if (dataset.ForeignKeys.Count > 0)
        {
            // The Table Schema profile refuses an empty foreignKeys array.
            schema["foreignKeys"] = new JsonArray([.. dataset.ForeignKeys.Select(key => new JsonObject
            {
                ["fields"] = key.Field,
                ["reference"] = new JsonObject { ["resource"] = key.Resource + suffix, ["fields"] = "id" },
            })]);
        }
        var resource = new JsonObject
        {
            ["name"] = name,
            ["path"] = file.Name,
            ["profile"] = "tabular-data-resource",
            ["format"] = format,
            ["mediatype"] = mediaType,
            ["bytes"] = file.Bytes,
            ["hash"] = "sha256:" + file.Sha256,
            ["schema"] = schema,
        };
        if (descriptions.Of(dataset) is { } description)
        {
            resource["description"] = description;
        }
        return resource;
    }

    private static JsonObject Field(ExportDataset dataset, ExportColumn column, ExportDescriptions descriptions)
    {
        var field = new JsonObject { ["name"] = column.Name, ["type"] = TypeOf(column) };
        if (descriptions.Of(dataset, column) is { } description)
        {
            field["description"] = description;
        }
        var constraints = new JsonObject();
        if (!column.IsNullable)
        {
            constraints["required"] = true;
        }
        if (descriptions.CodesOf(dataset, column) is { } codes)
        {
            constraints["enum"] = new JsonArray([.. codes.Select(code => JsonValue.Create(code))]);
        }
        if (constraints.Count > 0)
        {
            field["constraints"] = constraints;
        }
        return field;
    }

    /// <summary>The Table Schema type of a field; lists and nested records are JSON text in the CSV, typed array or object.</summary>
    private static string TypeOf(ExportColumn column) => column.Kind switch
    {
        ColumnKind.Text => "string",
        ColumnKind.Boolean => "boolean",
        ColumnKind.Integer => "integer",
        ColumnKind.Number => "number",
        ColumnKind.Date => "date",
        ColumnKind.Timestamp => "datetime",
        ColumnKind.TextList => "array",
        _ => typeof(System.Collections.IEnumerable).IsAssignableFrom(column.Property.PropertyType) ? "array" : "object",
    };
}
