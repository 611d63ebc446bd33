using System.Globalization;
using System.Text.Json.Nodes;
using DuckDB.NET.Data;
using SummitApi.Exports;
using SummitApi.Tests.Ecosystem;
using static SummitApi.Tests.Exports.ExportTestKit;

namespace SummitApi.Tests.Exports;

/// <summary>
/// An export as analysts open it, with readers this project did not write and no options: DuckDB reads every Parquet
/// and CSV file, pandas and csvkit every CSV, and one question gets the same answer from the Parquet and the CSV files.
/// </summary>
public class ExportInAnalystsToolsTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>, IAsyncLifetime
{
    /// <summary>What each side conceded at Busan, with amounts and units: the question an analyst asks first.</summary>
    private const string BusanConcessions = """
        SELECT p.name AS side, c.id, c.action, c.instrument,
               CAST(c.valueBefore AS DOUBLE) AS valueBefore, CAST(c.valueAfter AS DOUBLE) AS valueAfter, c.unit,
               CAST(c.effectiveDate AS DATE) AS effectiveDate, c.effectiveDatePrecision, c.duration
          FROM concessions c
          JOIN parties p ON p.id = c.giver
          JOIN summits s ON s.id = c.summitId
         WHERE s.id = 'busan-2025'
         ORDER BY side, c.id
        """;

    private readonly string _directory = NewDirectory();
    private ExportManifest _manifest = null!;
    private JsonNode _package = null!;

    private string Folder => Path.Combine(_directory, _manifest.ExportId);

