using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SummitApi.Tests.Support;

/// <summary>
/// A program the tests run as a process of its own: its standard output and error collected (apart and
/// interleaved), waited on for a line or for its exit with a timeout, and stopped by Ctrl+C or killed outright.
/// <see cref="ServiceProcess"/> starts the service itself this way; other tools (Prism) use it directly.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private readonly StringBuilder _output = new();
    private readonly List<string> _lines = [];
    private readonly StringBuilder _standardOutput = new();
    private readonly StringBuilder _standardError = new();
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource<string> Line)> _waiters = [];

    private ChildProcess(Process process)
    {
        Process = process;
    }

    public Process Process { get; }

    /// <summary>Everything the process printed so far, standard output and error interleaved.</summary>
    public string Output => Read(_output);

    public string StandardOutput => Read(_standardOutput);

    public string StandardError => Read(_standardError);

    /// <param name="environment">Variables to set; a null value removes one this process has.</param>
    public static ChildProcess Start(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            startInfo.WorkingDirectory = workingDirectory;
        }
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
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
        var child = new ChildProcess(Process.Start(startInfo)!);
        child.Process.OutputDataReceived += (_, line) => child.Collect(line.Data, child._standardOutput);
        child.Process.ErrorDataReceived += (_, line) => child.Collect(line.Data, child._standardError);
        child.Process.BeginOutputReadLine();
        child.Process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits for the first line, printed so far or later, that <paramref name="matches"/>; fails if the process ends first.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> matches, TimeSpan timeout, string what)
    {
        var line = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            var printed = _lines.FirstOrDefault(matches);
            if (printed is not null)
            {
                return printed;
            }
            _waiters.Add((matches, line));
        }
        try
        {
            await Task.WhenAny(line.Task, Process.WaitForExitAsync()).WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The process did not print {what} within {timeout}. Its output:\n{Output}");
        }
        finally
        {
            lock (_output)
            {
                _waiters.RemoveAll(waiter => waiter.Line == line);
            }
        }
        // The exit is awaited with the output read to its end, so a last matching line is in by then.
        return line.Task.IsCompletedSuccessfully
            ? line.Task.Result
            : throw new TimeoutException($"The process ended ({Process.ExitCode}) before it printed {what}. Its output:\n{Output}");
    }

    /// <summary>Waits for the process to end, output and all; its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        await Process.WaitForExitAsync().WaitAsync(timeout);
        return Process.ExitCode;
    }

    /// <summary>Ctrl+C: the process stops as it does for an operator.</summary>
    public async Task InterruptAsync()
    {
        using var interrupt = Process.Start("kill", ["-INT", Process.Id.ToString(CultureInfo.InvariantCulture)]);
        await interrupt.WaitForExitAsync();
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

    private void Collect(string? line, StringBuilder stream)
    {
        List<TaskCompletionSource<string>> matched = [];
        lock (_output)
        {
            _output.AppendLine(line);
            stream.AppendLine(line);
            if (line is not null)
            {
                _lines.Add(line);
                foreach (var waiter in _waiters.Where(w => w.Matches(line)).ToList())
                {
                    _waiters.Remove(waiter);
                    matched.Add(waiter.Line);
                }
            }
        }
        foreach (var waiter in matched)
        {
            waiter.TrySetResult(line!);
        }
    }

    private string Read(StringBuilder text)
    {
        lock (_output)
        {
            return text.ToString();
        }
    }
}
