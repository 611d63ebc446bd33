using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SummitApi.Tests.Ecosystem;

/// <summary>
/// Stoplight Prism (pinned in tools/ecosystem) in proxy mode between a client and the API: it forwards each request,
/// checks the request and the answer against the served document, and reports every mismatch (a violation) in an
/// <c>sl-violations</c> response header and in its log. With --errors a violation also turns the answer into an error.
/// </summary>
public sealed class PrismProxy : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private PrismProxy(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Everything Prism logged so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Starts <c>prism proxy DOCUMENT UPSTREAM --errors</c> on a free loopback port and waits until it listens.</summary>
    /// <param name="document">The document's URL or file path.</param>
    public static async Task<PrismProxy> StartAsync(string document, Uri upstream)
    {
        var port = FreeLoopbackPort();
        var startInfo = new ProcessStartInfo(await EcosystemTools.BinAsync("prism"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = EcosystemTools.Directory,
        };
        foreach (var argument in new[] { "proxy", document, upstream.ToString().TrimEnd('/'), "--errors", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            startInfo.ArgumentList.Add(argument);
        }
        startInfo.Environment["NO_COLOR"] = "1";
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var prism = new PrismProxy(Process.Start(startInfo)!, new Uri($"http://127.0.0.1:{port}/"));
        void Collect(object sender, DataReceivedEventArgs line)
        {
            lock (prism._log)
            {
                prism._log.AppendLine(line.Data);
            }
            if (line.Data?.Contains("Prism is listening", StringComparison.Ordinal) == true)
            {
                listening.TrySetResult();
            }
        }
        prism._process.OutputDataReceived += Collect;
        prism._process.ErrorDataReceived += Collect;
        prism._process.BeginOutputReadLine();
        prism._process.BeginErrorReadLine();
        try
        {
            await listening.Task.WaitAsync(TimeSpan.FromMinutes(1));
        }
        catch (TimeoutException)
        {
            await prism.DisposeAsync();
            throw new TimeoutException($"Prism did not listen within a minute:\n{prism.Log}");
        }
        return prism;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
