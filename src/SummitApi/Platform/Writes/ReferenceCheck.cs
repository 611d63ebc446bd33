using Dapper;
using FluentValidation;
using FluentValidation.Results;
using SummitApi.Platform.Data;
using SummitApi.Platform.Validation;
using SummitApi.Platform.Catalog;

namespace SummitApi.Platform.Writes;

/// <summary>
/// Runs a write model's validator against the database. The rules ask synchronous questions ("does
/// topic X exist?"), so the validator runs twice: once to learn which codes and ids it asks about,
/// then, after one query per table for exactly those, with the answers.
/// </summary>
public sealed class ReferenceCheck(IResourceCatalog resources)
{
    private readonly HashSet<string> recordTables = [.. resources.Records.Select(r => r.Table)];

    private readonly HashSet<string> vocabularyTables = [.. resources.Vocabularies.Select(v => v.Table)];

    private readonly IReadOnlyList<string> citedRecordTypes = resources.CitedRecordTypes();

    public async Task<ValidationResult> ValidateAsync<T>(ChangeSet changeSet, T record, Func<IReferenceCatalog, IValidator<T>> validatorFor)
    {
        var asked = new RecordingCatalog(citedRecordTypes);
        validatorFor(asked).Validate(record);

        var known = new InMemoryReferenceCatalog(citedRecordTypes);
        foreach (var (table, codes) in asked.Codes)
        {
            var found = await changeSet.Connection.QueryAsync<string>(
                $"SELECT code FROM {Known(vocabularyTables, table)} WHERE code = ANY (@codes)", new { codes = codes.ToArray() }, changeSet.Transaction);
            foreach (var code in found)
            {
                known.AddCode(table, code);
            }
        }
        foreach (var (table, ids) in asked.Records)
        {
            var found = await changeSet.Connection.QueryAsync<string>(
                $"SELECT id FROM {Known(recordTables, table)} WHERE id = ANY (@ids)", new { ids = ids.ToArray() }, changeSet.Transaction);
            foreach (var id in found)
            {
                known.AddRecord(table, id);
            }
        }
        var result = validatorFor(known).Validate(record);
        result.Errors.AddRange(EmptyText.Failures(record!));
        return result;
    }

    // Table names come from the validators' code, never from a request; this keeps it that way.
    private static string Known(HashSet<string> tables, string table) =>
        tables.Contains(table) ? table : throw new InvalidOperationException($"'{table}' is not a table a rule may refer to.");

    /// <summary>Answers yes to everything and remembers the questions.</summary>
    private sealed class RecordingCatalog(IReadOnlyList<string> citedRecordTypes) : IReferenceCatalog
    {
        public IReadOnlyList<string> CitedRecordTypes => citedRecordTypes;

        public Dictionary<string, HashSet<string>> Codes { get; } = [];
        public Dictionary<string, HashSet<string>> Records { get; } = [];

        public bool HasCode(string vocabularyTable, string code) => Remember(Codes, vocabularyTable, code);

        public bool HasRecord(string recordType, string id) => Remember(Records, recordType, id);

        private static bool Remember(Dictionary<string, HashSet<string>> asked, string table, string key)
        {
            if (!asked.TryGetValue(table, out var keys))
            {
                asked[table] = keys = [];
            }
            keys.Add(key);
            return true;
        }
    }
}
