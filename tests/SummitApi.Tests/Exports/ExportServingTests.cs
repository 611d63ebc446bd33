using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SummitApi.Exports;
using static SummitApi.Tests.Exports.ExportTestKit;

namespace SummitApi.Tests.Exports;

/// <summary>GET /api/v1/exports, /latest and /{exportId}/{file}, over the fixture's exports directory.</summary>
public class ExportServingTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>, IAsyncLifetime
{
    private ExportManifest _export = null!;

    public async Task InitializeAsync() => _export = await ServedExporter(factory).ExportAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_list_holds_each_export_with_its_manifest_newest_first_and_pages_with_a_cursor()
    {
        var exporter = ServedExporter(factory);
        var newer = await exporter.ExportAsync();
        var newest = await exporter.ExportAsync();
        var client = factory.CreateClient();

        var first = await client.GetFromJsonAsync<JsonElement>("/api/v1/exports?limit=2");
        var ids = first.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("exportId").GetString()).ToList();
        Assert.Equal([newest.ExportId, newer.ExportId], ids);
        Assert.Equal(newest.Files.Count, first.GetProperty("items")[0].GetProperty("files").GetArrayLength());
        var next = await client.GetFromJsonAsync<JsonElement>($"/api/v1/exports?limit=2&cursor={first.GetProperty("nextCursor").GetString()}");
        Assert.True(next.GetProperty("items").EnumerateArray().Any(m => m.GetProperty("exportId").GetString() == _export.ExportId),
            $"export {_export.ExportId} (before {newer.ExportId} and {newest.ExportId}) is not on the second page: {next}; the folder holds [{string.Join(",", Directory.GetDirectories(factory.ExportsDirectory).Select(Path.GetFileName))}]; the first page: {first}");
        Assert.DoesNotContain(newer.ExportId, next.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("exportId").GetString()));

        var latest = await client.GetFromJsonAsync<ExportManifest>("/api/v1/exports/latest");
        Assert.Equal(newest.ExportId, latest!.ExportId);
        Assert.Equal(newer.ExportId, latest.PreviousExportId);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/exports?limit=0")).StatusCode);
    }

    [Theory]
    [InlineData("concessions.csv", "text/csv; charset=utf-8")]
    [InlineData("concessions.ndjson", "application/x-ndjson")]
    [InlineData("concessions.json", "application/json")]
    [InlineData("deltas/concessions.ndjson", "application/x-ndjson")]
    [InlineData("datapackage.json", "application/json")]
    public async Task A_file_is_served_as_stored_with_its_content_type_and_its_sha256_as_etag(string file, string contentType)
    {
        var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/exports/{_export.ExportId}/{file}");
        request.Headers.AcceptEncoding.ParseAdd("gzip, br");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal($"\"{_export.Files.Single(f => f.Name == file).Sha256}\"", response.Headers.ETag!.ToString());
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(factory.ExportsDirectory, _export.ExportId, file)), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
    }

    [Fact]
    public async Task A_range_is_answered_with_206_and_a_matching_etag_with_304()
    {
        var client = factory.CreateClient();
        var path = $"/api/v1/exports/{_export.ExportId}/summits.ndjson";
        var stored = await File.ReadAllBytesAsync(Path.Combine(factory.ExportsDirectory, _export.ExportId, "summits.ndjson"));

        using var range = new HttpRequestMessage(HttpMethod.Get, path);
        range.Headers.Range = new RangeHeaderValue(10, 29);
        var partial = await client.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal($"bytes 10-29/{stored.Length}", partial.Content.Headers.ContentRange!.ToString());
        Assert.Equal(stored[10..30], await partial.Content.ReadAsByteArrayAsync());

        var etag = (await client.GetAsync(path)).Headers.ETag!;
        using var conditional = new HttpRequestMessage(HttpMethod.Get, path);
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task Latest_serves_the_newest_exports_file_with_its_etag_range_head_304_and_a_download_name()
    {
        var newest = await ServedExporter(factory).ExportAsync();
        var client = factory.CreateClient();
        var stored = await File.ReadAllBytesAsync(Path.Combine(factory.ExportsDirectory, newest.ExportId, "concessions.csv"));
        var etag = $"\"{newest.Files.Single(f => f.Name == "concessions.csv").Sha256}\"";

        var response = await client.GetAsync("/api/v1/exports/latest/concessions.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(stored, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, response.Headers.ETag!.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"summitapi-{newest.ExportId}-concessions.csv", response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal($"/api/v1/exports/{newest.ExportId}/concessions.csv", response.Content.Headers.ContentLocation!.OriginalString);

        using var head = new HttpRequestMessage(HttpMethod.Head, "/api/v1/exports/latest/concessions.csv");
        var headers = await client.SendAsync(head);
        Assert.Equal(HttpStatusCode.OK, headers.StatusCode);
        Assert.Equal(stored.Length, headers.Content.Headers.ContentLength);
        Assert.Equal(etag, headers.Headers.ETag!.ToString());
        Assert.Empty(await headers.Content.ReadAsByteArrayAsync());

        using var range = new HttpRequestMessage(HttpMethod.Get, "/api/v1/exports/latest/concessions.csv");
        range.Headers.Range = new RangeHeaderValue(0, 9);
        var partial = await client.SendAsync(range);
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal(stored[..10], await partial.Content.ReadAsByteArrayAsync());

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/exports/latest/concessions.csv");
        conditional.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);

        var sums = await client.GetAsync("/api/v1/exports/latest/SHA256SUMS");
        Assert.Equal("text/plain; charset=utf-8", sums.Content.Headers.ContentType!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/exports/latest/nope.csv")).StatusCode);
    }

    [Fact]
    public async Task A_file_of_an_export_is_named_for_download_with_the_export_id_and_answers_head()
    {
        var client = factory.CreateClient();

        using var head = new HttpRequestMessage(HttpMethod.Head, $"/api/v1/exports/{_export.ExportId}/deltas/concessions.ndjson");
        var response = await client.SendAsync(head);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"summitapi-{_export.ExportId}-deltas-concessions.ndjson", response.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal(_export.Files.Single(f => f.Name == "deltas/concessions.ndjson").Bytes, response.Content.Headers.ContentLength);
    }

    [Fact]
    public async Task The_manifest_is_served_and_equals_the_latest_manifest()
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync($"/api/v1/exports/{_export.ExportId}/manifest.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.ETag);
        var manifest = await response.Content.ReadFromJsonAsync<ExportManifest>();
        Assert.Equal(_export.Files.Select(f => f.Sha256), manifest!.Files.Select(f => f.Sha256));
    }

    [Theory]
    [InlineData("/api/v1/exports/20000101T000000Z/manifest.json")]
    [InlineData("/api/v1/exports/not-an-export/manifest.json")]
    [InlineData("/api/v1/exports/{id}/nope.csv")]
    [InlineData("/api/v1/exports/{id}/deltas/nope.ndjson")]
    [InlineData("/api/v1/exports/{id}/..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/api/v1/exports/{id}/deltas%2F..%2Fmanifest.json")]
    [InlineData("/api/v1/exports/{id}/deltas/..%2Fconcessions.csv")]
    [InlineData("/api/v1/exports/{id}/%2Fetc%2Fpasswd")]
    [InlineData("/api/v1/exports/..%2F{id}/manifest.json")]
    [InlineData("/api/v1/exports/.tmp-{id}/manifest.json")]
    [InlineData("/api/v1/exports/{id}/%2e%2e%2f%2e%2e%2fetc%2fpasswd")]
    [InlineData("/api/v1/exports/{id}/deltas/%2e%2e%2fmanifest.json")]
    [InlineData("/api/v1/exports/{id}/..%5C..%5Cetc%5Cpasswd")]
    [InlineData("/api/v1/exports/{id}/deltas%5C..%5Cconcessions.csv")]
    [InlineData("/api/v1/exports/{id}/%252e%252e%252fmanifest.json")]
    [InlineData("/api/v1/exports/{id}/C:%5Cwindows%5Cwin.ini")]
    [InlineData("/api/v1/exports/{id}/%2Fvar%2Flib%2Fsummitapi%2Fexports")]
    public async Task Unknown_exports_unlisted_files_and_traversal_attempts_are_404_problems(string path)
    {
        var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri(path.Replace("{id}", _export.ExportId), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
