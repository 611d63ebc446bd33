namespace SummitApi.Exports;

/// <summary>Creates the files an export writes. Tests replace it to make the disk fail or stall mid-export.</summary>
public class ExportFileSystem
{
    public virtual Stream Create(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16);
    }

    /// <summary>Flushes a file written through <see cref="Create"/> down to the disk.</summary>
    public static async Task SyncAsync(Stream stream, CancellationToken cancellationToken)
    {
        await stream.FlushAsync(cancellationToken);
        if (stream is FileStream file)
        {
            file.Flush(flushToDisk: true);
        }
    }
}
