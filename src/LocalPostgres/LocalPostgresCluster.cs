using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace SummitApi.LocalPostgres;

/// <summary>
/// A PostgreSQL cluster run from the binaries installed on this machine: `dotnet run` uses one kept
/// under a git-ignored project folder when no connection string is configured, and the tests use a
/// throwaway one when neither a connection string nor a Docker engine is available.
/// </summary>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    private const string Superuser = "postgres";

    private readonly string _dataDirectory;
    private readonly string _binDirectory;
    private readonly bool _ephemeral;
    private readonly bool _startedHere;
    private readonly ILogger _logger;

    private LocalPostgresCluster(string rootDirectory, string binDirectory, int port, bool ephemeral, bool startedHere, ILogger logger)
    {
        RootDirectory = rootDirectory;
        _dataDirectory = Path.Combine(rootDirectory, "data");
        _binDirectory = binDirectory;
        Port = port;
        _ephemeral = ephemeral;
        _startedHere = startedHere;
        _logger = logger;
    }

    public string RootDirectory { get; }

    public int Port { get; }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
    }.ConnectionString;

    /// <summary>
    /// Creates the cluster under <paramref name="rootDirectory"/> if it does not exist yet, starts it
    /// unless it is already running, and makes sure <paramref name="database"/> exists. Logs which of
    /// creating, starting or reusing it did; disposing stops the server only if this call started it.
    /// </summary>
    /// <param name="ephemeral">A test cluster: durability off for speed, deleted when disposed.</param>
    /// <param name="binDirectory">The folder of initdb and pg_ctl; null to look for them (see FindBinDirectory).</param>
    public static async Task<LocalPostgresCluster> StartAsync(
        string rootDirectory, string database, int port, bool ephemeral, ILogger logger, string? binDirectory = null, CancellationToken cancellationToken = default)
    {
        binDirectory ??= FindBinDirectory(Environment.GetEnvironmentVariable("PATH") ?? "", "/usr/lib/postgresql");
        if (binDirectory is null || !File.Exists(Path.Combine(binDirectory, "initdb")) || !File.Exists(Path.Combine(binDirectory, "pg_ctl")))
        {
            throw new PostgresNotInstalledException();
        }
        rootDirectory = Path.GetFullPath(rootDirectory);
        var socketDirectory = Path.Combine(rootDirectory, "socket");
        Directory.CreateDirectory(socketDirectory);
        if (IsRoot)
        {
            // Postgres refuses to run as root, so the cluster belongs to the postgres user.
            await RunAsync("chown", ["-R", Superuser, rootDirectory], asPostgres: false, cancellationToken);
        }

        var dataDirectory = Path.Combine(rootDirectory, "data");
        var runningPort = ReadRunningPort(dataDirectory);
        if (runningPort is not null)
        {
            logger.LogInformation("Reusing the local PostgreSQL cluster already running in {DataDirectory} on 127.0.0.1:{Port}", dataDirectory, runningPort);
        }
        else if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            logger.LogInformation("Creating a local PostgreSQL cluster in {DataDirectory}", dataDirectory);
            await RunAsync(Path.Combine(binDirectory, "initdb"),
                ["-D", dataDirectory, "-U", Superuser, "-E", "UTF8", "--locale=C.UTF-8", "--auth=trust", "--no-sync"],
                asPostgres: IsRoot, cancellationToken);
        }
        else
        {
            logger.LogInformation("Starting the local PostgreSQL cluster in {DataDirectory}", dataDirectory);
        }

        var startedHere = false;
        if (runningPort is null)
        {
            runningPort = port == 0 ? FindFreePort() : port;
            var settings = $"-p {runningPort} -c listen_addresses=127.0.0.1 -c unix_socket_directories={socketDirectory}";
            if (ephemeral)
            {
                settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            }
            await RunAsync(Path.Combine(binDirectory, "pg_ctl"),
                ["-D", dataDirectory, "-l", Path.Combine(rootDirectory, "postgres.log"), "-w", "-t", "60", "-o", settings, "start"],
                asPostgres: IsRoot, cancellationToken);
            startedHere = true;
        }

        var cluster = new LocalPostgresCluster(rootDirectory, binDirectory, runningPort.Value, ephemeral, startedHere, logger);
        if (ephemeral)
        {
            cluster.RemoveWhenThisProcessEnds();
        }
        try
        {
            await cluster.CreateDatabaseIfMissingAsync(database, cancellationToken: cancellationToken);
        }
        catch
        {
            await cluster.DisposeAsync(); // a server this call started does not outlive its failure
            throw;
        }
        return cluster;
    }

    public async Task CreateDatabaseIfMissingAsync(string database, string? template = null, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = database } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken) is null)
        {
            var templateClause = template is null ? "" : $" TEMPLATE {QuoteIdentifier(template)}";
            await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(database)}{templateClause}", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task StopAsync()
    {
        if (File.Exists(Path.Combine(_dataDirectory, "postmaster.pid")))
        {
            await RunAsync(Path.Combine(_binDirectory, "pg_ctl"), ["-D", _dataDirectory, "-m", "fast", "-w", "stop"],
                asPostgres: IsRoot, CancellationToken.None, ignoreFailure: true);
        }
    }

    /// <summary>Stops the server if this process started it (a server found running belongs to whoever started it).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_startedHere || _ephemeral)
        {
            await StopAsync();
            _logger.LogInformation("Stopped the local PostgreSQL cluster in {DataDirectory}", _dataDirectory);
        }
        else
        {
            _logger.LogInformation("Left the local PostgreSQL cluster in {DataDirectory} running: another process started it", _dataDirectory);
        }
        if (_ephemeral)
        {
            await DeleteDirectoryAsync(RootDirectory);
        }
    }

    /// <summary>Deletes a stopped cluster's folder, retrying while the server's last files disappear.</summary>
    public static async Task DeleteDirectoryAsync(string directory)
    {
        for (var attempt = 1; Directory.Exists(directory); attempt++)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException) when (attempt < 10)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>
    /// A test host may be torn down before its exit handlers finish, so an ephemeral cluster is
    /// watched by a detached shell that stops and deletes it once this process is gone, however it ends.
    /// </summary>
    private void RemoveWhenThisProcessEnds()
    {
        var stop = $"{(IsRoot ? $"runuser -u {Superuser} -- " : "")}'{Path.Combine(_binDirectory, "pg_ctl")}' -D '{_dataDirectory}' -m immediate stop";
        var watcher = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 0.5; done; {stop}; rm -rf '{RootDirectory}'";
        var startInfo = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardInput = true };
        // setsid and the trailing & detach the watcher, so it outlives this process's tree.
        foreach (var argument in (string[])["-c", $"setsid bash -c \"{watcher}\" >/dev/null 2>&1 < /dev/null &"])
        {
            startInfo.ArgumentList.Add(argument);
        }
        using var launcher = Process.Start(startInfo);
        launcher?.WaitForExit();
    }

    /// <summary>The folder holding initdb and pg_ctl: from PATH, else the newest of Debian's versioned folders.</summary>
    public static string? FindBinDirectory(string searchPath, string debianRoot)
    {
        var fromPath = searchPath
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(directory => File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")));
        if (fromPath is not null)
        {
            return fromPath;
        }
        return Directory.Exists(debianRoot)
            ? Directory.GetDirectories(debianRoot)
                .Select(versionDirectory => Path.Combine(versionDirectory, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
                .FirstOrDefault()
            : null;
    }

    private static int? ReadRunningPort(string dataDirectory)
    {
        // postmaster.pid: line 1 the pid, line 4 the port. A stale file (the server died) names a
        // process that is gone.
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return null;
        }
        var lines = File.ReadAllLines(pidFile);
        if (lines.Length < 4 || !int.TryParse(lines[0], out var pid) || !int.TryParse(lines[3], out var port))
        {
            return null;
        }
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited ? null : port;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";

    // On Unix, Environment.UserName is the name of the effective user id.
    private static bool IsRoot => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres, CancellationToken cancellationToken, bool ignoreFailure = false)
    {
        var startInfo = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var argument in (string[])["-u", Superuser, "--", program])
            {
                startInfo.ArgumentList.Add(argument);
            }
        }
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {program}");
        // pg_ctl sends the server's own output to its log file (-l), so these pipes close with the command.
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0 && !ignoreFailure)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} failed with exit code {process.ExitCode}: {(await output + await error).Trim()}");
        }
    }
}

/// <summary>Thrown when `dotnet run` has neither a connection string nor PostgreSQL binaries.</summary>
public sealed class PostgresNotInstalledException() : Exception(
    """
    SummitApi needs PostgreSQL, and none is configured or installed here. Any one of these works:
      1. install PostgreSQL (Debian/Ubuntu: apt-get install postgresql) and run again: a local cluster is provisioned under .data/;
      2. run `docker compose up` from the repository root (Postgres and the API together);
      3. point the API at your own server: ConnectionStrings__Summit="Host=...;Database=...;Username=...;Password=..."
    """);
