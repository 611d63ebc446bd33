using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SummitApi.Tests.Platform;

/// <summary>
/// /api/v1 never breaks once released: the served document must still hold every path, operation (by its
/// operationId), response, parameter, schema, property, type and enum value of the committed snapshot
/// (docs/openapi/v1.json). Additions are allowed; to record them, run the tests with
/// UPDATE_OPENAPI_SNAPSHOT=1 and commit the new snapshot.
/// </summary>
public class OpenApiContractTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    [Fact]
    public async Task The_served_v1_document_keeps_everything_the_committed_snapshot_promises()
    {
        var served = await factory.CreateClient().GetFromJsonAsync<JsonNode>("/swagger/v1/swagger.json");
        var snapshotPath = Path.Combine(RepositoryRoot(), "docs", "openapi", "v1.json");
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI_SNAPSHOT") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(snapshotPath)!);
            await File.WriteAllTextAsync(snapshotPath, served!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        }
        var snapshot = JsonNode.Parse(await File.ReadAllTextAsync(snapshotPath))!;

        var breaks = OpenApiCompatibility.Breaks(snapshot, served!).ToList();

        Assert.True(breaks.Count == 0, "The served document breaks the v1 contract:\n" + string.Join("\n", breaks));
    }

    [Fact]
    public void The_compatibility_check_reports_a_removed_path_field_enum_value_changed_type_and_changed_operation_id()
    {
        var before = JsonNode.Parse("""
            { "paths": { "/a": { "get": { "operationId": "GetA", "responses": { "200": {} } } }, "/b": { "get": {} } },
              "components": { "schemas": { "Thing": { "type": "object", "properties": {
                  "id": { "type": "string" }, "count": { "type": "integer" }, "gone": { "type": "string" },
                  "kind": { "type": "string", "enum": ["x", "y"] } } } } } }
            """)!;
        var after = JsonNode.Parse("""
            { "paths": { "/a": { "get": { "operationId": "FetchA", "responses": { "200": {}, "404": {} } } }, "/c": { "get": {} } },
              "components": { "schemas": { "Thing": { "type": "object", "properties": {
                  "id": { "type": "string" }, "count": { "type": "string" }, "added": { "type": "string" },
                  "kind": { "type": "string", "enum": ["x"] } } } } } }
            """)!;

        var breaks = OpenApiCompatibility.Breaks(before, after).ToList();

        Assert.Contains(breaks, b => b.Contains("/b"));
        Assert.Contains(breaks, b => b.Contains("Thing.gone"));
        Assert.Contains(breaks, b => b.Contains("Thing.count") && b.Contains("type"));
        Assert.Contains(breaks, b => b.Contains("Thing.kind") && b.Contains("'y'"));
        Assert.Contains(breaks, b => b.Contains("GET /a changed its operationId"));
        Assert.Equal(5, breaks.Count);
    }

    [Fact]
    public void The_compatibility_check_reports_a_changed_response_shape()
    {
        var before = JsonNode.Parse("""
            { "paths": { "/keys": { "get": { "responses": { "200": { "content": { "application/json": {
                "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Key" } } } } } } } } } }
            """)!;
        var after = JsonNode.Parse("""
            { "paths": { "/keys": { "get": { "responses": { "200": { "content": { "application/json": {
                "schema": { "$ref": "#/components/schemas/KeyPage" } } } } } } } } }
            """)!;

        var breaks = OpenApiCompatibility.Breaks(before, after).ToList();

        Assert.Equal("GET /keys 200 changed type from \"array\" to \"#/components/schemas/KeyPage\"", Assert.Single(breaks));
    }

    /// <summary>
    /// Lists answer { items, nextCursor }. The collections that do not are named in the README with the reason, and
    /// stay as v1 released them: changing a response's shape breaks every client of it.
    /// </summary>
    [Fact]
    public async Task Every_collection_is_a_page_but_the_ones_the_readme_names()
    {
        var served = (await factory.CreateClient().GetFromJsonAsync<JsonNode>("/swagger/v1/swagger.json"))!;

        var unpaged = served["paths"]!.AsObject()
            .Where(path => !path.Key.EndsWith('}') && path.Key != "/api/v1/exports/latest" && path.Value?["get"] is not null)
            .Where(path => !IsPage(path.Value!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!))
            .Select(path => path.Key)
            .ToList();

        Assert.Equal(["/api/v1/keys", "/api/v1/summits/{summitId}/readout-differences", "/api/v1/vocabularies"], unpaged.Order(StringComparer.Ordinal));
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "README.md"));
        Assert.All(unpaged, path => Assert.Contains($"`GET {path}`", readme));

        bool IsPage(JsonNode schema) =>
            schema["$ref"]?.GetValue<string>() is { } reference
            && served["components"]!["schemas"]![reference.Split('/')[^1]]!["properties"] is JsonObject properties
            && properties.ContainsKey("items") && properties.ContainsKey("nextCursor");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SummitApi.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (SummitApi.sln) was not found above the test output.");
    }
}
