using System.Diagnostics;
using SummitApi.Platform.Data;
using SummitApi.LocalPostgres;
using SummitApi.Platform.Hosting;

namespace SummitApi.Tests.Ecosystem;

/// <summary>What a program outside .NET answered: its exit code and what it printed.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}

/// <summary>
/// The third-party tools the ecosystem tests run as their users run them: the npm tools pinned in
/// tools/ecosystem/package-lock.json, Debian's Chromium, the dotnet tools pinned in .config/dotnet-tools.json, and
/// Python 3. A test awaits the tools it needs; each is installed at most once per test run, and a file lock keeps
/// two test processes (or two worktrees sharing apt) from installing at once, so a fresh clone's first
/// <c>dotnet test</c> needs nothing installed by hand.
/// </summary>
public static class EcosystemTools
{
    public static readonly string RepositoryRoot = DatabaseSetup.FindRepositoryRoot(AppContext.BaseDirectory);

    public static readonly string Directory = Path.Combine(RepositoryRoot, "tools", "ecosystem");

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);

    private static readonly Lazy<Task> NpmTools = new(InstallNpmToolsAsync);

    private static readonly Lazy<Task<string>> ChromiumInstall = new(InstallChromiumAsync);

    private static readonly Lazy<Task> DotnetTools = new(RestoreDotnetToolsAsync);

    /// <summary>A tool from tools/ecosystem/node_modules/.bin (e.g. spectral), installed by <c>npm ci</c> first when needed.</summary>
    public static async Task<string> BinAsync(string name)
    {
        await NpmToolsAsync();
        var path = Path.Combine(Directory, "node_modules", ".bin", name);
        Assert.True(File.Exists(path), $"{path} is missing after `npm ci --prefix tools/ecosystem`: is it in tools/ecosystem/package.json?");
        return path;
    }

    /// <summary>The npm tools of tools/ecosystem, for scripts that import them (playwright-core, datapackage).</summary>
    public static Task NpmToolsAsync() => NpmTools.Value;

    /// <summary>The path of a headless-capable Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium, installed with apt-get when missing.</summary>
    public static Task<string> ChromiumAsync() => ChromiumInstall.Value;

    /// <summary>The dotnet tools of .config/dotnet-tools.json (Kiota, NSwag), restored once per run; run them as <c>dotnet tool run NAME</c>.</summary>
    public static Task DotnetToolsAsync() => DotnetTools.Value;

    /// <summary>Where a test leaves what a person may want to look at afterwards (screenshots): TestResults/ecosystem, git-ignored.</summary>
    public static string ArtifactsDirectory()
    {
        var directory = Path.Combine(RepositoryRoot, "tests", "SummitApi.Tests", "TestResults", "ecosystem");
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Runs <paramref name="program"/> (in tools/ecosystem unless told otherwise) and waits for it (two minutes unless told otherwise, then kills it).</summary>
    public static async Task<ToolRun> RunAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Directory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        startInfo.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[name] = value;
        }
        var limit = timeout ?? TimeSpan.FromMinutes(2);
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {limit}:\n{await output}\n{await error}");
        }
        return new ToolRun(process.ExitCode, await output, await error);
    }

    public static async Task<ToolRun> NodeAsync(string script, params string[] arguments)
    {
        await NpmToolsAsync();
        return await RunAsync("node", [Path.Combine(Directory, script), .. arguments]);
    }

    // npm ci leaves node_modules/.package-lock.json: missing, or older than the lock file, means install (again).
    private static bool NpmToolsAreCurrent()
    {
        var installed = new FileInfo(Path.Combine(Directory, "node_modules", ".package-lock.json"));
        return installed.Exists && installed.LastWriteTimeUtc >= File.GetLastWriteTimeUtc(Path.Combine(Directory, "package-lock.json"));
    }

    private static async Task InstallNpmToolsAsync()
    {
        if (NpmToolsAreCurrent())
        {
            return;
        }
        using var installing = await InstallLock.AcquireAsync("npm-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Directory)))[..16]);
        if (NpmToolsAreCurrent())
        {
            return; // another test process installed them while this one waited
        }
        var run = await RunAsync("npm", ["ci", "--prefix", Directory, "--no-audit", "--no-fund", "--loglevel=error"], timeout: InstallTimeout);
        Assert.True(run.ExitCode == 0 && NpmToolsAreCurrent(), $"`npm ci --prefix tools/ecosystem` failed: {run}");
    }

    private static async Task<string> InstallChromiumAsync()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured)
        {
            Assert.True(File.Exists(configured), $"CHROMIUM_PATH names {configured}, which does not exist.");
            return configured;
        }
        const string debianChromium = "/usr/bin/chromium";
        if (File.Exists(debianChromium))
        {
            return debianChromium;
        }
        Assert.True(Environment.IsPrivilegedProcess,
            $"{debianChromium} is missing and the tests do not run as root, so they cannot install it: run `sudo apt-get install chromium`, or set CHROMIUM_PATH to a Chromium.");
        using var installing = await InstallLock.AcquireAsync("apt");
        if (File.Exists(debianChromium))
        {
            return debianChromium;
        }
        var apt = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        // Someone else's apt-get may hold dpkg's lock: wait for it rather than fail.
        string[] waitForDpkg = ["-o", "DPkg::Lock::Timeout=600"];
        var update = await RunAsync("apt-get", ["update", "-qq", .. waitForDpkg], apt, timeout: InstallTimeout);
        Assert.True(update.ExitCode == 0, $"`apt-get update` failed: {update}");
        var install = await RunAsync("apt-get", ["install", "-y", "-qq", .. waitForDpkg, "chromium"], apt, timeout: InstallTimeout);
        Assert.True(install.ExitCode == 0 && File.Exists(debianChromium), $"`apt-get install chromium` failed: {install}");
        return debianChromium;
    }

    private static async Task RestoreDotnetToolsAsync()
    {
        // Cheap when the tools are in the NuGet cache already; the lock keeps two processes from downloading one package at once.
        using var installing = await InstallLock.AcquireAsync("dotnet-tools");
        var run = await RunAsync("dotnet", ["tool", "restore"], workingDirectory: RepositoryRoot, timeout: InstallTimeout);
        Assert.True(run.ExitCode == 0, $"`dotnet tool restore` failed: {run}");
    }

    /// <summary>
    /// A lock across processes: an exclusive open of a file in the temp folder (flock on Linux), released when the
    /// process lets go of it or dies, so a killed test run never leaves a stale lock behind.
    /// </summary>
    private static class InstallLock
    {
        public static async Task<IDisposable> AcquireAsync(string name)
        {
            var path = Path.Combine(Path.GetTempPath(), $"summitapi-install-{name}.lock");
            var deadline = DateTime.UtcNow + InstallTimeout;
            while (true)
            {
                try
                {
                    return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250));
                }
            }
        }
    }
}
