using System.Diagnostics;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using SummitApi.LocalPostgres;

namespace SummitApi.Tests.Platform.ScaleOut;

/// <summary>
/// A primary and a streaming replica of its own, on free localhost ports with private socket
/// folders, deleted afterwards: the replica is a pg_basebackup -R of the primary, started from the
/// installed PostgreSQL binaries. The shared test server cannot serve here, as the tests pause its
/// replay.
/// </summary>
public sealed class StreamingPostgres : IAsyncDisposable
{
    private const string Database = "summit";

    private readonly LocalPostgresCluster _primary;
    private readonly LocalPostgresCluster _replica;

    private StreamingPostgres(LocalPostgresCluster primary, LocalPostgresCluster replica)
    {
        _primary = primary;
        _replica = replica;
    }

    /// <summary>
    /// The folder of initdb, pg_ctl and pg_basebackup. A folder on PATH may hold links to only some
    /// of them; the folder the links lead to has them all.
    /// </summary>
    private static string? BinDirectory { get; } =
        LocalPostgresCluster.FindBinDirectory(Environment.GetEnvironmentVariable("PATH") ?? "", "/usr/lib/postgresql") is { } found
            ? new FileInfo(Path.Combine(found, "initdb")).ResolveLinkTarget(returnFinalTarget: true) is { } target ? Path.GetDirectoryName(target.FullName) : found
            : null;

    /// <summary>Why the harness cannot run here, or null when it can.</summary>
    public static string? SkipReason { get; } = FindSkipReason(); // after BinDirectory, which it reads

    public string PrimaryConnectionString => _primary.ConnectionString(Database);

    public string ReplicaConnectionString => _replica.ConnectionString(Database);

    public static async Task<StreamingPostgres> StartAsync()
    {
        var bin = BinDirectory!;
        // The test run's cluster prefix: a run that is killed leaves folders the next run deletes.
        var primary = await LocalPostgresCluster.StartAsync(NewRoot(), Database, port: 0, ephemeral: true, NullLogger.Instance, bin);
        try
        {
            var replicaRoot = NewRoot();
            Directory.CreateDirectory(replicaRoot);
            if (IsRoot)
            {
                await RunAsync("chown", ["postgres", replicaRoot], asPostgres: false);
            }
            await RunAsync(Path.Combine(bin, "pg_basebackup"),
                ["-D", Path.Combine(replicaRoot, "data"), "-R", "-X", "stream", "-c", "fast",
                 "-h", "127.0.0.1", "-p", primary.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", "postgres"],
                asPostgres: true);
            // The backup holds a data folder, so this only starts it: as a standby, for -R wrote standby.signal.
            var replica = await LocalPostgresCluster.StartAsync(replicaRoot, Database, port: 0, ephemeral: true, NullLogger.Instance, bin);
            return new StreamingPostgres(primary, replica);
        }
        catch
        {
            await primary.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops applying the WAL the primary streams (it is still received): the replica falls behind.</summary>
    public Task PauseReplayAsync() => OnReplicaAsync("SELECT pg_wal_replay_pause()");

    public Task ResumeReplayAsync() => OnReplicaAsync("SELECT pg_wal_replay_resume()");

    /// <summary>Waits until the replica has replayed everything the primary had written when this was called.</summary>
    public async Task WaitForReplayAsync()
    {
        await using var primary = new NpgsqlConnection(PrimaryConnectionString);
        var target = await primary.ExecuteScalarAsync<string>("SELECT pg_current_wal_insert_lsn()::text");
        await using var replica = new NpgsqlConnection(ReplicaConnectionString);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await replica.ExecuteScalarAsync<bool>("SELECT pg_last_wal_replay_lsn() >= @target::pg_lsn", new { target }))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the replica did not replay up to {target} within 30 s");
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _replica.DisposeAsync();
        await _primary.DisposeAsync();
    }

    private async Task OnReplicaAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ReplicaConnectionString);
        await connection.ExecuteAsync(sql);
    }

    // PostgreSQL refuses to run as root: as root, the clusters belong to the postgres user.
    private static bool IsRoot => Environment.UserName == "root";

    private static string NewRoot() => Path.Combine(Path.GetTempPath(), $"summit-tests-{Environment.ProcessId}-{Guid.NewGuid():N}");

    private static string? FindSkipReason()
    {
        if (Environment.GetEnvironmentVariable("ConnectionStrings__Summit") is { Length: > 0 })
        {
            return "ConnectionStrings__Summit names a server, and the replica harness needs clusters of its own (it pauses their replay).";
        }
        return BinDirectory is { } bin && File.Exists(Path.Combine(bin, "pg_basebackup"))
            ? null
            : "the PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) are not installed.";
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var runAsPostgres = asPostgres && IsRoot;
        var startInfo = new ProcessStartInfo(runAsPostgres ? "runuser" : program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (runAsPostgres ? ["-u", "postgres", "--", program] : Array.Empty<string>()).Concat(arguments))
        {
            startInfo.ArgumentList.Add(argument);
        }
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(program)} failed ({process.ExitCode}): {await output}{await error}");
    }
}

/// <summary>A test of the replica harness: reported as skipped, not passed, where it cannot run.</summary>
public sealed class ReplicaFactAttribute : FactAttribute
{
    public ReplicaFactAttribute()
    {
        if (StreamingPostgres.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
