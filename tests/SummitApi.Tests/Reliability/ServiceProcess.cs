using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace SummitApi.Tests.Reliability;

/// <summary>The built service (SummitApi.dll) run as a child process of its own, so that a test can kill it outright.</summary>
public sealed partial class ServiceProcess : IDisposable
{
    private static readonly string ServiceDll = typeof(Program).Assembly.Location;
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(string connectionString, IReadOnlyDictionary<string, string> settings, string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ServiceDll)!,
        };
        startInfo.ArgumentList.Add(ServiceDll);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        startInfo.Environment["ConnectionStrings__Summit"] = connectionString;
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in settings)
        {
            startInfo.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        _process = Process.Start(startInfo)!;
        _process.OutputDataReceived += Collect;
        _process.ErrorDataReceived += Collect;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Starts the web server on a free port; <see cref="ReadyAsync"/> gives its address once it serves.</summary>
    public static ServiceProcess StartServer(string connectionString, IReadOnlyDictionary<string, string> settings) =>
        new(connectionString, settings, ["--urls=http://127.0.0.1:0"]);

    /// <summary>Runs the export command into <paramref name="directory"/>.</summary>
    public static ServiceProcess StartExport(string connectionString, string directory) =>
        new(connectionString, new Dictionary<string, string>(), ["export", "--out", directory]);

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

    public Task<Uri> ReadyAsync() => _ready.Task.WaitAsync(TimeSpan.FromSeconds(90));

    public async Task<int> ExitCodeAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown hook, no flush, no finally block runs.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private void Collect(object sender, DataReceivedEventArgs line)
    {
        lock (_output)
        {
            _output.AppendLine(line.Data);
        }
        if (line.Data is not null && ReadyLine().Match(line.Data) is { Success: true } match)
        {
            _ready.TrySetResult(new Uri(match.Groups["url"].Value));
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"Swagger UI at (?<url>http://\S+)/swagger")]
    private static partial Regex ReadyLine();
}
