using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace SummitApi.Tests.Platform.Writes;

/// <summary>
/// What GET returns, PUT and PATCH accept: for every writable resource of the served document, a record read and
/// sent back unchanged writes nothing, and one changed field makes exactly one revision.
/// </summary>
public sealed class RoundTripTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    public static TheoryData<string> WritableCollections()
    {
        // The served document is the resource list: every path with PUT and PATCH on its items.
        var document = JsonNode.Parse(File.ReadAllText(Path.Combine(Ecosystem.EcosystemTools.RepositoryRoot, "docs", "openapi", "v1.json")))!;
        var collections = new TheoryData<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            if (item!["put"] is not null && item["patch"] is not null)
            {
                collections.Add(path[..path.LastIndexOf('/')]);
            }
        }
        return collections;
    }

    [Theory]
    [MemberData(nameof(WritableCollections))]
    public async Task A_record_put_back_as_read_writes_no_revision(string collection)
    {
        var client = await EditorAsync();
        var (path, record, etag) = await FirstRecordAsync(client, collection);
        var revisions = await RevisionCountAsync(client, path);

        var response = await client.SendAsync(Write(HttpMethod.Put, path, record.ToJsonString(), "application/json", etag));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT {path} as read: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(etag, response.Headers.ETag?.Tag);
        Assert.Equal(revisions, await RevisionCountAsync(client, path));
    }

    [Theory]
    [MemberData(nameof(WritableCollections))]
    public async Task An_empty_merge_patch_writes_no_revision(string collection)
    {
        var client = await EditorAsync();
        var (path, _, etag) = await FirstRecordAsync(client, collection);
        var revisions = await RevisionCountAsync(client, path);

        var response = await client.SendAsync(Write(HttpMethod.Patch, path, "{}", "application/merge-patch+json", etag));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PATCH {path} {{}}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(revisions, await RevisionCountAsync(client, path));
    }

    [Theory]
    [MemberData(nameof(WritableCollections))]
    public async Task A_merge_patch_of_one_field_makes_one_revision_and_changing_a_derived_field_is_refused_by_name(string collection)
    {
        var client = await EditorAsync();
        var (path, record, etag) = await FirstRecordAsync(client, collection);
        var revisions = await RevisionCountAsync(client, path);
        var (field, value) = OneChange(record);

        var response = await client.SendAsync(Write(HttpMethod.Patch, path, new JsonObject { [field] = value }.ToJsonString(), "application/merge-patch+json", etag));

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PATCH {path} {field}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(revisions + 1, await RevisionCountAsync(client, path));
        if (DerivedField(collection) is { } derived)
        {
            var changed = await client.SendAsync(Write(HttpMethod.Patch, path, new JsonObject { [derived] = "changed" }.ToJsonString(),
                "application/merge-patch+json", response.Headers.ETag!.Tag));
            var problem = await ApiAssertions.AssertProblemAsync(changed, HttpStatusCode.BadRequest);
            Assert.Contains("read-only", problem.GetProperty("errors").GetProperty(derived)[0].GetString());
        }
    }

    [Fact]
    public async Task Patching_a_readouts_statement_makes_one_revision_and_the_readout_shows_it()
    {
        var client = await EditorAsync();
        var readout = JsonNode.Parse(await client.GetStringAsync("/api/v1/summits/busan-2025/readouts?limit=1"))!["items"]![0]!;
        var statementPath = $"/api/v1/readout-statements/{readout["statements"]![0]!["id"]}";
        var etag = (await client.GetAsync(statementPath)).Headers.ETag!.Tag;
        var revisions = await RevisionCountAsync(client, statementPath);

        var response = await client.SendAsync(Write(HttpMethod.Patch, statementPath, """{"notes":"Reviewed against both sources."}""", "application/merge-patch+json", etag));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(revisions + 1, await RevisionCountAsync(client, statementPath));
        var reread = JsonNode.Parse(await client.GetStringAsync($"/api/v1/readouts/{readout["id"]}"))!;
        Assert.Equal("Reviewed against both sources.", (string?)reread["statements"]![0]!["notes"]);
    }

    [Fact]
    public async Task Changing_a_readouts_statements_through_the_readout_is_refused_naming_where_to_write_them()
    {
        var client = await EditorAsync();
        var (path, _, etag) = await FirstRecordAsync(client, "/api/v1/readouts");

        var response = await client.SendAsync(Write(HttpMethod.Patch, path, """{"statements":[]}""", "application/merge-patch+json", etag));

        var problem = await ApiAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("/api/v1/readout-statements", problem.GetProperty("errors").GetProperty("statements")[0].GetString());
    }

    private static string? DerivedField(string collection) => collection switch
    {
        "/api/v1/readout-statements" => "partyId",
        "/api/v1/citations" => "recordPath",
        _ => null,
    };

    /// <summary>A change every resource takes: its notes, or for a citation (which has none) a shorter excerpt of the same passage.</summary>
    private static (string Field, JsonNode Value) OneChange(JsonObject record) => record.ContainsKey("notes")
        ? ("notes", JsonValue.Create($"Checked on {Guid.NewGuid():N}."))
        : ("excerpt", JsonValue.Create(((string)record["excerpt"]!)[..^1]));

    private async Task<HttpClient> EditorAsync()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiKeys.CreateAsync(factory, "editor"));
        return client;
    }

    private static async Task<(string Path, JsonObject Record, string ETag)> FirstRecordAsync(HttpClient client, string collection)
    {
        var list = collection switch
        {
            "/api/v1/readouts" => "/api/v1/summits/busan-2025/readouts?limit=1",
            "/api/v1/readout-statements" => "/api/v1/summits/busan-2025/readouts?limit=1",
            "/api/v1/events" => "/api/v1/timeline?limit=1",
            "/api/v1/citations" => "/api/v1/sources/nyt-kuo-pierson-2025-10-30/citations?limit=1",
            _ => collection + "?limit=1",
        };
        var first = JsonNode.Parse(await client.GetStringAsync(list))!["items"]![0]!;
        var id = collection == "/api/v1/readout-statements" ? (string)first["statements"]![0]!["id"]! : (string)first["id"]!;
        var path = $"{collection}/{Uri.EscapeDataString(id)}";
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (path, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), response.Headers.ETag!.Tag);
    }

    private static async Task<int> RevisionCountAsync(HttpClient client, string path) =>
        JsonNode.Parse(await client.GetStringAsync(path + "/revisions?limit=500"))!["items"]!.AsArray().Count;

    private static HttpRequestMessage Write(HttpMethod method, string path, string body, string mediaType, string etag)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }
}
