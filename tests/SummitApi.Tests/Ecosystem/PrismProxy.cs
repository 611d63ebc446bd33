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
    private readonly string _documentDirectory;

    private PrismProxy(ChildProcess process, Uri address, string documentDirectory)
    {
        _process = process;
        Address = address;
        _documentDirectory = documentDirectory;
    }

    public Uri Address { get; }

    /// <summary>Everything Prism logged so far.</summary>
    public string Log => _process.Output;

    /// <summary>Starts <c>prism proxy DOCUMENT UPSTREAM --errors</c> on a free loopback port and waits until it listens.</summary>
    /// <param name="document">The OpenAPI document's JSON. Prism is given it as a file that lives as long as the proxy: Prism
    /// watches that file and reloads on a change, and a file deleted under it left it listening on nothing. (Prism's own
    /// download of a URL gives up after a few seconds, which a busy machine's first Swagger request can exceed.)</param>
    public static async Task<PrismProxy> StartAsync(string document, Uri upstream)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("summit-prism-").FullName;
        var path = Path.Combine(directory, "openapi.json");
        await File.WriteAllTextAsync(path, document);
        var port = FreeLoopbackPort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var prism = new PrismProxy(
            ChildProcess.Start(await EcosystemTools.BinAsync("prism"),
                ["proxy", path, upstream.ToString().TrimEnd('/'), "--errors", "--host", "127.0.0.1", "--port", port],
                new Dictionary<string, string?> { ["NO_COLOR"] = "1" }, EcosystemTools.Directory),
            new Uri($"http://127.0.0.1:{port}/"), directory);
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
        System.IO.Directory.Delete(_documentDirectory, recursive: true);
        return ValueTask.CompletedTask;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
