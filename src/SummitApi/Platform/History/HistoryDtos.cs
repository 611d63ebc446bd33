using System.Text.Json.Nodes;

namespace SummitApi.Platform.History;

/// <summary>One version of a record, as its revision history keeps it.</summary>
public sealed record RevisionDto
{
    /// <summary>1 for the create, then one more for each change; gap-free.</summary>
    public required int Version { get; init; }
    /// <summary>The data revision (change set) that made this version.</summary>
    public required long Seq { get; init; }
    /// <summary>create, update or delete.</summary>
    public required string Operation { get; init; }
    public required DateTime ValidFrom { get; init; }
    /// <summary>When the next version replaced it; null for the current one.</summary>
    public DateTime? ValidTo { get; init; }
    /// <summary>"seeds" for the curated data set, "key:&lt;key id&gt;" for an editor's write.</summary>
    public required string Author { get; init; }
    /// <summary>Why the change was made, when the writer said (X-Change-Reason).</summary>
    public string? Reason { get; init; }
    /// <summary>The record's stored fields as they stood (camelCase); null for a delete.</summary>
    public JsonObject? Body { get; init; }
}

/// <summary>One change in the change feed.</summary>
public sealed record ChangeDto
{
    /// <summary>The data revision (change set) the change belongs to; the feed is in commit order.</summary>
    public required long Seq { get; init; }
    /// <summary>The change's place within its change set.</summary>
    public required int Ordinal { get; init; }
    /// <summary>What changed: the record type, e.g. concession, readout_statement, citation, topic.</summary>
    public required string Entity { get; init; }
    public required string Id { get; init; }
    public required int Version { get; init; }
    /// <summary>create, update or delete.</summary>
    public required string Operation { get; init; }
    public required DateTime CommittedAt { get; init; }
    public required string Author { get; init; }
}

/// <summary>A page of the change feed: nextCursor is never null; poll it again for what comes next.</summary>
/// <param name="Items">Changes in commit order; empty when nothing is new yet.</param>
/// <param name="NextCursor">The position to poll from next (the same one when nothing was new).</param>
public sealed record ChangeFeedPage(IReadOnlyList<ChangeDto> Items, string NextCursor);
