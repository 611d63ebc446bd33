namespace SummitApi.Platform.Validation;

/// <summary>
/// What a record may refer to: vocabulary codes by vocabulary table, record ids by record type
/// (table name). Validators ask it, so the same rules serve the seed files and editorial writes.
/// </summary>
public interface IReferenceCatalog
{
    bool HasCode(string vocabularyTable, string code);

    bool HasRecord(string recordType, string id);

    /// <summary>The record types a citation may cite: the tables of the resources that are facts, in catalog order.</summary>
    IReadOnlyList<string> CitedRecordTypes { get; }
}

/// <summary>A catalog held in memory: the seed files build one from what they define.</summary>
public sealed class InMemoryReferenceCatalog(IReadOnlyList<string> citedRecordTypes) : IReferenceCatalog
{
    private readonly Dictionary<string, HashSet<string>> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _records = new(StringComparer.Ordinal);

    public void AddCode(string vocabularyTable, string code) => Set(_codes, vocabularyTable).Add(code);

    public void AddRecord(string recordType, string id) => Set(_records, recordType).Add(id);

    public bool HasCode(string vocabularyTable, string code) => _codes.TryGetValue(vocabularyTable, out var codes) && codes.Contains(code);

    public bool HasRecord(string recordType, string id) => _records.TryGetValue(recordType, out var ids) && ids.Contains(id);

    public IReadOnlyList<string> CitedRecordTypes => citedRecordTypes;

    private static HashSet<string> Set(Dictionary<string, HashSet<string>> sets, string key) =>
        sets.TryGetValue(key, out var set) ? set : sets[key] = new HashSet<string>(StringComparer.Ordinal);
}
