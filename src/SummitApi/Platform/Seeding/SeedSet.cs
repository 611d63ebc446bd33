using System.Reflection;
using System.Text.Json;
using FluentValidation;
using SummitApi.Resources.Actors;
using SummitApi.Resources.Assessments;
using SummitApi.Resources.Concessions;
using SummitApi.Resources.ContextFigures;
using SummitApi.Resources.Outcomes;
using SummitApi.Resources.Parties;
using SummitApi.Resources.Readouts;
using SummitApi.Resources.Sources;
using SummitApi.Resources.Summits;
using SummitApi.Resources.Timeline;
using SummitApi.Resources.Vocabularies;
using SummitApi.Platform.Data;
using SummitApi.Platform.LocalPostgres;
using SummitApi.Platform.Json;
using SummitApi.Platform.Validation;

namespace SummitApi.Platform.Seeding;

/// <summary>
/// The curated data set of seeds/, parsed strictly (an unknown, missing or mistyped field is an
/// error) and validated with the same rules as editorial writes.
/// </summary>
public sealed class SeedSet
{
    public required IReadOnlyDictionary<Vocabulary, IReadOnlyList<VocabularyTerm>> Vocabularies { get; init; }
    public required IReadOnlyList<PartyInput> Parties { get; init; }
    public required IReadOnlyList<SourceInput> Sources { get; init; }
    public required IReadOnlyList<ActorInput> Actors { get; init; }
    public required IReadOnlyList<SummitInput> Summits { get; init; }
    public required IReadOnlyList<OutcomeInput> Outcomes { get; init; }
    public required IReadOnlyList<ConcessionInput> Concessions { get; init; }
    public required IReadOnlyList<ReadoutInput> Readouts { get; init; }
    public required IReadOnlyList<ReadoutStatementInput> Statements { get; init; }
    public required IReadOnlyList<EventInput> Events { get; init; }
    public required IReadOnlyList<AssessmentInput> Assessments { get; init; }
    public required IReadOnlyList<ContextFigureInput> ContextFigures { get; init; }

    /// <summary>The seed files built into the service.</summary>
    public static SeedSet ReadEmbedded()
    {
        var assembly = typeof(SeedSet).Assembly;
        return Read(file => assembly.GetManifestResourceStream("seeds/" + file));
    }

    /// <param name="openFile">Opens a seed file by name (e.g. "summits.json"), or null when it is missing.</param>
    public static SeedSet Read(Func<string, Stream?> openFile)
    {
        var vocabularies = ReadVocabularies(openFile);
        var readouts = ReadRecords<ReadoutInput>(openFile, "readouts.json");
        var statements = readouts.SelectMany(r => (r.Statements ?? []).Select(s => s with { ReadoutId = s.ReadoutId ?? r.Id })).ToList();
        var set = new SeedSet
        {
            Vocabularies = vocabularies,
            Parties = ReadRecords<PartyInput>(openFile, "parties.json"),
            Sources = ReadRecords<SourceInput>(openFile, "sources.json"),
            Actors = ReadRecords<ActorInput>(openFile, "actors.json"),
            Summits = ReadRecords<SummitInput>(openFile, "summits.json"),
            Outcomes = ReadRecords<OutcomeInput>(openFile, "outcomes.json"),
            Concessions = ReadRecords<ConcessionInput>(openFile, "concessions.json"),
            Readouts = readouts,
            Statements = statements,
            Events = ReadRecords<EventInput>(openFile, "events.json"),
            Assessments = ReadRecords<AssessmentInput>(openFile, "assessments.json"),
            ContextFigures = ReadRecords<ContextFigureInput>(openFile, "context-figures.json"),
        };
        set.Validate();
        return set;
    }

    /// <summary>Every citation of every record, each with an id derived from its content so reloading finds it again.</summary>
    public IEnumerable<SeedCitation> Citations() =>
        Actors.SelectMany(r => Cite("actor", r.Id, r.Citations))
            .Concat(Summits.SelectMany(r => Cite("summit", r.Id, r.Citations)))
            .Concat(Outcomes.SelectMany(r => Cite("outcome", r.Id, r.Citations)))
            .Concat(Concessions.SelectMany(r => Cite("concession", r.Id, r.Citations)))
            .Concat(Readouts.SelectMany(r => Cite("readout", r.Id, r.Citations)))
            .Concat(Statements.SelectMany(r => Cite("readout_statement", r.Id, r.Citations)))
            .Concat(Events.SelectMany(r => Cite("event", r.Id, r.Citations)))
            .Concat(Assessments.SelectMany(r => Cite("assessment", r.Id, r.Citations)))
            .Concat(ContextFigures.SelectMany(r => Cite("context_figure", r.Id, r.Citations)));

