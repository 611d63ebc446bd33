using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Xunit.Abstractions;

namespace SummitApi.Tests.Reliability;

/// <summary>Many editors racing on one record over real sockets: If-Match lets exactly one win each version.</summary>
public class ConcurrentEditTests(UnlimitedApiFactory factory, ITestOutputHelper output) : IClassFixture<UnlimitedApiFactory>
{
    private const int Editors = 100;
    private const int Rounds = 3;
    private const string Path = "/api/v1/summits/contested-2026";

    [Fact]
    public async Task A_hundred_concurrent_conflicting_edits_with_if_match_let_exactly_one_win_per_version_and_the_history_has_no_gaps()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiKeys.CreateAsync(factory, "editor"));
        var created = await client.PostAsync("/api/v1/summits", Body(NewRecords.Summit("contested-2026"), "application/json"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var winners = new List<string>();

        for (var round = 0; round < Rounds; round++)
        {
            var etag = (await client.GetAsync(Path)).Headers.ETag!.Tag;
            using var start = new ManualResetEventSlim();
            var edits = Enumerable.Range(0, Editors).Select(i => Task.Run(async () =>
            {
                var title = $"Round {round} edit {i}";
                // Half replace the record, half merge-patch it: both must respect the same precondition.
                using var request = i % 2 == 0
                    ? new HttpRequestMessage(HttpMethod.Put, Path) { Content = Body(Titled(title), "application/json") }
                    : new HttpRequestMessage(HttpMethod.Patch, Path) { Content = Body(new JsonObject { ["title"] = title }, "application/merge-patch+json") };
                request.Headers.TryAddWithoutValidation("If-Match", etag);
                start.Wait();
                using var response = await client.SendAsync(request);
                return (Title: title, response.StatusCode, ETag: response.Headers.ETag?.Tag);
            })).ToList();
            start.Set();
            var answers = await Task.WhenAll(edits);

            var won = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
            Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.PreconditionFailed, a.StatusCode));
            var current = await client.GetAsync(Path);
            Assert.Equal(won.ETag, current.Headers.ETag?.Tag);
            Assert.Equal(won.Title, (string?)JsonNode.Parse(await current.Content.ReadAsStringAsync())!["title"]);
            winners.Add(won.Title);
        }

        await using var connection = await factory.OpenConnectionAsync();
        var history = (await connection.QueryAsync<(int Version, long Seq, string? Title)>(
            "SELECT version, seq, body ->> 'title' FROM revision WHERE entity = 'summit' AND record_id = 'contested-2026' ORDER BY version")).ToList();
        output.WriteLine($"{Rounds} rounds of {Editors} concurrent edits: versions {string.Join(", ", history.Select(h => h.Version))}");
        Assert.Equal(Enumerable.Range(1, Rounds + 1), history.Select(h => h.Version));
        Assert.Equal(winners, history.Skip(1).Select(h => h.Title));
        Assert.Equal(history.Select(h => h.Seq).Order(), history.Select(h => h.Seq));
    }

    private static JsonObject Titled(string title)
    {
        var summit = NewRecords.Summit("contested-2026");
        summit["title"] = title;
        return summit;
    }

    private static StringContent Body(JsonNode json, string mediaType) => new(json.ToJsonString(), Encoding.UTF8, mediaType);
}
