using System.Text.Json.Nodes;

namespace SummitApi.Tests.Ecosystem;

/// <summary>
/// The served v1 document as other tools judge it: Spectral (spectral:oas, plus SummitApi's own rules in
/// tools/ecosystem/.spectral.yaml) and Redocly CLI (recommended) report nothing, not even a warning.
/// </summary>
public class OpenApiLintTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("summit-openapi-lint-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Spectral_reports_nothing_in_the_served_document()
    {
        var problems = await SpectralAsync(await ServedDocumentAsync());

        Assert.True(problems.Count == 0, "Spectral reports:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Redocly_reports_nothing_in_the_served_document()
    {
        var problems = await RedoclyAsync(await ServedDocumentAsync());

        Assert.True(problems.Count == 0, "Redocly reports:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task The_linters_catch_an_invalid_example_an_undescribed_parameter_or_schema_and_a_license_without_url()
    {
        var document = await ServedDocumentAsync();
        document["components"]!["schemas"]!["Concession"]!["properties"]!["id"]!["example"] = 42;
        document["components"]!["schemas"]!["Party"]!.AsObject().Remove("description");
        document["paths"]!["/api/v1/concessions"]!["get"]!["parameters"]![0]!.AsObject().Remove("description");
        document["info"]!["license"]!.AsObject().Remove("url");

        var spectral = await SpectralAsync(document);
        var redocly = await RedoclyAsync(document);

        Assert.Contains(spectral, p => p.StartsWith("oas3-valid-schema-example", StringComparison.Ordinal) && p.Contains("Concession.properties.id", StringComparison.Ordinal));
        Assert.Contains(spectral, p => p.StartsWith("summit-parameter-description", StringComparison.Ordinal));
        Assert.Contains(spectral, p => p.StartsWith("summit-schema-description", StringComparison.Ordinal) && p.Contains("Party", StringComparison.Ordinal));
        Assert.Contains(redocly, p => p.StartsWith("info-license-strict", StringComparison.Ordinal));
    }

    private async Task<JsonNode> ServedDocumentAsync() =>
        JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json"))!;

    private async Task<string> WriteAsync(JsonNode document)
    {
        var path = Path.Combine(_directory, $"v1-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, document.ToJsonString());
        return path;
    }

    /// <summary>Spectral's findings, one line each: rule, JSON path, message.</summary>
    private async Task<List<string>> SpectralAsync(JsonNode document)
    {
        var run = await EcosystemTools.RunAsync(await EcosystemTools.BinAsync("spectral"),
            ["lint", "--ruleset", ".spectral.yaml", "--format", "json", "--quiet", await WriteAsync(document)]);
        Assert.True(run.Output.TrimStart().StartsWith('['), $"Spectral did not answer JSON: {run}");
        var problems = JsonNode.Parse(run.Output)!.AsArray()
            .Select(p => $"{p!["code"]} at {string.Join('.', p["path"]!.AsArray().Select(s => s!.ToString()))}: {p["message"]}").ToList();
        return problems;
    }

    /// <summary>Redocly's findings, one line each: rule, JSON pointer, message.</summary>
    private async Task<List<string>> RedoclyAsync(JsonNode document)
    {
        var run = await EcosystemTools.RunAsync(await EcosystemTools.BinAsync("redocly"),
            ["lint", "--config", "redocly.yaml", "--format", "json", await WriteAsync(document)]);
        var json = run.Output[run.Output.IndexOf('{')..];
        return
        [
            .. JsonNode.Parse(json)!["problems"]!.AsArray()
                .Select(p => $"{p!["ruleId"]} at {p["location"]?[0]?["pointer"]}: {p["message"]}"),
        ];
    }
}
