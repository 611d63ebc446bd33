using System.Diagnostics;
using SummitApi.Infrastructure.Database;

namespace SummitApi.Tests.Ecosystem;

/// <summary>What a program outside .NET answered: its exit code and what it printed.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit code {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";
}

/// <summary>
/// The third-party tools in tools/ecosystem (npm, pinned by its package-lock.json), Debian's Chromium and
/// Python 3, run as their users run them. .ci/run installs them; a machine without them fails these tests
/// with the command that installs them, rather than skipping.
/// </summary>
public static class EcosystemTools
{
    public static readonly string RepositoryRoot = DatabaseSetup.FindRepositoryRoot(AppContext.BaseDirectory);

    public static readonly string Directory = Path.Combine(RepositoryRoot, "tools", "ecosystem");

    public static string Chromium => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>A tool installed under tools/ecosystem/node_modules/.bin, e.g. spectral.</summary>
    public static string Bin(string name)
    {
        var path = Path.Combine(Directory, "node_modules", ".bin", name);
        Assert.True(File.Exists(path), $"{path} is missing: run `npm ci --prefix tools/ecosystem` (.ci/run does).");
        return path;
    }

    /// <summary>Where a test leaves what a person may want to look at afterwards (screenshots): TestResults/ecosystem, git-ignored.</summary>
    public static string ArtifactsDirectory()
    {
        var directory = Path.Combine(RepositoryRoot, "tests", "SummitApi.Tests", "TestResults", "ecosystem");
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Runs <paramref name="program"/> in tools/ecosystem (or <paramref name="workingDirectory"/>) and waits for it (at most two minutes, then kills it).</summary>
    public static async Task<ToolRun> RunAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null)
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
        using var process = Process.Start(startInfo)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within two minutes:\n{await output}\n{await error}");
        }
        return new ToolRun(process.ExitCode, await output, await error);
    }

    public static Task<ToolRun> NodeAsync(string script, params string[] arguments) =>
        RunAsync("node", [Path.Combine(Directory, script), .. arguments]);
}
