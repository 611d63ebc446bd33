using System.Reflection;
using System.Text.RegularExpressions;

namespace SummitApi.Tests.Support;

/// <summary>
/// The built service run as its own process, as an operator runs it: `dotnet SummitApi.dll ARGUMENTS` (or the
/// README's `dotnet run`), serving until it is stopped or running a command (keys, export) to its end. Its
/// address is learnt from the line it logs once it serves.
/// </summary>
public static partial class ServiceProcess
{
    private static readonly string ServiceDll = typeof(Program).Assembly.Location;

    /// <summary>A command that runs to its end: its exit code and what it printed.</summary>
    public sealed record Run(int ExitCode, string Output, string Error);

    /// <param name="environment">Variables to set; a null value removes one this process has.</param>
    public static ChildProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        Start(Path.GetDirectoryName(ServiceDll)!, [ServiceDll, .. arguments], environment);

    /// <summary>
    /// The README's own command, `dotnet run --project src/SummitApi -- ARGUMENTS`, with its launch profile, on the
    /// build the tests run against.
    /// </summary>
    public static ChildProcess DotnetRun(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var configuration = typeof(Program).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var root = SummitApi.Platform.Hosting.DatabaseSetup.FindRepositoryRoot(AppContext.BaseDirectory);
        return Start(root, ["run", "--no-build", "--configuration", configuration, "--project", Path.Combine("src", "SummitApi"), "--", .. arguments], environment);
    }

    /// <summary>Runs a command (keys, export) to its end, or fails after <paramref name="timeout"/>.</summary>
    public static async Task<Run> RunAsync(IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] arguments)
    {
        using var command = Start(environment, arguments);
        var exitCode = await command.ExitCodeAsync(timeout);
        return new Run(exitCode, command.StandardOutput, command.StandardError);
    }

    /// <summary>Waits for the line the service logs once it serves; returns the Swagger UI address it names.</summary>
    public static async Task<string> WaitUntilReadyAsync(this ChildProcess service, TimeSpan timeout) =>
        ReadyLine().Match(await service.WaitForLineAsync(line => ReadyLine().IsMatch(line), timeout, "the line it logs once it serves"))
            .Groups["url"].Value;

    /// <summary>The service's base address (without /swagger), once it is ready.</summary>
    public static async Task<Uri> WaitForBaseAddressAsync(this ChildProcess service, TimeSpan timeout) =>
        new((await service.WaitUntilReadyAsync(timeout))[..^"swagger".Length]);

    private static ChildProcess Start(string workingDirectory, string[] arguments, IReadOnlyDictionary<string, string?> environment)
    {
        // Development logs plain lines, which the ready line is read from, unless the caller says otherwise.
        var variables = new Dictionary<string, string?> { ["ASPNETCORE_ENVIRONMENT"] = "Development" };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }
        return ChildProcess.Start("dotnet", arguments, variables, workingDirectory);
    }

    [GeneratedRegex(@"Swagger UI at (?<url>http://\S+/swagger)")]
    private static partial Regex ReadyLine();
}
