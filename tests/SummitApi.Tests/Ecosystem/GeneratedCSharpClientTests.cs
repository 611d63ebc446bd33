using System.Text.Json.Nodes;

namespace SummitApi.Tests.Ecosystem;

/// <summary>
/// C# services' view of the API through clients generated from the served document by Kiota 1.38 and NSwag 14.7 (the
/// dotnet tools pinned in .config/dotnet-tools.json): the generator must not warn about the document, the program must
/// compile against what it made, and two runs against the same API (the second may be answered from the response cache,
/// compressed, as the client asks) must both page all concessions, read the readout differences, an outcome, an asOf
/// read and revisions, and catch a bad filter value as Problem Details naming the parameter.
/// </summary>
public class GeneratedCSharpClientTests(KestrelSummitApiFactory factory) : IClassFixture<KestrelSummitApiFactory>
{
    private const string KiotaRuntimeVersion = "2.1.6";

    /// <summary>
    /// What Kiota says about itself rather than about a fault of the document, each with why it is not one.
    /// </summary>
    private static readonly string[] KiotaRemarksThatAreNotDocumentFaults =
    [
        // The document names a relative server ("/": whatever host serves it); Kiota reads that as none, and the program
        // sets BaseUrl itself, as Kiota asks.
        "A servers entry (v3) or host + basePath + schemes properties (v2) was not present in the OpenAPI description.",
        // "uri" is a standard JSON Schema format that Kiota maps to string.
        "The format uri is not supported by Kiota and the string type will be used.",
        // Two operations stream every file of an export (by its id, and the latest's): JSON, NDJSON, CSV or Parquet;
        // Kiota returns one type per operation.
        "#/paths/~1api~1v1~1exports~1{exportId}~1{file}/get - The operation describes multiple response schemas that are divergent.",
        "#/paths/~1api~1v1~1exports~1latest~1{file}/get - The operation describes multiple response schemas that are divergent.",
    ];

    private static readonly Dictionary<string, string> KiotaPackages = new()
    {
        ["Microsoft.Kiota.Abstractions"] = KiotaRuntimeVersion,
        ["Microsoft.Kiota.Http.HttpClientLibrary"] = KiotaRuntimeVersion,
        ["Microsoft.Kiota.Serialization.Json"] = KiotaRuntimeVersion,
        ["Microsoft.Kiota.Serialization.Text"] = KiotaRuntimeVersion,
        ["Microsoft.Kiota.Serialization.Form"] = KiotaRuntimeVersion,
        ["Microsoft.Kiota.Serialization.Multipart"] = KiotaRuntimeVersion,
    };

    [Fact]
    public async Task Kiota_client_pages_all_concessions_and_reads_differences_an_outcome_asof_revisions_and_a_problem_twice()
    {
        await EcosystemTools.DotnetToolsAsync();
        using var program = GeneratedCSharpClient.Create("KiotaCheck", "kiota", KiotaPackages);

        var generate = await EcosystemTools.RunAsync("dotnet",
            ["tool", "run", "kiota", "generate", "--language", "CSharp", "--openapi", DocumentUrl, "--output", program.GeneratedDirectory,
                "--namespace-name", "Summit.Kiota", "--class-name", "SummitClient", "--log-level", "Warning"],
            // No update check (no network here), no tips, no telemetry.
            new Dictionary<string, string> { ["KIOTA_OFFLINE_ENABLED"] = "true", ["KIOTA_TUTORIAL_ENABLED"] = "false", ["KIOTA_CLI_TELEMETRY_OPTOUT"] = "true" },
            workingDirectory: EcosystemTools.RepositoryRoot);

        Assert.True(generate.ExitCode == 0, $"Kiota failed: {generate}");
        var warnings = KiotaWarnings(generate.Output + generate.Error).Where(w => !KiotaRemarksThatAreNotDocumentFaults.Any(w.Contains)).ToList();
        Assert.True(warnings.Count == 0, "Kiota warns about the document:\n" + string.Join("\n", warnings));
        await AssertTheProgramReadsTheApiTwiceAsync(program);
    }