    private static IEnumerable<SeedCitation> Cite(string recordType, string recordId, IReadOnlyList<CitationInput> citations) =>
        citations.Select(c => new SeedCitation(RecordRows.CitationId(recordType, recordId, c), c.SourceId, recordType, recordId, c.Excerpt));

    private void Validate()
    {
        var catalog = new InMemoryReferenceCatalog();
        foreach (var (vocabulary, terms) in Vocabularies)
        {
            foreach (var term in terms)
            {
                catalog.AddCode(vocabulary.Table, term.Code);
            }
        }
        void Register(string file, string recordType, IEnumerable<string> ids)
        {
            foreach (var duplicate in ids.GroupBy(id => id).Where(g => g.Count() > 1))
            {
                throw new SeedDataException(file, duplicate.Key, "id", "the id is used by more than one record");
            }
            foreach (var id in ids)
            {
                catalog.AddRecord(recordType, id);
            }
        }
        Register("parties.json", "party", Parties.Select(p => p.Id));
        Register("sources.json", "source", Sources.Select(s => s.Id));
        Register("actors.json", "actor", Actors.Select(a => a.Id));
        Register("summits.json", "summit", Summits.Select(s => s.Id));
        Register("outcomes.json", "outcome", Outcomes.Select(o => o.Id));
        Register("concessions.json", "concession", Concessions.Select(c => c.Id));
        Register("readouts.json", "readout", Readouts.Select(r => r.Id));
        Register("readouts.json", "readout_statement", Statements.Select(s => s.Id));
        Register("events.json", "event", Events.Select(e => e.Id));
        Register("assessments.json", "assessment", Assessments.Select(a => a.Id));
        Register("context-figures.json", "context_figure", ContextFigures.Select(f => f.Id));

        foreach (var party in Parties.Where(p => !catalog.HasCode("party_kind", p.Kind)))
        {
            throw new SeedDataException("parties.json", party.Id, "kind", $"'{party.Kind}' is not a partyKinds code");
        }
        Check("sources.json", Sources, s => s.Id, new SourceInputValidator(catalog));
        Check("actors.json", Actors, a => a.Id, new ActorInputValidator(catalog));
        Check("summits.json", Summits, s => s.Id, new SummitInputValidator(catalog));
        Check("outcomes.json", Outcomes, o => o.Id, new OutcomeInputValidator(catalog));
        Check("concessions.json", Concessions, c => c.Id, new ConcessionInputValidator(catalog));
        Check("readouts.json", Readouts, r => r.Id, new ReadoutInputValidator(catalog));
        Check("readouts.json", Statements, s => s.Id, new ReadoutStatementInputValidator(catalog));
        Check("events.json", Events, e => e.Id, new EventInputValidator(catalog));
        Check("assessments.json", Assessments, a => a.Id, new AssessmentInputValidator(catalog));
        Check("context-figures.json", ContextFigures, f => f.Id, new ContextFigureInputValidator(catalog));
    }

    private static void Check<T>(string file, IEnumerable<T> records, Func<T, string> id, IValidator<T> validator)
    {
        foreach (var record in records)
        {
            var result = validator.Validate(record);
            result.Errors.AddRange(EmptyText.Failures(record!));
            if (!result.IsValid)
            {
                var failure = result.Errors[0];
                throw new SeedDataException(file, id(record), JsonNamingPolicy.CamelCase.ConvertName(failure.PropertyName), failure.ErrorMessage);
            }
        }
    }

    private static IReadOnlyDictionary<Vocabulary, IReadOnlyList<VocabularyTerm>> ReadVocabularies(Func<string, Stream?> openFile)
    {
        const string file = "vocabularies.json";
        using var document = Parse(openFile, file);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new SeedDataException(file, null, null, "the file must hold one JSON object: vocabulary name → terms");
        }
        var byName = VocabularyList.All.ToDictionary(v => v.Name);
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

    private static List<T> ReadRecords<T>(Func<string, Stream?> openFile, string file)
    {
        using var document = Parse(openFile, file);
        return DeserializeElements<T>(file, document.RootElement, record => record.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null);
    }

    private static JsonDocument Parse(Func<string, Stream?> openFile, string file)
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

    private static List<T> DeserializeElements<T>(string file, JsonElement array, Func<JsonElement, string?> recordId)
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
