using System.Text.Json.Nodes;
using SummitApi.Tests.Infrastructure;

namespace SummitApi.Tests.Ecosystem;

/// <summary>
/// Swagger UI as a person meets it: served by the API on a real port under its strict Content-Security-Policy,
/// opened in headless Chromium (Debian's, driven by Playwright), one operation tried out. The screenshot is
/// left in tests/SummitApi.Tests/TestResults/ecosystem/swagger-ui.png.
/// </summary>
public class SwaggerUiBrowserTests(KestrelSummitApiFactory factory) : IClassFixture<KestrelSummitApiFactory>
{
    [Fact]
    public async Task Swagger_ui_describes_the_api_and_tries_out_the_concession_list_in_a_real_browser()
    {
        Assert.True(File.Exists(EcosystemTools.Chromium), $"{EcosystemTools.Chromium} is missing: apt-get install chromium (.ci/run does).");
        EcosystemTools.Bin("playwright-core"); // installed
        var screenshot = Path.Combine(EcosystemTools.ArtifactsDirectory(), "swagger-ui.png");
        File.Delete(screenshot);

        var run = await EcosystemTools.NodeAsync("swagger-ui-check.mjs", factory.Address.ToString().TrimEnd('/'), screenshot, EcosystemTools.Chromium);

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

        Assert.Equal(new Uri(factory.Address, "/api/v1/concessions").ToString(), Text("requestUrl"));
        Assert.Equal("200", Text("responseStatus"));
        var body = JsonNode.Parse(Text("responseBody"))!;
        Assert.Contains(body["items"]!.AsArray(), item => item!["id"]!.GetValue<string>() == "us-fentanyl-tariff-cut");
        Assert.Empty(seen["cspViolations"]!.AsArray());
        Assert.Empty(seen["consoleErrors"]!.AsArray());
        Assert.True(new FileInfo(screenshot).Length > 10_000, "the screenshot is missing or blank");
    }
}