    [Fact]
    public async Task NSwag_client_pages_all_concessions_and_reads_differences_an_outcome_asof_revisions_and_a_problem_twice()
    {
        await EcosystemTools.DotnetToolsAsync();
        using var program = GeneratedCSharpClient.Create("NSwagCheck", "nswag", new Dictionary<string, string>());
        Directory.CreateDirectory(program.GeneratedDirectory);

        var generate = await EcosystemTools.RunAsync("dotnet",
            ["tool", "run", "nswag", "openapi2csclient", $"/input:{DocumentUrl}", $"/output:{Path.Combine(program.GeneratedDirectory, "SummitClient.cs")}",
                "/namespace:Summit.NSwag", "/className:SummitClient", "/jsonLibrary:SystemTextJson", "/generateClientInterfaces:false",
                "/operationGenerationMode:SingleClientFromOperationId",
                // NSwag's default ("s") sends a date-time without its offset, which RFC 3339 (format: date-time) requires.
                "/parameterDateTimeFormat:o"],
            workingDirectory: EcosystemTools.RepositoryRoot);

        Assert.True(generate.ExitCode == 0, $"NSwag failed: {generate}");
        var warnings = (generate.Output + generate.Error).Split('\n').Where(line => line.Contains("warn", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(warnings.Count == 0, "NSwag warns about the document:\n" + string.Join("\n", warnings));
        await AssertTheProgramReadsTheApiTwiceAsync(program);
    }

    private string DocumentUrl => new Uri(factory.Address, "/swagger/v1/swagger.json").ToString();

    private async Task AssertTheProgramReadsTheApiTwiceAsync(GeneratedCSharpClient program)
    {
        await program.BuildAsync();
        var asOf = DateTimeOffset.UtcNow;
        var expectedConcessions = await factory.CountAsync("SELECT count(*) FROM concession");

        foreach (var time in new[] { 1, 2 })
        {
            var run = await program.RunAsync(factory.Address, asOf);

            Assert.True(run.ExitCode == 0, $"run {time} of the program failed: {run}");
            var seen = JsonNode.Parse(run.Output)!;
            var ids = seen["concessionIds"]!.AsArray().Select(id => id!.GetValue<string>()).ToList();
            Assert.Equal(expectedConcessions, ids.Count);
            Assert.Equal(ids.Distinct().Count(), ids.Count);
            Assert.Contains("us-fentanyl-tariff-cut", ids);
            Assert.Equal((int)Math.Ceiling(expectedConcessions / 5.0), seen["pages"]!.GetValue<int>());
            Assert.Contains(seen["differences"]!.AsArray(), d => d!["topic"]!.GetValue<string>() == "taiwan" && d["classification"]!.GetValue<string>() == "absent_from_all");
            Assert.Equal("truce-extension", seen["outcome"]!["id"]!.GetValue<string>());
            Assert.Equal("busan-2025", seen["asOfSummit"]!["id"]!.GetValue<string>());
            var revisions = seen["revisions"]!.AsArray();
            Assert.Equal(1, revisions[0]!["version"]!.GetValue<int>());
            Assert.All(revisions, r => Assert.Equal("us-fentanyl-tariff-cut", r!["bodyId"]!.GetValue<string>()));
            var problem = seen["problem"]!;
            Assert.Equal(400, problem["status"]!.GetValue<int>());
            Assert.False(string.IsNullOrEmpty(problem["traceId"]?.GetValue<string>()), "the problem has no traceId");
            Assert.Contains("giver", problem["errors"]!.AsArray().Select(e => e!.GetValue<string>()));
        }
    }

    /// <summary>Kiota's log lines at warning level: "warn: Category[id]" followed by the message on the next line.</summary>
    private static IEnumerable<string> KiotaWarnings(string output)
    {
        var lines = output.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("warn:", StringComparison.Ordinal) || lines[i].StartsWith("fail:", StringComparison.Ordinal) || lines[i].StartsWith("crit:", StringComparison.Ordinal))
            {
                yield return i + 1 < lines.Length ? lines[i + 1].Trim() : lines[i];
            }
        }
    }
}
