namespace SummitApi.Platform.Data;

/// <summary>What a change set wrote to one table: the ids of the records it changed, or null for "any of them".</summary>
public sealed record TableWrite(string Table, IReadOnlyList<string>? RecordIds);
