using System.Text.Json.Nodes;

namespace SummitApi.Tests.Ecosystem;

/// <summary>
/// A TypeScript service's view of the API, as the README tells it to build one: types generated from the
/// served document by openapi-typescript, calls made with openapi-fetch, compiled by tsc (which checks
/// every path, parameter and field the client uses), then run against the API on a real port.
/// </summary>
public class TypeScriptClientTests(KestrelSummitApiFactory factory) : IClassFixture<KestrelSummitApiFactory>
{
    [Fact]
    public async Task A_client_generated_from_the_document_compiles_pages_through_concessions_and_reads_readout_differences()
    {
        var document = new Uri(factory.Address, "/swagger/v1/swagger.json").ToString();
        var generate = await EcosystemTools.RunAsync(await EcosystemTools.BinAsync("openapi-typescript"), [document, "-o", "client/generated/summit-api.d.ts"]);
        Assert.True(generate.ExitCode == 0, $"openapi-typescript failed: {generate}");
        var compile = await EcosystemTools.RunAsync(await EcosystemTools.BinAsync("tsc"), ["-p", "client"]);
        Assert.True(compile.ExitCode == 0, $"tsc failed: {compile}");

        var run = await EcosystemTools.NodeAsync("client/generated/build/check-client.js", factory.Address.ToString().TrimEnd('/'));

        Assert.True(run.ExitCode == 0, $"the client failed: {run}");
        var result = JsonNode.Parse(run.Output)!;
        var ids = result["concessionIds"]!.AsArray().Select(id => id!.GetValue<string>()).ToList();
        var expected = await factory.CountAsync("SELECT count(*) FROM concession");
        Assert.Equal(expected, ids.Count);
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.Contains("us-fentanyl-tariff-cut", ids);
        Assert.Equal((int)Math.Ceiling(expected / 5.0), result["pages"]!.GetValue<int>());
        Assert.True(result["pages"]!.GetValue<int>() >= 2, "one page proves nothing about following nextCursor");

        var differences = result["differences"]!.AsArray();
        Assert.Contains(differences, d => d!["topic"]!.GetValue<string>() == "taiwan" && d["classification"]!.GetValue<string>() == "absent_from_all");
        Assert.All(differences, d => Assert.NotEmpty(d!["parties"]!.AsArray()));
        Assert.Equal(404, result["missing"]!["status"]!.GetValue<int>());
        Assert.Equal("Not found", result["missing"]!["title"]!.GetValue<string>());
    }
}
