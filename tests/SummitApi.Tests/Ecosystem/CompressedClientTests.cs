using System.Net;
using System.Text.Json.Nodes;

namespace SummitApi.Tests.Ecosystem;

/// <summary>
/// The standard HTTP clients over a real socket, each asking for the same resources twice while the accepted encodings
/// alternate between them: curl with and without --compressed, and HttpClient with automatic decompression and
/// without. A response served from the cache must be the one the database path gives, so every body parses as JSON and
/// all are equal.
/// </summary>
public class CompressedClientTests(KestrelSummitApiFactory factory) : IClassFixture<KestrelSummitApiFactory>
{
    private static readonly string[] Paths =
    [
        "/api/v1/parties?limit=3",
        "/api/v1/concessions",
        "/api/v1/summits/busan-2025",
        "/api/v1/summits/busan-2025/readout-differences",
    ];

    // Accept-Encoding as each curl run sends it: curl's own list, none, then one coding at a time.
    private static readonly string[][] CurlEncodings = [["--compressed"], [], ["--compressed", "-H", "Accept-Encoding: gzip"], ["--compressed", "-H", "Accept-Encoding: br"]];

    [Fact]
    public async Task Curl_with_and_without_compressed_reads_the_same_json_twice()
    {
        foreach (var path in Paths)
        {
            var url = new Uri(factory.Address, path).ToString();
            var bodies = new List<JsonNode>();
            foreach (var time in new[] { 1, 2 })
            {
                foreach (var encoding in CurlEncodings)
                {
                    var run = await EcosystemTools.RunAsync("curl", ["--silent", "--show-error", "--fail", .. encoding, url]);
                    Assert.True(run.ExitCode == 0, $"curl {string.Join(' ', encoding)} {url} (time {time}) failed: {run}");
                    bodies.Add(ParseJson(run.Output, $"curl {string.Join(' ', encoding)} {url} (time {time})"));
                }
            }
            AssertAllEqual(path, bodies);
        }
    }

    [Fact]
    public async Task HttpClient_with_and_without_automatic_decompression_reads_the_same_json_twice()
    {
        using var decompressing = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All }) { BaseAddress = factory.Address };
        using var gzipOnly = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.GZip }) { BaseAddress = factory.Address };
        using var plain = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = factory.Address };
        foreach (var path in Paths)
        {
            var bodies = new List<JsonNode>();
            foreach (var time in new[] { 1, 2 })
            {
                foreach (var (name, client) in new[] { ("decompression All", decompressing), ("no decompression", plain), ("decompression GZip", gzipOnly) })
                {
                    var what = $"HttpClient with {name}, {path} (time {time})";
                    using var response = await client.GetAsync(path);
                    var body = await ReadAsync(response, what);
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{what}: {(int)response.StatusCode} {body}");
                    bodies.Add(ParseJson(body, what));
                }
            }
            AssertAllEqual(path, bodies);
        }
    }

    /// <summary>The decoded body; a body that does not decode as its Content-Encoding says fails naming the request.</summary>
    private static async Task<string> ReadAsync(HttpResponseMessage response, string what)
    {
        try
        {
            return await response.Content.ReadAsStringAsync();
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException) // gzip's and brotli's decoders
        {
            throw new Xunit.Sdk.XunitException($"{what}: the body does not decode as Content-Encoding {response.Content.Headers.ContentEncoding} says ({e.Message})");
        }
    }

    private static JsonNode ParseJson(string body, string what)
    {
        try
        {
            return JsonNode.Parse(body)!;
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"{what} answered a body that is not JSON ({e.Message}): {body[..Math.Min(body.Length, 200)]}");
        }
    }

    private static void AssertAllEqual(string path, List<JsonNode> bodies) =>
        Assert.All(bodies, body => Assert.True(JsonNode.DeepEquals(bodies[0], body), $"{path}: the answers differ"));
}
