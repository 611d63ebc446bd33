using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace SummitApi.Tests.Platform.RealClients;

/// <summary>
/// A response as a client that decodes it sees it: status, headers (all but Date and Transfer-Encoding, which frame
/// the message rather than describe it, and which a HEAD need not send), and the body decoded by its own
/// Content-Encoding. A problem's traceId is blanked (it names the request, not the answer), and so is its
/// Content-Length, which counts it.
/// </summary>
public sealed class ObservedResponse
{
    private ObservedResponse(HttpStatusCode status, SortedDictionary<string, string> headers, string body)
    {
        Status = status;
        Headers = headers;
        Body = body;
    }

    public HttpStatusCode Status { get; }

    public SortedDictionary<string, string> Headers { get; }

    public string Body { get; }

    public string? Header(string name) => Headers.GetValueOrDefault(name);

    /// <summary>A client that decodes nothing itself, so what the server labelled is what it gets.</summary>
    public static HttpClient RawClient(Uri address) =>
        new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, UseCookies = false }) { BaseAddress = address };

    public static async Task<ObservedResponse> ReadAsync(HttpResponseMessage response)
    {
        var raw = await response.Content.ReadAsByteArrayAsync();
        var headers = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (name is not ("Date" or "Transfer-Encoding"))
            {
                headers[name] = string.Join(", ", values);
            }
        }
        var body = Encoding.UTF8.GetString(Decode(raw, headers.GetValueOrDefault("Content-Encoding")));
        if (headers.GetValueOrDefault("Content-Type")?.StartsWith("application/problem+json", StringComparison.Ordinal) == true && body.Length > 0)
        {
            var problem = JsonNode.Parse(body)!.AsObject();
            Assert.True(problem.Remove("traceId"), $"a problem without traceId: {body}");
            body = problem.ToJsonString();
            headers.Remove("Content-Length");
        }
        return new ObservedResponse(response.StatusCode, headers, body);
    }

    /// <summary>What differs between this response and <paramref name="other"/>, one line each; empty when they are the same.</summary>
    public IEnumerable<string> DifferencesFrom(ObservedResponse other)
    {
        if (Status != other.Status)
        {
            yield return $"status {(int)Status} vs {(int)other.Status}";
        }
        foreach (var name in Headers.Keys.Union(other.Headers.Keys, StringComparer.OrdinalIgnoreCase))
        {
            if (Header(name) != other.Header(name))
            {
                yield return $"{name}: {Header(name) ?? "(absent)"} vs {other.Header(name) ?? "(absent)"}";
            }
        }
        if (Body != other.Body)
        {
            yield return $"body: {Shorten(Body)} vs {Shorten(other.Body)}";
        }
    }

    private static byte[] Decode(byte[] raw, string? contentEncoding)
    {
        if (raw.Length == 0 || contentEncoding is null)
        {
            return raw;
        }
        using Stream decoder = contentEncoding switch
        {
            "gzip" => new GZipStream(new MemoryStream(raw), CompressionMode.Decompress),
            "br" => new BrotliStream(new MemoryStream(raw), CompressionMode.Decompress),
            _ => throw new InvalidDataException($"Content-Encoding '{contentEncoding}' is not one this API offers."),
        };
        using var decoded = new MemoryStream();
        // A body labelled with an encoding it does not have fails here, as it does in every browser.
        decoder.CopyTo(decoded);
        return decoded.ToArray();
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
