using System.Text.Json.Nodes;

namespace SummitApi.Tests.Reliability;

/// <summary>What a generated request starts from: values that make an operation succeed, so each flaw added is what it meets.</summary>
public sealed class ValidInputs
{
    /// <summary>An existing value for each path parameter (summitId → busan-2025, file → manifest.json, ...).</summary>
    public required IReadOnlyDictionary<string, string> PathValues { get; init; }

    /// <summary>The path of an existing record of each collection (/api/v1/summits → /api/v1/summits/busan-2025).</summary>
    public required IReadOnlyDictionary<string, string> ItemPaths { get; init; }

    /// <summary>The current ETag of each record path.</summary>
    public required IReadOnlyDictionary<string, string> ETags { get; init; }

    /// <summary>Each record as GET serves it, by its path.</summary>
    public required IReadOnlyDictionary<string, JsonObject> Records { get; init; }

    /// <summary>A cursor each list issued, by its path: tampered with, or used on another list, it must be refused.</summary>
    public required IReadOnlyDictionary<string, string> Cursors { get; init; }

    public required string AdminKey { get; init; }
    public required string EditorKey { get; init; }
    public required string RevokedKey { get; init; }
}
