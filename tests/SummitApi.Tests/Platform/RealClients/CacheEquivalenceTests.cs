using System.Globalization;
using CsCheck;
using Xunit.Abstractions;

namespace SummitApi.Tests.Platform.RealClients;

/// <summary>
/// The response cache is invisible: generated sequences of GET, HEAD and conditional requests with every kind of
/// Accept-Encoding, with the data revision moving in between, get the same answers from an instance with the cache
/// on as from one with it off, over one database and real Kestrel listeners, decoded as a client decodes them.
/// </summary>
public sealed class CacheEquivalenceTests(KestrelSummitApiFactory factory, ITestOutputHelper output)
    : IClassFixture<KestrelSummitApiFactory>
{
    private const int Sequences = 150;
    private const int RequiredRequests = 2000;

    // Generous read budgets: this test sends thousands of reads from one address.
    private static readonly Dictionary<string, string> Unlimited = new() { ["RateLimits:Reads:PermitLimit"] = "1000000" };

    private static readonly string[] Paths =
    [
        "/api/v1/parties?limit=3",
        "/api/v1/parties/AU",
        "/api/v1/parties/XX",
        "/api/v1/summits",
        "/api/v1/summits/busan-2025",
        "/api/v1/summits/busan-2025/readouts",
        "/api/v1/summits/busan-2025/readout-differences",
        "/api/v1/concessions?giver=US&limit=2",
        "/api/v1/concessions/us-fentanyl-tariff-cut",
        "/api/v1/concessions?limit=0",
        "/api/v1/concessions?bogus=1",
        "/api/v1/outcomes?topic=tariffs",
        "/api/v1/timeline?from=2025-10-01&to=2025-11-30",
        "/api/v1/actors?limit=5",
        "/api/v1/sources",
        "/api/v1/vocabularies",
        "/api/v1/changes",
        "/api/v1/assessments?limit=1",
        "/api/v1/context-figures/china-share-global-rare-earth-mining",
        "/api/v1/events/liberation-day-tariff-escalation",
        "/api/v1/outcomes/fentanyl-tariff-reduction",
        "/api/v1/readouts/cn-xi-remarks-busan",
        "/api/v1/citations?limit=2",
        "/api/v1/sources/nyt-kuo-pierson-2025-10-30/citations?limit=2",
        "/api/v1/concessions/us-fentanyl-tariff-cut/revisions",
        "/api/v1/summits/busan-2025/outcomes?limit=2",
    ];

    private static readonly string?[] AcceptEncodings =
    [
        null, "", "identity", "gzip", "br", "gzip, br", "br;q=0.5, gzip;q=0.8", "gzip;q=0, br", "*", "*;q=0",
        "identity;q=0", "identity;q=0, gzip", "deflate", "gzip, deflate, br, zstd", "GZIP", "br;q=0",
    ];

    // Each moves the data revision and changes what some of the paths above answer; together they write every table
    // those paths read, so a table an endpoint reads but does not declare (TablesRead) shows as a stale cached answer.
    private static readonly string[] Writes =
    [
        "UPDATE party SET name = CASE WHEN name = 'Australia' THEN 'Commonwealth of Australia' ELSE 'Australia' END WHERE id = 'AU'",
        "UPDATE concession SET notes = coalesce(notes, '') || '.' WHERE id = 'us-fentanyl-tariff-cut'",
        "UPDATE summit SET title = title || '.' WHERE id = 'busan-2025'",
        .. new[] { "actor", "assessment", "context_figure", "event", "outcome", "readout", "readout_statement", "source" }.Select(table =>
            $"UPDATE {table} SET notes = coalesce(notes, '') || '.' WHERE id = (SELECT min(id) FROM {table})"),
        "UPDATE citation SET excerpt = CASE WHEN excerpt LIKE '%.' THEN left(excerpt, -1) ELSE excerpt || '.' END WHERE id = (SELECT min(id) FROM citation)",
        "UPDATE topic SET label = label || '.' WHERE code = 'tariffs'",
        "UPDATE date_basis SET label = label || '.' WHERE code = 'stated'",
    ];

    private enum Condition { None, LastETag, OtherVariantOfLastETag, Stale, Any }

    private abstract record Step;

    private sealed record Read(HttpMethod Method, string Path, string? AcceptEncoding, Condition Condition) : Step
    {
        public override string ToString() => $"{Method} {Path} Accept-Encoding: {AcceptEncoding ?? "(none)"} if-none-match: {Condition}";
    }

    private sealed record Write(string Sql) : Step;

    private static Gen<Step> StepGen(string[] paths) => Gen.Frequency(
        (20, Gen.Select(Gen.OneOf(HttpMethod.Get, HttpMethod.Head), Gen.OneOf(paths), Gen.OneOf(AcceptEncodings), Gen.Enum<Condition>())
            .Select(Step (read) => new Read(read.Item1, read.Item2, read.Item3, read.Item4))),
        (1, Gen.OneOf(Writes).Select(Step (sql) => new Write(sql))));

    [Fact]
    public async Task Generated_request_sequences_get_the_same_answers_with_the_cache_on_and_off()
    {
        using var uncachedFactory = factory.SiblingWith(new Dictionary<string, string>(Unlimited) { ["ResponseCache:Enabled"] = "false" });
        using var cachedFactory = factory.SiblingWith(Unlimited);
        using var cached = ObservedResponse.RawClient(cachedFactory.Address);
        using var uncached = ObservedResponse.RawClient(uncachedFactory.Address);
        var lastETags = new Dictionary<string, string>();
        var (requests, hits, writes) = (0, 0, 0);
        // An instant after the seed set was loaded and before any write of this test.
        var asOf = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

        await StepGen([.. Paths, $"/api/v1/summits?asOf={asOf}", $"/api/v1/parties/AU?asOf={asOf}"]).Array[5, 25].SampleAsync(async steps =>
        {
            foreach (var step in steps)
            {
                if (step is Write write)
                {
                    // Returns once the cached instance has heard of it; the uncached one reads afresh anyway.
                    await cachedFactory.WriteOutsideTheApiAsync("tests", "cache equivalence", write.Sql);
                    writes++;
                    continue;
                }
                var read = (Read)step;
                var ifNoneMatch = IfNoneMatch(read, lastETags.GetValueOrDefault(read.Path));
                var fromCache = await ObservedResponse.ReadAsync(await cached.SendAsync(Request(read, ifNoneMatch)));
                var fromDatabase = await ObservedResponse.ReadAsync(await uncached.SendAsync(Request(read, ifNoneMatch)));
                requests++;
                var differences = fromCache.DifferencesFrom(fromDatabase).ToList();
                Assert.True(differences.Count == 0, $"{read} (If-None-Match: {ifNoneMatch ?? "none"}), cache on vs off:\n  {string.Join("\n  ", differences)}");
                if (fromCache.Header("ETag") is { } etag)
                {
                    lastETags[read.Path] = etag;
                    hits += fromCache.Status == System.Net.HttpStatusCode.NotModified ? 1 : 0;
                }
            }
        }, iter: Sequences, threads: 1, print: steps => string.Join("\n", steps.Select(s => s.ToString())));

        output.WriteLine($"{requests} generated reads, each sent to both instances ({hits} answered 304), {writes} writes between them.");
        Assert.True(requests >= RequiredRequests, $"only {requests} requests were generated; the property needs at least {RequiredRequests}");
    }

    private static string? IfNoneMatch(Read read, string? lastETag) => (read.Condition, lastETag) switch
    {
        (Condition.Stale, _) => "\"00000000000000000000000000000000\"",
        (Condition.Any, _) => "*",
        (Condition.LastETag, { } etag) => etag,
        (Condition.OtherVariantOfLastETag, { } etag) => etag.EndsWith("-gzip\"", StringComparison.Ordinal) ? etag.Replace("-gzip\"", "-br\"", StringComparison.Ordinal)
            : etag.EndsWith("-br\"", StringComparison.Ordinal) ? etag.Replace("-br\"", "\"", StringComparison.Ordinal)
            : etag[..^1] + "-gzip\"",
        _ => null,
    };

    private static HttpRequestMessage Request(Read read, string? ifNoneMatch)
    {
        var request = new HttpRequestMessage(read.Method, read.Path);
        if (read.AcceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", read.AcceptEncoding);
        }
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        return request;
    }
}
