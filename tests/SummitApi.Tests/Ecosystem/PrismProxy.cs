using System.Net;
using System.Net.Sockets;

namespace SummitApi.Tests.Ecosystem;

/// <summary>
/// Stoplight Prism (pinned in tools/ecosystem) in proxy mode between a client and the API: it forwards each request,
/// checks the request and the answer against the served document, and reports every mismatch (a violation) in an
/// <c>sl-violations</c> response header and in its log. With --errors a violation also turns the answer into an error.
/// </summary>
public sealed class PrismProxy : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private PrismProxy(ChildProcess process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Everything Prism logged so far.</summary>
    public string Log => _process.Output;

    /// <summary>Starts <c>prism proxy DOCUMENT UPSTREAM --errors</c> on a free loopback port and waits until it listens.</summary>
    /// <param name="document">The document's URL or file path.</param>
    public static async Task<PrismProxy> StartAsync(string document, Uri upstream)
    {
        var port = FreeLoopbackPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var prism = new PrismProxy(
            ChildProcess.Start(await EcosystemTools.BinAsync("prism"),
                ["proxy", document, upstream.ToString().TrimEnd('/'), "--errors", "--host", "127.0.0.1", "--port", port],
                new Dictionary<string, string?> { ["NO_COLOR"] = "1" }, EcosystemTools.Directory),
            new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await prism._process.WaitForLineAsync(line => line.Contains("Prism is listening", StringComparison.Ordinal), TimeSpan.FromMinutes(1), "that it listens");
        }
        catch (TimeoutException)
        {
            await prism.DisposeAsync();
            throw;
        }
        return prism;
    }

    public ValueTask DisposeAsync()
    {
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
