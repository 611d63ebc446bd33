using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace SummitApi.Tests.Support;

/// <summary>
/// The built service run as its own process, as an operator runs it: its output collected, its
/// address learnt from the line it logs once it serves, and ended by Ctrl+C or killed outright.
/// </summary>
public sealed partial class ServiceProcess : IDisposable
{
    private static readonly string ServiceDll = typeof(Program).Assembly.Location;

    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<string> _swaggerUrl = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(Process process)
    {
        Process = process;
    }

    public Process Process { get; }

    /// <summary>Everything the process printed so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="environment">Variables to set; a null value removes one this process has.</param>
    public static ServiceProcess Start(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        Start(Path.GetDirectoryName(ServiceDll)!, [ServiceDll, .. arguments], environment);

    /// <summary>
    /// The README's own command, `dotnet run --project src/SummitApi -- ARGUMENTS`, with its launch profile, on the
    /// build the tests run against.
    /// </summary>
    public static ServiceProcess DotnetRun(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var configuration = typeof(Program).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;
        var root = SummitApi.Platform.Data.DatabaseSetup.FindRepositoryRoot(AppContext.BaseDirectory);
        return Start(root, ["run", "--no-build", "--configuration", configuration, "--project", Path.Combine("src", "SummitApi"), "--", .. arguments], environment);
    }

    private static ServiceProcess Start(string workingDirectory, string[] arguments, IReadOnlyDictionary<string, string?> environment)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        // Development logs plain lines, which the ready line is read from.
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }
        var service = new ServiceProcess(Process.Start(startInfo)!);
        service.Process.OutputDataReceived += service.Collect;
        service.Process.ErrorDataReceived += service.Collect;
        service.Process.BeginOutputReadLine();
        service.Process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Waits for the line the service logs once it serves; returns the Swagger UI address it names.</summary>
    public async Task<string> WaitUntilReadyAsync(TimeSpan timeout)
    {
        try
        {
            return await _swaggerUrl.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The service did not get ready within {timeout}. Its output:\n{Output}");
        }
    }

    /// <summary>Waits until the process has printed <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline || Process.HasExited)
            {
                throw new TimeoutException($"The process did not print '{text}' within {timeout}. Its output:\n{Output}");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>The service's base address (without /swagger), once it is ready.</summary>
    public async Task<Uri> WaitForBaseAddressAsync(TimeSpan timeout) =>
        new((await WaitUntilReadyAsync(timeout))[..^"swagger".Length]);

    /// <summary>Ctrl+C: the service stops as it does for an operator.</summary>
    public async Task InterruptAsync()
    {
        using var interrupt = Process.Start("kill", ["-INT", Process.Id.ToString(CultureInfo.InvariantCulture)]);
        await interrupt.WaitForExitAsync();
    }

    /// <summary>Waits for a command (e.g. export) to end; its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        await Process.WaitForExitAsync().WaitAsync(timeout);
        return Process.ExitCode;
    }

    /// <summary>SIGKILL: the process ends at once, as in a crash or an out-of-memory kill; no shutdown hook, flush or finally runs.</summary>
    public void Kill()
    {
        Process.Kill(entireProcessTree: true);
        Process.WaitForExit();
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Kill();
        }
        Process.Dispose();
    }

    private void Collect(object sender, DataReceivedEventArgs line)
    {
        lock (_output)
        {
            _output.AppendLine(line.Data);
        }
        if (line.Data is not null && ReadyLine().Match(line.Data) is { Success: true } match)
        {
            _swaggerUrl.TrySetResult(match.Groups["url"].Value);
        }
    }

    [GeneratedRegex(@"Swagger UI at (?<url>http://\S+/swagger)")]
    private static partial Regex ReadyLine();
}
