using System.Text.Json.Nodes;

namespace SummitApi.Tests.Ecosystem;

/// <summary>
/// Swagger UI as a person meets it: served by the API on a real port under its strict Content-Security-Policy,
/// opened in headless Chromium (Debian's, driven by Playwright), two operations tried out twice each (the second
/// time the API may answer from its response cache, compressed as the browser asks). The screenshot is left in
/// tests/SummitApi.Tests/TestResults/ecosystem/swagger-ui.png.
/// </summary>
public class SwaggerUiBrowserTests(KestrelSummitApiFactory factory) : IClassFixture<KestrelSummitApiFactory>
{
    [Fact]
    public async Task Swagger_ui_describes_the_api_and_tries_out_two_operations_twice_in_a_real_browser()
    {
        var chromium = await EcosystemTools.ChromiumAsync();
        var screenshot = Path.Combine(EcosystemTools.ArtifactsDirectory(), "swagger-ui.png");
        File.Delete(screenshot);

        var run = await EcosystemTools.NodeAsync("swagger-ui-check.mjs", factory.Address.ToString().TrimEnd('/'), screenshot, chromium);

        Assert.True(run.ExitCode == 0, $"the browser session failed: {run}");
        var seen = JsonNode.Parse(run.Output)!;
        string Text(string name) => seen[name]?.GetValue<string>() ?? "";
        Assert.StartsWith("SummitApi", Text("title"));
        Assert.Contains("1.0", Text("title"));
        Assert.Contains("Structured, sourced data about the outcomes of leaders' summits", Text("description"));
        Assert.Contains("SummitApi maintainers", Text("contact"));
        Assert.Equal(KestrelSummitApiFactory.ContactUrl, Text("contactHref"));
        Assert.Contains("Code: MIT", Text("license"));
        Assert.Equal("https://spdx.org/licenses/MIT.html", Text("licenseHref"));
        Assert.Equal(["SummitApi v1"], seen["definitions"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal("SummitApi v1", Text("selectedDefinition"));

        var executions = seen["executions"]!.AsArray().Select(e => new
        {
            Operation = e!["operation"]!.GetValue<string>(),
            RequestUrl = e["requestUrl"]!.GetValue<string>(),
            Status = e["responseStatus"]!.GetValue<string>(),
            Body = e["responseBody"]!.GetValue<string>(),
        }).ToList();
        Assert.Equal(["Concessions-ListConcessions", "Concessions-ListConcessions", "Readouts-GetReadoutDifferences", "Readouts-GetReadoutDifferences"],
            executions.Select(e => e.Operation));
        Assert.All(executions, e => Assert.Equal("200", e.Status));
        var concessions = executions.Where(e => e.Operation == "Concessions-ListConcessions").ToList();
        // Swagger UI fills in limit's documented default.
        Assert.All(concessions, e => Assert.Equal(new Uri(factory.Address, "/api/v1/concessions?limit=50").ToString(), e.RequestUrl));
        Assert.All(concessions, e => Assert.Contains(JsonNode.Parse(e.Body)!["items"]!.AsArray(), item => item!["id"]!.GetValue<string>() == "us-fentanyl-tariff-cut"));
        var differences = executions.Where(e => e.Operation == "Readouts-GetReadoutDifferences").ToList();
        Assert.All(differences, e => Assert.Equal(new Uri(factory.Address, "/api/v1/summits/busan-2025/readout-differences").ToString(), e.RequestUrl));
        Assert.All(differences, e => Assert.Contains(JsonNode.Parse(e.Body)!["items"]!.AsArray(), d => d!["topic"]!.GetValue<string>() == "taiwan"));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(concessions[0].Body), JsonNode.Parse(concessions[1].Body)), "the second answer differs from the first");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(differences[0].Body), JsonNode.Parse(differences[1].Body)), "the second answer differs from the first");
        Assert.Empty(seen["cspViolations"]!.AsArray());
        Assert.Empty(seen["consoleErrors"]!.AsArray());
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is missing or blank");
    }
}
