namespace SummitApi.Platform.Data;

/// <summary>What a change set wrote to one table (db/0014's change_set_writes).</summary>
/// <param name="Table">The table.</param>
/// <param name="RecordIds">The ids of the records it changed, or null for "any of them".</param>
/// <param name="ChangedColumns">
/// The columns its updates changed, or null when it created or deleted a record of the table (or what changed is not
/// known): then any list of the table may have gained or lost one.
/// </param>
public sealed record TableWrite(string Table, IReadOnlyList<string>? RecordIds, IReadOnlyList<string>? ChangedColumns);
