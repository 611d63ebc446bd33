namespace SummitApi.Exports;

/// <summary>What an export holds: its manifest.json, as GET /api/v1/exports and /api/v1/exports/latest serve it.</summary>
public sealed record ExportManifest
{
    /// <summary>The UTC time the export was made, to the second; also its folder's name.</summary>
    /// <example>20261123T020000Z</example>
    public required string ExportId { get; init; }
    /// <summary>When its database snapshot was taken (RFC 3339, UTC).</summary>
    public required DateTime CreatedAt { get; init; }
    /// <summary>The version of the files' layout and fields (semantic versioning; see the README).</summary>
    /// <example>2.0.0</example>
    public required string SchemaVersion { get; init; }
    /// <summary>The newest change set the snapshot holds: the position in the change feed the export reflects.</summary>
    /// <example>1</example>
    public required long DataRevision { get; init; }
    /// <summary>
    /// The change feed's position at dataRevision: GET /api/v1/changes?since={changesSince} lists exactly the changes made
    /// after this export, however many exports ago it was. Null only in exports made before schema version 2.0.0.
    /// </summary>
    public string? ChangesSince { get; init; }
    /// <summary>The export the deltas are taken against; null for the first export (its deltas add every record).</summary>
    public string? PreviousExportId { get; init; }
    /// <summary>Every file of the export but manifest.json itself: the data sets in JSON, NDJSON, CSV and Parquet, the deltas, datapackage.json and SHA256SUMS.</summary>
    public required IReadOnlyList<ExportFile> Files { get; init; }
    /// <summary>Per data set, how many records the deltas add, change and remove.</summary>
    public required IReadOnlyList<ExportDelta> Deltas { get; init; }
}

/// <summary>One file of an export.</summary>
public sealed record ExportFile
{
    /// <summary>Its path inside the export, as GET /api/v1/exports/{exportId}/{file} takes it.</summary>
    /// <example>concessions.csv</example>
    public required string Name { get; init; }
    /// <example>4711</example>
    public required long Bytes { get; init; }
    /// <summary>The SHA-256 of its bytes, in lowercase hex; also its ETag.</summary>
    public required string Sha256 { get; init; }
    /// <summary>How many records it holds (not lines: a CSV field may span lines); null for datapackage.json and SHA256SUMS.</summary>
    /// <example>9</example>
    public long? Rows { get; init; }
}

/// <summary>How one data set changed since the previous export.</summary>
public sealed record ExportDelta
{
    /// <example>concessions</example>
    public required string Dataset { get; init; }
    /// <example>deltas/concessions.ndjson</example>
    public required string File { get; init; }
    public required long Added { get; init; }
    public required long Changed { get; init; }
    public required long Removed { get; init; }
}

/// <summary>One readout-differences record: one topic of a summit as GET /api/v1/summits/{summitId}/readout-differences compares it.</summary>
public sealed record ReadoutDifferenceRecord
{
    /// <summary>The summit whose readouts are compared.</summary>
    /// <example>busan-2025</example>
    public required string SummitId { get; init; }
    /// <summary>The topic compared (a topics code).</summary>
    /// <example>taiwan</example>
    public required string Topic { get; init; }
    /// <summary>consistent, conflicting, one_sided, absent_from_all or unattributed.</summary>
    /// <example>absent_from_all</example>
    public required string Classification { get; init; }
    /// <summary>Each party's stance on the topic (asserts, not_mentioned, not_reported, no_readout) with its basis.</summary>
    public required IReadOnlyList<SummitApi.Resources.ReadoutDifferences.PartyStanceDto> Stances { get; init; }
}

/// <summary>An export that was started (or joined) on request.</summary>
/// <param name="ExportId">The export's id: its UTC start time, e.g. 20261123T020000Z.</param>
/// <param name="Manifest">Where its manifest will be once it is published (404 until then).</param>
public sealed record ExportAccepted(string ExportId, string Manifest);
