using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SummitApi.Exports;
using SummitApi.Platform.Catalog;
using SummitApi.Resources;
using SummitApi.Resources.Citations;

namespace SummitApi.Tests.Resources;

/// <summary>
/// Adding a resource is one catalog entry, its folder and its migration: whatever the catalog lists is served,
/// written (unless it is reference data), seeded, exported and readable as of any time, over HTTP on real PostgreSQL.
/// </summary>
public class ResourceCatalogTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    public static TheoryData<string> Entries() => [.. ResourceCatalog.Instance.Records.Select(r => r.Path)];

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task Each_entry_is_seeded_and_served_by_id_now_and_as_of_a_time(string path)
    {
        var resource = Entry(path);
        await using var connection = await factory.OpenConnectionAsync();
        var seeded = await connection.QueryAsync<string>(
            """
            SELECT DISTINCT r.record_id FROM revision r JOIN change_set cs ON cs.seq = r.seq
             WHERE r.entity = @table AND cs.author = 'seeds' ORDER BY 1 LIMIT 3
            """, new { table = resource.Table });
        var id = Assert.IsType<string>(seeded.FirstOrDefault(), exactMatch: false);
        var client = factory.CreateClient();

        var now = await client.GetAsync($"/api/v1/{path}/{Uri.EscapeDataString(id)}");
        var asOf = await client.GetAsync($"/api/v1/{path}/{Uri.EscapeDataString(id)}?asOf={Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"))}");

        Assert.Equal(HttpStatusCode.OK, now.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asOf.StatusCode);
        Assert.Equal(id, (await now.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString());
        Assert.Equal(await now.Content.ReadAsStringAsync(), await asOf.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task Each_entry_is_written_with_a_revision_history_unless_it_is_reference_data(string path)
    {
        var resource = Entry(path);
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var paths = document.GetProperty("paths");
        var item = $"/api/v1/{path}/{{{resource.IdParameter}}}";

        Assert.True(paths.GetProperty(item).TryGetProperty("get", out _));
        string[] writes = [Operation(paths, $"/api/v1/{path}", "post"), Operation(paths, item, "put"), Operation(paths, item, "patch"),
            Operation(paths, item, "delete"), Operation(paths, item + "/revisions", "get")];
        Assert.Equal(resource.IsWritable
            ? [$"Create{resource.Name}", $"Replace{resource.Name}", $"Patch{resource.Name}", $"Delete{resource.Name}", $"List{resource.Name}Revisions"]
            : ["", "", "", "", ""], writes);
    }

    [Fact]
    public void Each_entry_is_an_export_data_set_and_each_data_set_an_entry_or_computed_from_them()
    {
        var datasets = ExportDatasets.All.Select(d => d.Name).ToList();

        Assert.Equal(ResourceCatalog.Instance.Records.Select(r => r.Path).Order(StringComparer.Ordinal),
            datasets.Where(name => name != "readout-differences").Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Each_entry_is_exported_with_its_own_query_and_the_serializers_of_its_folder(string path)
    {
        var resource = Entry(path);
        var dataset = ExportDatasets.All.Single(d => d.Name == path);

        // A folder's context returns no metadata for a type it was not given (there is no reflection behind it).
        Assert.NotNull(resource.Serializers.GetTypeInfo(resource.RecordType, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        Assert.Equal(resource.RecordType, dataset.TypeInfo.Type);
        Assert.Equal(resource.Table, dataset.Table);
        Assert.Equal($"SELECT count(*) FROM {resource.Table}", dataset.CountSql);
    }

    [Fact]
    public void Every_answer_of_the_resources_reads_is_written_by_source_generated_serializers()
    {
        // Reflection would serialize a type the contexts miss, silently and more slowly: every 200 a resource's handler
        // declares must come from ResourceCatalog.Serializers, the folders' contexts combined.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var answers = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Where(e => e.Metadata.GetMetadata<MethodInfo>()?.DeclaringType?.Namespace?.StartsWith("SummitApi.Resources.", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.OfType<IProducesResponseTypeMetadata>())
            .Where(m => m.StatusCode == StatusCodes.Status200OK && m.Type is not null)
            .Select(m => m.Type!)
            .Distinct()
            .ToList();
        var reflected = answers.Where(type => ResourceCatalog.Instance.Serializers.GetTypeInfo(type, options) is null).ToList();

        Assert.True(answers.Count >= 14, $"only {answers.Count} answer types found");
        Assert.Empty(reflected);
    }

    [Fact]
    public void A_citation_may_cite_exactly_the_entries_whose_records_carry_citations()
    {
        var cited = ResourceCatalog.Instance.Records.Where(r => r.RecordType.GetProperty("Citations") is not null).Select(r => r.Table);

        Assert.Equal(cited.Order(StringComparer.Ordinal), ResourceCatalog.Instance.CitedRecordTypes().Order(StringComparer.Ordinal));
    }

    private static IRecordResource Entry(string path) => ResourceCatalog.Instance.Records.Single(r => r.Path == path);

    private static string Operation(JsonElement paths, string path, string method) =>
        paths.TryGetProperty(path, out var item) && item.TryGetProperty(method, out var operation) ? operation.GetProperty("operationId").GetString()! : "";
}
