using System.Reflection;
using System.Text.Json;
using SummitApi.Platform.Catalog;
using SummitApi.Platform.Data;
using SummitApi.Platform.Json;
using SummitApi.Platform.Validation;

namespace SummitApi.Platform.Seeding;

/// <summary>
/// The curated data set of seeds/, parsed strictly (an unknown, missing or mistyped field is an
/// error) and validated with the same rules as editorial writes. Which files hold which records is the
/// resource catalog's to say.
/// </summary>
public sealed class SeedSet
{
    public required IReadOnlyDictionary<Vocabulary, IReadOnlyList<VocabularyTerm>> Vocabularies { get; init; }

    /// <summary>Each resource's seed records (its write models), in the catalog's order.</summary>
    public required IReadOnlyList<SeedRecords> Records { get; init; }

    /// <summary>The seed files built into the service.</summary>
    public static SeedSet ReadEmbedded(IResourceCatalog resources)
    {
        var assembly = typeof(SeedSet).Assembly;
        return Read(resources, file => assembly.GetManifestResourceStream("seeds/" + file));
    }

    /// <param name="resources">What the service holds, and which seed file holds each.</param>
    /// <param name="openFile">Opens a seed file by name (e.g. "summits.json"), or null when it is missing.</param>
    public static SeedSet Read(IResourceCatalog resources, Func<string, Stream?> openFile)
    {
        var files = new SeedFiles(openFile);
        var set = new SeedSet
        {
            Vocabularies = ReadVocabularies(resources.Vocabularies, openFile),
            Records = [.. resources.Records.Select(resource => new SeedRecords(resource, resource.ReadSeeds(files)))],
        };
        set.Validate(resources.CitedRecordTypes());
        return set;
    }

    /// <summary>Every citation of every record, each with an id derived from its content so reloading finds it again.</summary>
    public IEnumerable<SeedCitation> Citations() =>
        Records.SelectMany(records => records.Inputs.SelectMany(input =>
        {
            var recordId = records.Resource.IdOf(input);
            return records.Resource.CitationsOf(input).Select(c =>
                new SeedCitation(RecordRows.CitationId(records.Resource.Table, recordId, c), c.SourceId, records.Resource.Table, recordId, c.Excerpt));
        }));

    private void Validate(IReadOnlyList<string> citedRecordTypes)
    {
        var catalog = new InMemoryReferenceCatalog(citedRecordTypes);
        foreach (var (vocabulary, terms) in Vocabularies)
        {
            foreach (var term in terms)
            {
                catalog.AddCode(vocabulary.Table, term.Code);
            }
        }
        foreach (var (resource, inputs) in Records)
        {
            var ids = inputs.Select(resource.IdOf).ToList();
            foreach (var duplicate in ids.GroupBy(id => id).Where(g => g.Count() > 1))
            {
                throw new SeedDataException(resource.SeedFile!, duplicate.Key, "id", "the id is used by more than one record");
            }
            foreach (var id in ids)
            {
                catalog.AddRecord(resource.Table, id);
            }
        }
        foreach (var (resource, inputs) in Records)
        {
            foreach (var input in inputs)
            {
                var result = resource.Validate(input, catalog);
                result.Errors.AddRange(EmptyText.Failures(input));
                if (!result.IsValid)
                {
                    var failure = result.Errors[0];
                    throw new SeedDataException(resource.SeedFile!, resource.IdOf(input), JsonNamingPolicy.CamelCase.ConvertName(failure.PropertyName), failure.ErrorMessage);
                }
            }
        }
    }

    private static IReadOnlyDictionary<Vocabulary, IReadOnlyList<VocabularyTerm>> ReadVocabularies(IReadOnlyList<Vocabulary> vocabularies, Func<string, Stream?> openFile)
    {
        const string file = "vocabularies.json";
        using var document = Parse(openFile, file);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new SeedDataException(file, null, null, "the file must hold one JSON object: vocabulary name → terms");
        }
        var byName = vocabularies.ToDictionary(v => v.Name);
        var result = new Dictionary<Vocabulary, IReadOnlyList<VocabularyTerm>>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (!byName.TryGetValue(property.Name, out var vocabulary))
            {
                throw new SeedDataException(file, null, property.Name,
                    $"unknown vocabulary; the vocabularies are {string.Join(", ", byName.Keys)}");
            }
            result[vocabulary] = DeserializeElements<VocabularyTerm>(file, property.Value, term => term.TryGetProperty("code", out var code) ? code.GetString() : null);
        }
        return result;
    }

    internal static JsonDocument Parse(Func<string, Stream?> openFile, string file)
    {
        using var stream = openFile(file) ?? throw new SeedDataException(file, null, null, "the file is missing");
        try
        {
            return JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            throw new SeedDataException(file, null, null, $"not valid JSON at line {e.LineNumber + 1}: {e.Message}");
        }
    }

    internal static List<T> DeserializeElements<T>(string file, JsonElement array, Func<JsonElement, string?> recordId)
    {
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw new SeedDataException(file, null, null, "expected a JSON array of records");
        }
        var records = new List<T>();
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var id = recordId(element) ?? $"#{index}";
            try
            {
                records.Add(element.Deserialize<T>(StrictJson.Options) ?? throw new SeedDataException(file, id, null, "the record is null"));
            }
            catch (JsonException e)
            {
                throw new SeedDataException(file, id, StrictJson.FieldOf(e), e.Message);
            }
            index++;
        }
        return records;
    }
}

/// <summary>One resource's records in the seed files.</summary>
public sealed record SeedRecords(IRecordResource Resource, IReadOnlyList<object> Inputs);

/// <summary>Reads each seed file once per type asked for (readouts.json holds the readouts and, inline, their statements).</summary>
internal sealed class SeedFiles(Func<string, Stream?> openFile) : ISeedFiles
{
    private readonly Dictionary<(string File, Type Type), object> read = [];

    public IReadOnlyList<T> Records<T>(string file)
    {
        if (!read.TryGetValue((file, typeof(T)), out var records))
        {
            using var document = SeedSet.Parse(openFile, file);
            read[(file, typeof(T))] = records = SeedSet.DeserializeElements<T>(file, document.RootElement,
                record => record.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null);
        }
        return (IReadOnlyList<T>)records;
    }
}

/// <summary>A citation row derived from a seed record.</summary>
public sealed record SeedCitation(string Id, string SourceId, string RecordType, string RecordId, string Excerpt);

/// <summary>A seed file that cannot be loaded, naming the file, the record and the field.</summary>
public sealed class SeedDataException(string file, string? recordId, string? field, string problem)
    : Exception($"seeds/{file}{(recordId is null ? "" : $", record '{recordId}'")}{(field is null ? "" : $", field '{field}'")}: {problem}")
{
    public string File { get; } = file;
    public string? RecordId { get; } = recordId;
    public string? Field { get; } = field;
}
