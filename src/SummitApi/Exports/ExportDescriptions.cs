using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Dapper;
using Npgsql;
using SummitApi.Resources.ReadoutDifferences;
using SummitApi.Resources.Vocabularies;
using SummitApi.Platform.Validation;

namespace SummitApi.Exports;

/// <summary>
/// What datapackage.json says about each data set and field beyond its type: the descriptions of the record types'
/// XML documentation (the file the OpenAPI document takes its descriptions from, so both say the same), and the codes
/// a vocabulary-coded field may hold, read inside the export's snapshot.
/// </summary>
internal sealed partial class ExportDescriptions(IReadOnlyDictionary<string, string> documentation, IReadOnlyDictionary<(string Dataset, string Field), IReadOnlyList<string>> codes)
{
    /// <summary>The columns of the record tables that reference a vocabulary table, and the vocabulary they reference.</summary>
    private const string VocabularyReferences = """
        SELECT c.conrelid::regclass::text AS "table", a.attname AS "column", c.confrelid::regclass::text AS vocabulary
          FROM pg_constraint c
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
         WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 AND c.confrelid::regclass::text = ANY (@vocabularies)
        """;

    // The fields whose record types leave them undocumented; their text is written here, in the voice of the others.
    private static readonly Dictionary<string, string> Undocumented = new()
    {
        ["id"] = "A readable slug, or any unique string.",
        ["name"] = "Its name as the sources give it.",
        ["title"] = "Its title, in the sources' words or a short neutral one.",
        ["publisher"] = "Who published the document; null when the document does not say.",
        ["url"] = "Where the document is published; null when the document does not say.",
        ["place"] = "Where it took place; null when not stated.",
        ["description"] = "What happened, in a sentence.",
        ["valueBefore"] = "The value of the metric before the concession, in unit; null when the sources give none.",
        ["valueAfter"] = "The value of the metric after the concession, in unit; null when the sources give none.",
        ["citations"] = "The sources that support the record, each with a verbatim excerpt of at most 400 characters: JSON text, a list of {sourceId, excerpt}.",
        ["sourceId"] = "The source cited.",
        ["recordId"] = "The id of the record the citation supports.",
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>Reads the documentation file beside the assembly and the vocabulary codes of the snapshot <paramref name="connection"/> is in.</summary>
    public static async Task<ExportDescriptions> LoadAsync(NpgsqlConnection connection, IReadOnlyList<ExportDataset> datasets, CancellationToken cancellationToken)
    {
        var vocabularies = VocabularyList.All.Select(v => v.Table).ToArray();
        var references = (await connection.QueryAsync<(string Table, string Column, string Vocabulary)>(
            new CommandDefinition(VocabularyReferences, new { vocabularies }, cancellationToken: cancellationToken))).ToList();
        var terms = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var vocabulary in references.Select(r => r.Vocabulary).Distinct())
        {
            // The name comes from VocabularyList.All (the query's filter), never from data.
            terms[vocabulary] = [.. await connection.QueryAsync<string>(new CommandDefinition(
                $"SELECT code FROM {vocabularies.Single(v => v == vocabulary)} ORDER BY code COLLATE \"C\"", cancellationToken: cancellationToken))];
        }

        // A field with a table column's name takes that column's vocabulary; one that no table holds (a concession's
        // topic, which is its outcome's; a readout difference's) takes the vocabulary every column of its name references.
        var byField = references.GroupBy(r => CsvCopy.CamelCase(r.Column)).Where(g => g.Select(r => r.Vocabulary).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Vocabulary);
        var codes = new Dictionary<(string, string), IReadOnlyList<string>>();
        foreach (var dataset in datasets)
        {
            foreach (var column in dataset.Columns.Where(c => c.Kind == ColumnKind.Text))
            {
                var vocabulary = references.FirstOrDefault(r => r.Table == dataset.Table && CsvCopy.CamelCase(r.Column) == column.Name).Vocabulary
                    ?? byField.GetValueOrDefault(column.Name);
                IReadOnlyList<string>? allowed = vocabulary is not null ? terms[vocabulary]
                    : column.Name.EndsWith("DatePrecision", StringComparison.Ordinal) ? RuleExtensions.DatePrecisions
                    : column.Name.EndsWith("DateQualifier", StringComparison.Ordinal) ? RuleExtensions.DateQualifiers
                    : dataset.TypeInfo.Type == typeof(ReadoutDifferenceRecord) && column.Name == "classification" ? DifferenceClassifier.Classifications
                    : null;
                if (allowed is not null)
                {
                    codes[(dataset.Name, column.Name)] = allowed;
                }
            }
        }
        return new ExportDescriptions(ReadDocumentation(), codes);
    }

    // Null for a type or field nobody documented: the export goes on without the description, and the tests
    // (ExportInUsersToolsTests) fail until one is written.
    public string? Of(ExportDataset dataset) => documentation.GetValueOrDefault($"T:{dataset.TypeInfo.Type.FullName}");

    public string? Of(ExportDataset dataset, ExportColumn column)
    {
        var property = column.Property.AttributeProvider as PropertyInfo ?? dataset.TypeInfo.Type.GetProperty(PascalCase(column.Name));
        return (property is null ? null : documentation.GetValueOrDefault($"P:{property.DeclaringType!.FullName}.{property.Name}"))
            ?? Undocumented.GetValueOrDefault(column.Name);
    }

    /// <summary>The codes a vocabulary-coded field may hold, or null for a field that is not one.</summary>
    public IReadOnlyList<string>? CodesOf(ExportDataset dataset, ExportColumn column) => codes.GetValueOrDefault((dataset.Name, column.Name));

    /// <summary>The record types' summaries by member id, as Swashbuckle reads them: whitespace collapsed, a cref as its name.</summary>
    private static Dictionary<string, string> ReadDocumentation()
    {
        var file = Path.Combine(AppContext.BaseDirectory, typeof(ExportDescriptions).Assembly.GetName().Name + ".xml");
        var summaries = new Dictionary<string, string>();
        foreach (var member in XDocument.Load(file).Descendants("member"))
        {
            if (member.Element("summary") is { } summary)
            {
                foreach (var see in summary.Descendants("see").ToList())
                {
                    see.ReplaceWith((string?)see.Attribute("langword") ?? ((string?)see.Attribute("cref"))?.Split('.')[^1] ?? see.Value);
                }
                summaries[(string)member.Attribute("name")!] = Whitespace().Replace(summary.Value, " ").Trim();
            }
        }
        return summaries;
    }

    private static string PascalCase(string field) => char.ToUpperInvariant(field[0]) + field[1..];
}
