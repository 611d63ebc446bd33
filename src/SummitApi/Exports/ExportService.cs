using System.Data;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using SummitApi.Platform.History;
using SummitApi.Platform.Data;
using SummitApi.Platform.Reads;
using SummitApi.Platform.Observability;

namespace SummitApi.Exports;

/// <summary>How far an export has got, reported after each batch of records.</summary>
/// <param name="Dataset">The data set being written.</param>
/// <param name="Rows">Records written so far, over all data sets.</param>
/// <param name="TotalRows">Records the snapshot holds, over all data sets.</param>
/// <param name="Elapsed">Time since the snapshot was taken.</param>
public sealed record ExportProgress(string Dataset, long Rows, long TotalRows, TimeSpan Elapsed);

/// <summary>An export under way: its id is known as soon as it starts; <see cref="Completion"/> ends with its manifest.</summary>
public sealed record StartedExport(string ExportId, Task<ExportManifest> Completion);

/// <summary>
/// The one exporter behind the schedule, the command line and the API. An export reads every data set from one
/// REPEATABLE READ snapshot, writes them into a hidden folder, makes the files durable and publishes the folder
/// with one rename, then prunes old exports.
/// <para>
/// Only one export runs at a time. In this process, a trigger while an export runs joins it. Across instances,
/// an advisory lock serialises them; a trigger that had to wait for another instance's export returns that
/// export, rather than making a second, when it holds the same data revision.
/// </para>
/// </summary>
public sealed class ExportService(
    ExportStore store, ExportFileSystem files, DatabaseConnection database, IOptions<ExportOptions> options,
    CursorCodec cursors, TimeProvider time, ILogger<ExportService> logger)
{
    /// <summary>The version of the export layout and fields; docs/exports.md says what bumps which part, docs/exports/CHANGELOG.md what each version changed.</summary>
    public const string SchemaVersion = "2.0.0";

    private readonly Lock _gate = new();
    private Run? _current;

    /// <summary>Starts an export, or joins the one this process is running; returns once the export has its id.</summary>
    /// <param name="trigger">Who asked, for the log: schedule, command line, api.</param>
    /// <param name="progress">Told after each batch; only the trigger that starts the export is told.</param>
    /// <param name="cancellationToken">Cancels the export itself (not only the wait), e.g. the application stopping.</param>
    public async Task<StartedExport> StartAsync(string trigger, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        Run run;
        lock (_gate)
        {
            if (_current is null || _current.Completion.IsCompleted)
            {
                var exportId = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                _current = new Run(exportId, Task.Run(() => ExportAsync(trigger, exportId, progress, cancellationToken), CancellationToken.None));
            }
            else
            {
                logger.LogInformation("Export requested by {Trigger} joins the export already running", trigger);
            }
            run = _current;
        }
        return new StartedExport(await run.ExportId.Task, run.Completion);
    }

    /// <summary>Exports and waits for the export to be published.</summary>
    public async Task<ExportManifest> RunAsync(string trigger, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var started = await StartAsync(trigger, progress, cancellationToken);
        return await started.Completion.WaitAsync(cancellationToken);
    }

    private sealed record Run(TaskCompletionSource<string> ExportId, Task<ExportManifest> Completion);

    private async Task<ExportManifest> ExportAsync(string trigger, TaskCompletionSource<string> exportId, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var manifest = await LockedExportAsync(trigger, exportId, progress, cancellationToken);
            ExportMetrics.Succeeded(Stopwatch.GetElapsedTime(started), time.GetUtcNow());
            return manifest;
        }
        catch (Exception e)
        {
            ExportMetrics.Failed(Stopwatch.GetElapsedTime(started));
            exportId.TrySetException(e);
            logger.LogError(e, "Export requested by {Trigger} failed; the previous exports are untouched", trigger);
            throw;
        }
    }

    private async Task<ExportManifest> LockedExportAsync(string trigger, TaskCompletionSource<string> exportId, IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        // Unpooled: closing the connection ends the session, and with it the session-level lock, however the export ends.
        var settings = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false, CommandTimeout = 0 };
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var waited = !await connection.ExecuteScalarAsync<bool>($"SELECT pg_try_advisory_lock({AdvisoryLocks.Exports})");
        if (waited)
        {
            logger.LogInformation("Export requested by {Trigger} waits for the export another instance is running", trigger);
            await connection.ExecuteAsync(new CommandDefinition($"SELECT pg_advisory_lock({AdvisoryLocks.Exports})", cancellationToken: cancellationToken));
        }

        Directory.CreateDirectory(store.Directory);
        store.RemoveLeftovers();
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await connection.ExecuteAsync("SET TRANSACTION READ ONLY");
        var dataRevision = await DataRevision.CurrentAsync(connection);
        var previous = await store.LatestAsync(cancellationToken);
        if (waited && previous is not null && previous.DataRevision == dataRevision)
        {
            logger.LogInformation("Export requested by {Trigger} returns export {ExportId}, just made by another instance at the same data revision {DataRevision}",
                trigger, previous.ExportId, dataRevision);
            exportId.SetResult(previous.ExportId);
            return previous;
        }

        var createdAt = time.GetUtcNow().UtcDateTime;
        var id = ExportStore.NextId(createdAt, previous?.ExportId);
        exportId.SetResult(id);
        logger.LogInformation("Export {ExportId} requested by {Trigger} started at data revision {DataRevision}", id, trigger, dataRevision);

        var folder = store.CreateTemporaryFolder(id);
        try
        {
            var manifest = await WriteAsync(connection, folder, id, createdAt, dataRevision, previous, progress, cancellationToken);
            store.Publish(folder, id);
            await transaction.CommitAsync(cancellationToken);
            var pruned = store.Prune(options.Value.Keep);
            logger.LogInformation("Export {ExportId} published in {Folder}: {Records} records at data revision {DataRevision}; pruned {Pruned}",
                id, store.FolderOf(id), manifest.Files.Where(f => f.Name.EndsWith(".json", StringComparison.Ordinal)).Sum(f => f.Rows ?? 0),
                dataRevision, pruned.Count == 0 ? "none" : string.Join(", ", pruned));
            return manifest;
        }
        catch
        {
            ExportStore.DeleteFolder(folder);
            throw;
        }
    }

    private async Task<ExportManifest> WriteAsync(
        NpgsqlConnection connection, string folder, string exportId, DateTime createdAt, long dataRevision, ExportManifest? previous,
        IProgress<ExportProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var datasets = ExportDatasets.All;
        long totalRows = 0;
        foreach (var dataset in datasets)
        {
            totalRows += await connection.ExecuteScalarAsync<long>(new CommandDefinition(dataset.CountSql, cancellationToken: cancellationToken));
        }

        var rows = new Dictionary<string, long>();
        var deltas = new List<ExportDelta>();
        var collections = new BatchCollections(options.Value.CollectEveryMegabytes);
        long done = 0;
        foreach (var dataset in datasets)
        {
            var previousNdjson = previous is null ? null : Path.Combine(store.FolderOf(previous.ExportId), DatasetWriter.NdjsonFile(dataset));
            var copy = dataset.Sql is { } sql ? await CsvCopy.PlanAsync(connection, sql, [.. dataset.Fields], dataset.Columns, cancellationToken) : null;
            var started = clock.Elapsed;
            await using var writer = await DatasetWriter.CreateAsync(dataset, files, folder, previousNdjson, writeCsv: copy is null, cancellationToken);
            progress?.Report(new ExportProgress(dataset.Name, done, totalRows, clock.Elapsed));
            await foreach (var written in dataset.WriteAsync(connection, writer, collections.BetweenBatches, cancellationToken))
            {
                done += written;
                progress?.Report(new ExportProgress(dataset.Name, done, totalRows, clock.Elapsed));
            }
            await writer.CompleteAsync(cancellationToken);
            var recordsWritten = clock.Elapsed;
            if (copy is not null)
            {
                await using var csv = files.Create(Path.Combine(folder, DatasetWriter.CsvFile(dataset)));
                await CsvCopy.WriteAsync(connection, copy, dataset.Columns, csv, cancellationToken);
                await ExportFileSystem.SyncAsync(csv, cancellationToken);
            }
            // bench/run reads these figures: the time of each way of writing, per data set.
            if (copy is null)
            {
                logger.LogInformation("Export {ExportId}: {Dataset} wrote {Rows} records as JSON, NDJSON, Parquet, delta and CSV in {RecordSeconds:F3} s",
                    exportId, dataset.Name, writer.Rows, (recordsWritten - started).TotalSeconds);
            }
            else
            {
                logger.LogInformation("Export {ExportId}: {Dataset} wrote {Rows} records as JSON, NDJSON, Parquet and delta in {RecordSeconds:F3} s, and CSV by COPY in {CsvSeconds:F3} s",
                    exportId, dataset.Name, writer.Rows, (recordsWritten - started).TotalSeconds, (clock.Elapsed - recordsWritten).TotalSeconds);
            }
            rows[DatasetWriter.JsonFile(dataset)] = rows[DatasetWriter.NdjsonFile(dataset)] = rows[DatasetWriter.CsvFile(dataset)] = rows[DatasetWriter.ParquetFile(dataset)] = writer.Rows;
            rows[DatasetWriter.DeltaFile(dataset)] = writer.Delta.Lines;
            deltas.Add(new ExportDelta
            {
                Dataset = dataset.Name, File = DatasetWriter.DeltaFile(dataset),
                Added = writer.Delta.Added, Changed = writer.Delta.Changed, Removed = writer.Delta.Removed,
            });
        }

        var dataFiles = new List<ExportFile>();
        foreach (var name in datasets.SelectMany<ExportDataset, string>(d => [DatasetWriter.JsonFile(d), DatasetWriter.NdjsonFile(d), DatasetWriter.CsvFile(d), DatasetWriter.ParquetFile(d)])
                     .Concat(datasets.Select(DatasetWriter.DeltaFile)))
        {
            dataFiles.Add(await DescribeAsync(folder, name, rows[name], cancellationToken));
        }

        var descriptions = await ExportDescriptions.LoadAsync(connection, datasets, cancellationToken);
        var package = DataPackage.Describe(createdAt, datasets, dataFiles.ToDictionary(f => f.Name), descriptions, options.Value.License);
        await WriteFileAsync(folder, ExportStore.DataPackageFile, async stream =>
        {
            await using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = ExportJson.Indented.Options.Encoder });
            package.WriteTo(writer);
        }, cancellationToken);

        dataFiles.Add(await DescribeAsync(folder, ExportStore.DataPackageFile, rows: null, cancellationToken));
        await WriteFileAsync(folder, ExportStore.Sha256SumsFile, stream => stream.WriteAsync(Sha256Sums(dataFiles), cancellationToken).AsTask(), cancellationToken);

        var manifest = new ExportManifest
        {
            ExportId = exportId,
            CreatedAt = createdAt,
            SchemaVersion = SchemaVersion,
            DataRevision = dataRevision,
            ChangesSince = HistoryEndpoints.PositionAfter(cursors, dataRevision),
            PreviousExportId = previous?.ExportId,
            Files = [.. dataFiles, await DescribeAsync(folder, ExportStore.Sha256SumsFile, rows: null, cancellationToken)],
            Deltas = deltas,
        };
        await WriteFileAsync(folder, ExportStore.ManifestFile, stream =>
            JsonSerializer.SerializeAsync(stream, manifest, ExportJson.Indented.ExportManifest, cancellationToken), cancellationToken);
        return manifest;
    }

    private async Task WriteFileAsync(string folder, string name, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        await using var stream = files.Create(Path.Combine(folder, name));
        await write(stream);
        await stream.WriteAsync("\n"u8.ToArray(), cancellationToken);
        await ExportFileSystem.SyncAsync(stream, cancellationToken);
    }

    // sha256sum's own format, one line a file: the hash, two spaces (the second says "binary or text, the same here"),
    // the path; WriteFileAsync ends the last line.
    private static byte[] Sha256Sums(IEnumerable<ExportFile> files) =>
        System.Text.Encoding.UTF8.GetBytes(string.Join('\n', files.Select(file => $"{file.Sha256}  {file.Name}")));

    private static async Task<ExportFile> DescribeAsync(string folder, string name, long? rows, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(Path.Combine(folder, name));
        var sha256 = await SHA256.HashDataAsync(stream, cancellationToken);
        return new ExportFile { Name = name, Bytes = stream.Length, Sha256 = Convert.ToHexStringLower(sha256), Rows = rows };
    }
}
