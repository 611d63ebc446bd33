using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SummitApi.Exports;

/// <summary>
/// The exports directory: one folder per published export, named by its id. Folders being written
/// (".tmp-…") or deleted (".trash-…") do not match an export id, so nothing lists or serves them.
/// </summary>
public sealed partial class ExportStore(IOptions<ExportOptions> options)
{
    public const string ManifestFile = "manifest.json";
    public const string DataPackageFile = "datapackage.json";
    /// <summary>Every other file's SHA-256 in the format of sha256sum, so that `sha256sum -c SHA256SUMS` checks a download.</summary>
    public const string Sha256SumsFile = "SHA256SUMS";
    private const string IdFormat = "yyyyMMdd'T'HHmmss'Z'";
    private const string TemporaryPrefix = ".tmp-";
    private const string TrashPrefix = ".trash-";

    [GeneratedRegex(@"^[0-9]{8}T[0-9]{6}Z$")]
    private static partial Regex ExportIdPattern();

    public string Directory => Path.GetFullPath(options.Value.Directory);

    public static bool IsExportId(string value) => ExportIdPattern().IsMatch(value);

    /// <summary>The id of an export made at <paramref name="createdAt"/>: its UTC time to the second, after <paramref name="previousId"/>.</summary>
    public static string NextId(DateTime createdAt, string? previousId)
    {
        var candidate = createdAt.AddTicks(-(createdAt.Ticks % TimeSpan.TicksPerSecond));
        if (previousId is not null)
        {
            var previous = DateTime.ParseExact(previousId, IdFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            if (candidate <= previous)
            {
                candidate = previous.AddSeconds(1);
            }
        }
        return candidate.ToString(IdFormat, CultureInfo.InvariantCulture);
    }

    /// <summary>The published exports, newest first.</summary>
    public IReadOnlyList<string> ExportIds()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }
        return [.. System.IO.Directory.EnumerateDirectories(Directory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => IsExportId(name) && File.Exists(Path.Combine(Directory, name, ManifestFile)))
            .OrderDescending(StringComparer.Ordinal)];
    }

    public string FolderOf(string exportId) => Path.Combine(Directory, exportId);

    /// <summary>The manifest of a published export, or null when there is no such export.</summary>
    public async Task<ExportManifest?> ReadManifestAsync(string exportId, CancellationToken cancellationToken = default)
    {
        if (!IsExportId(exportId))
        {
            return null;
        }
        try
        {
            await using var stream = File.OpenRead(Path.Combine(FolderOf(exportId), ManifestFile));
            return await JsonSerializer.DeserializeAsync(stream, ExportJson.Records.ExportManifest, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null; // never published, or pruned since it was listed
        }
    }

    public async Task<ExportManifest?> LatestAsync(CancellationToken cancellationToken = default)
    {
        foreach (var exportId in ExportIds())
        {
            if (await ReadManifestAsync(exportId, cancellationToken) is { } manifest)
            {
                return manifest;
            }
        }
        return null;
    }

    public string CreateTemporaryFolder(string exportId)
    {
        var folder = Path.Combine(Directory, $"{TemporaryPrefix}{exportId}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(folder);
        return folder;
    }

    /// <summary>Publishes a complete folder under its export id in one rename, so a reader sees all of it or none.</summary>
    public void Publish(string temporaryFolder, string exportId) => System.IO.Directory.Move(temporaryFolder, FolderOf(exportId));

    /// <summary>Deletes the folders a crashed or failed export left, and those a prune did not finish deleting.</summary>
    public void RemoveLeftovers()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return;
        }
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Directory))
        {
            var name = Path.GetFileName(folder);
            if (name.StartsWith(TemporaryPrefix, StringComparison.Ordinal) || name.StartsWith(TrashPrefix, StringComparison.Ordinal))
            {
                DeleteFolder(folder);
            }
        }
    }

    /// <summary>Deletes all but the newest <paramref name="keep"/> exports; each disappears from listings in one rename first.</summary>
    public IReadOnlyList<string> Prune(int keep)
    {
        var pruned = ExportIds().Skip(keep).ToList();
        foreach (var exportId in pruned)
        {
            var trash = Path.Combine(Directory, TrashPrefix + exportId);
            System.IO.Directory.Move(FolderOf(exportId), trash);
            DeleteFolder(trash);
        }
        return pruned;
    }

    public static void DeleteFolder(string folder)
    {
        if (System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