    public async Task InitializeAsync()
    {
        _manifest = await Exporter(factory, _directory).ExportAsync();
        _package = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Folder, ExportStore.DataPackageFile)))!;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public void DuckDB_reads_every_parquet_file_with_its_row_count_and_the_types_of_the_data_package()
    {
        using var duckdb = OpenDuckDB();
        foreach (var dataset in Datasets)
        {
            var file = Path.Combine(Folder, $"{dataset}.parquet");
            Assert.Equal(_manifest.Files.Single(f => f.Name == $"{dataset}.parquet").Rows, Scalar<long>(duckdb, $"SELECT count(*) FROM read_parquet('{file}')"));
            var types = Describe(duckdb, $"read_parquet('{file}')");
            Assert.Equal(FieldsOf(dataset).Select(f => f.Name), types.Keys);
            foreach (var (name, type) in FieldsOf(dataset))
            {
                Assert.True(IsParquetTypeOf(type, types[name]), $"{dataset}.parquet: {name} is {types[name]}, its data package type {type}");
            }
        }

        var concessions = Describe(duckdb, $"read_parquet('{Path.Combine(Folder, "concessions.parquet")}')");
        Assert.Equal(("VARCHAR", "DECIMAL(38,9)", "BOOLEAN", "DATE", "VARCHAR[]", "VARCHAR"),
            (concessions["id"], concessions["valueBefore"], concessions["approximate"], concessions["effectiveDate"], concessions["exchangedFor"], concessions["citations"]));
        // Nulls stay nulls, and nested records are JSON text DuckDB's json functions read.
        var json = ReadJsonArray(Path.Combine(Folder, "concessions.json"));
        Assert.Equal(json.Count(c => c!["effectiveDate"] is null),
            Scalar<long>(duckdb, $"SELECT count(*) FROM read_parquet('{Path.Combine(Folder, "concessions.parquet")}') WHERE effectiveDate IS NULL"));
        Assert.Equal(json.Sum(c => c!["citations"]!.AsArray().Count),
            Scalar<long>(duckdb, $"SELECT CAST(sum(json_array_length(citations)) AS BIGINT) FROM read_parquet('{Path.Combine(Folder, "concessions.parquet")}')"));
        Assert.Equal(json.Sum(c => c!["exchangedFor"]!.AsArray().Count),
            Scalar<long>(duckdb, $"SELECT CAST(sum(len(exchangedFor)) AS BIGINT) FROM read_parquet('{Path.Combine(Folder, "concessions.parquet")}')"));
    }

    [Fact]
    public void DuckDB_reads_every_csv_file_without_options_finding_its_header_its_rows_and_typed_booleans_dates_and_numbers()
    {
        using var duckdb = OpenDuckDB();
        foreach (var dataset in Datasets)
        {
            var file = Path.Combine(Folder, $"{dataset}.csv");
            Assert.Equal(_manifest.Files.Single(f => f.Name == $"{dataset}.csv").Rows, Scalar<long>(duckdb, $"SELECT count(*) FROM read_csv('{file}')"));
            var types = Describe(duckdb, $"read_csv('{file}')");
            Assert.Equal(FieldsOf(dataset).Select(f => f.Name), types.Keys);
            var records = ReadJsonArray(Path.Combine(Folder, $"{dataset}.json"));
            foreach (var (name, type) in FieldsOf(dataset))
            {
                // A column with no value at all has nothing to infer a type from; DuckDB reads it as text.
                var allNull = records.All(r => r![name] is null);
                Assert.True(allNull || IsCsvTypeOf(type, types[name]), $"{dataset}.csv: {name} is {types[name]}, its data package type {type}");
            }
        }
    }

    [Fact]
    public void DuckDB_reads_every_json_ndjson_and_delta_file_with_its_row_count()
    {
        using var duckdb = OpenDuckDB();
        foreach (var file in _manifest.Files.Where(f => f.Name.EndsWith(".json", StringComparison.Ordinal) || f.Name.EndsWith(".ndjson", StringComparison.Ordinal)))
        {
            if (file.Rows is { } rows && rows > 0)
            {
                Assert.Equal(rows, Scalar<long>(duckdb, $"SELECT count(*) FROM read_json('{Path.Combine(Folder, file.Name)}')"));
            }
        }
    }

    [Fact]
    public void The_same_query_over_the_parquet_and_over_the_csv_files_answers_what_each_side_conceded_at_Busan()
    {
        using var duckdb = OpenDuckDB();
        var fromParquet = Query(duckdb, BusanConcessions, "read_parquet", "parquet");
        var fromCsv = Query(duckdb, BusanConcessions, "read_csv", "csv");

        Assert.Equal(fromParquet, fromCsv);
        Assert.Equal(ReadJsonArray(Path.Combine(Folder, "concessions.json")).Count(c => c!["summitId"]!.GetValue<string>() == "busan-2025"), fromParquet.Count);
        Assert.Equal(["China", "United States"], fromParquet.Select(row => row[0]).Distinct());
        Assert.Contains(fromParquet, row => row[1] == "us-fentanyl-tariff-cut" && row[4] == "20" && row[5] == "10" && row[6] == "percent");
    }

    [Fact]
    public async Task Pandas_and_csvkit_read_every_csv_without_options_finding_its_header_and_every_row()
    {
        await AnalystTools.EnsureInstalledAsync();

        var run = await EcosystemTools.RunAsync(AnalystTools.Python, [Path.Combine(EcosystemTools.Directory, "read-csv-by-default.py"), Folder]);

        Assert.True(run.ExitCode == 0, $"pandas or csvkit reads a CSV wrongly: {run}");
        var files = JsonNode.Parse(run.Output)!["files"]!.AsObject();
        Assert.Equal(Datasets.Select(d => $"{d}.csv").Order(StringComparer.Ordinal), files.Select(f => f.Key).Order(StringComparer.Ordinal));
    }

    private static DuckDBConnection OpenDuckDB()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    private List<(string Name, string Type)> FieldsOf(string dataset) =>
        [.. _package["resources"]!.AsArray().Single(r => r!["name"]!.GetValue<string>() == dataset)!["schema"]!["fields"]!.AsArray()
            .Select(f => (f!["name"]!.GetValue<string>(), f["type"]!.GetValue<string>()))];

    private static bool IsParquetTypeOf(string tableSchemaType, string duckdbType) => tableSchemaType switch
    {
        "string" => duckdbType == "VARCHAR",
        "boolean" => duckdbType == "BOOLEAN",
        "integer" => duckdbType == "BIGINT",
        "number" => duckdbType == "DECIMAL(38,9)",
        "date" => duckdbType == "DATE",
        "datetime" => duckdbType == "TIMESTAMP WITH TIME ZONE",
        // Lists of codes and ids are lists; nested records are JSON text.
        "array" => duckdbType is "VARCHAR[]" or "VARCHAR",
        _ => duckdbType == "VARCHAR",
    };

    private static bool IsCsvTypeOf(string tableSchemaType, string duckdbType) => tableSchemaType switch
    {
        "boolean" => duckdbType == "BOOLEAN",
        "integer" => duckdbType == "BIGINT",
        "number" => duckdbType is "BIGINT" or "DOUBLE" || duckdbType.StartsWith("DECIMAL", StringComparison.Ordinal),
        "date" => duckdbType == "DATE",
        "datetime" => duckdbType.StartsWith("TIMESTAMP", StringComparison.Ordinal),
        // Text is text, though a text column whose every value looks like a number or a date is read as one: only
        // Parquet (or the data package's schema) carries the type of such a column.
        _ => true,
    };

    private static T Scalar<T>(DuckDBConnection duckdb, string sql)
    {
        using var command = duckdb.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>Each column's name and DuckDB type, in order.</summary>
    private static Dictionary<string, string> Describe(DuckDBConnection duckdb, string source)
    {
        using var command = duckdb.CreateCommand();
        command.CommandText = $"DESCRIBE SELECT * FROM {source}";
        using var reader = command.ExecuteReader();
        var columns = new Dictionary<string, string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0), reader.GetString(1));
        }
        return columns;
    }

    /// <summary>Runs a query over views of the export's files of one format; each value as text, null as null.</summary>
    private List<string?[]> Query(DuckDBConnection duckdb, string sql, string reader, string extension)
    {
        using var command = duckdb.CreateCommand();
        foreach (var dataset in new[] { "concessions", "parties", "summits" })
        {
            command.CommandText = $"CREATE OR REPLACE VIEW {dataset} AS SELECT * FROM {reader}('{Path.Combine(Folder, $"{dataset}.{extension}")}')";
            command.ExecuteNonQuery();
        }
        command.CommandText = sql;
        using var rows = command.ExecuteReader();
        var result = new List<string?[]>();
        while (rows.Read())
        {
            result.Add([.. Enumerable.Range(0, rows.FieldCount).Select(i => rows.IsDBNull(i) ? null : Convert.ToString(rows.GetValue(i), CultureInfo.InvariantCulture))]);
        }
        return result;
    }
}
