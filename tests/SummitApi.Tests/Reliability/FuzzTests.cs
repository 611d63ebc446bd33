using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Dapper;
using Npgsql;
using SummitApi.Platform.Auth;
using SummitApi.Tests.Exports;
using Xunit.Abstractions;

namespace SummitApi.Tests.Reliability;

/// <summary>
/// Reads the served OpenAPI document and sends every operation generated invalid requests (CsCheck):
/// each must be answered with a 4xx the operation documents, as Problem Details that reveal nothing of
/// the inside, and must change no row. FUZZ_REQUESTS_PER_OPERATION sets the count (50 in CI; tools/fuzz
/// runs thousands); a failure prints the CsCheck seed that reproduces it (CsCheck_Seed=...).
/// </summary>
public class FuzzTests(UnlimitedApiFactory factory, ITestOutputHelper output) : IClassFixture<UnlimitedApiFactory>
{
    private static readonly int RequestsPerOperation =
        int.TryParse(Environment.GetEnvironmentVariable("FUZZ_REQUESTS_PER_OPERATION"), CultureInfo.InvariantCulture, out var count) ? count : 50;

    /// <summary>Text only the inside of the service writes: exception types, stack frames, SQL errors, file paths.</summary>
    public static readonly string[] InternalMarkers =
    [
        "Exception", "   at ", ".cs:line", "Npgsql", "SqlState", "SQLSTATE", "syntax error at or near", "relation \"", "column \"",
        "violates", "Dapper", "System.", "Microsoft.", "/work/", "/src/", "stack",
    ];

    [Fact]
    public async Task Every_operation_answers_generated_invalid_requests_with_a_documented_4xx_problem_and_writes_nothing()
    {
        var client = factory.CreateClient();
        await ExportTestKit.ServedExporter(factory).ExportAsync();
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var operations = OpenApiOperation.ReadAll(document);
        var inputs = await ValidInputsAsync(client, operations);
        var progressLog = Environment.GetEnvironmentVariable("FUZZ_PROGRESS_LOG");
        var started = Stopwatch.StartNew();
        var failures = new List<string>();
        var total = 0L;

        for (var index = 0; index < operations.Count; index++)
        {
            var operation = operations[index];
            var statuses = new ConcurrentDictionary<int, int>();
            var before = await DatabaseState.ReadAsync(factory.ConnectionString);
            try
            {
                await InvalidRequests.For(operation, inputs).SampleAsync(
                    draft => SendAndCheckAsync(client, operation, draft, statuses),
                    iter: RequestsPerOperation, print: draft => draft.ToString());
            }
            catch (CsCheckException e)
            {
                failures.Add($"{operation}: {e.InnerException?.Message}\n{e.Message}");
            }
            var changed = (await DatabaseState.ReadAsync(factory.ConnectionString)).DifferencesFrom(before).ToList();
            if (changed.Count > 0)
            {
                failures.Add($"{operation} changed rows: {string.Join("; ", changed)}");
            }
            var sent = statuses.Values.Sum();
            total += sent;
            var line = $"{operation}: {sent} requests, {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}";
            output.WriteLine(line);
            if (progressLog is not null)
            {
                var left = started.Elapsed / (index + 1) * (operations.Count - index - 1);
                await File.AppendAllTextAsync(progressLog,
                    $"[fuzz] {index + 1}/{operations.Count} operations, {total} requests, {total / started.Elapsed.TotalSeconds:F0}/s, about {left:mm\\:ss} left: {line}\n");
            }
        }

        output.WriteLine($"{total} requests over {operations.Count} operations ({RequestsPerOperation} generated each, with shrinking of any failure) in {started.Elapsed.TotalSeconds:F0} s; {failures.Count} operations failed.");
        Assert.True(operations.Count >= 80, $"only {operations.Count} operations read from the document");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    private static async Task SendAndCheckAsync(HttpClient client, OpenApiOperation operation, RequestDraft draft, ConcurrentDictionary<int, int> statuses)
    {
        using var request = draft.ToHttpRequest();
        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        var body = await ReadBodyAsync(response);
        var shown = body.Length > 600 ? body[..600] : body;
        if (!response.Headers.Contains("X-Content-Type-Options"))
        {
            // Kestrel refused the request before the application saw it (the first thing the application does is set that header).
            if (status is not (400 or 413 or 414 or 431))
            {
                throw new InvalidOperationException($"the server answered {status} before the application saw the request");
            }
            return;
        }
        if (status is < 400 or > 499 || !operation.DocumentedStatuses.Contains(status))
        {
            throw new InvalidOperationException($"answered {status}, not a 4xx it documents ({string.Join(", ", operation.DocumentedStatuses.Order())}): {shown}");
        }
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            throw new InvalidOperationException($"answered {status} as {response.Content.Headers.ContentType?.ToString() ?? "no content type"}, not Problem Details: {shown}");
        }
        if (InternalMarkers.FirstOrDefault(marker => body.Contains(marker, StringComparison.Ordinal)) is { } leak)
        {
            throw new InvalidOperationException($"answered {status} with '{leak}' in its body: {shown}");
        }
    }

    private static async Task<string> ReadBodyAsync(HttpResponseMessage response)
    {
        var stream = await response.Content.ReadAsStreamAsync();
        await using var decoded = response.Content.Headers.ContentEncoding.LastOrDefault() switch
        {
            "gzip" => new GZipStream(stream, CompressionMode.Decompress),
            "br" => new BrotliStream(stream, CompressionMode.Decompress),
            _ => stream,
        };
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync();
    }

    /// <summary>Existing ids, records, ETags and cursors, read through the API; keys made with the service's own key code.</summary>
    private async Task<ValidInputs> ValidInputsAsync(HttpClient client, IReadOnlyList<OpenApiOperation> operations)
    {
        await using var connection = await factory.OpenConnectionAsync();
        var pathValues = new Dictionary<string, string>();
        foreach (var (parameter, table) in RecordTables)
        {
            pathValues[parameter] = await connection.ExecuteScalarAsync<string>($"SELECT id FROM {table} ORDER BY id LIMIT 1") ?? throw new InvalidOperationException($"no {table} in the seed set");
        }
        var export = await client.GetFromJsonAsync<JsonObject>("/api/v1/exports/latest");
        pathValues["exportId"] = (string)export!["exportId"]!;
        pathValues["file"] = "manifest.json";
        var unknown = operations.SelectMany(o => o.In("path")).Select(p => p.Name).Distinct().Where(name => !pathValues.ContainsKey(name)).ToList();
        Assert.True(unknown.Count == 0, $"no known value for path parameters {string.Join(", ", unknown)}: add them to {nameof(RecordTables)}");

        var records = new Dictionary<string, JsonObject>();
        var etags = new Dictionary<string, string>();
        var itemPaths = new Dictionary<string, string>();
        foreach (var template in operations.Where(o => o.Method == "PUT").Select(o => o.Path))
        {
            var path = InvalidRequests.ResolvePath(template, pathValues);
            itemPaths[template[..template.LastIndexOf("/{", StringComparison.Ordinal)]] = path;
            using var response = await client.GetAsync(path);
            response.EnsureSuccessStatusCode();
            records[path] = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            etags[path] = response.Headers.ETag!.Tag;
        }
        var cursors = new Dictionary<string, string>();
        foreach (var operation in operations.Where(o => o.Method == "GET" && o.Parameters.Any(p => p.Name == "limit")))
        {
            var path = InvalidRequests.ResolvePath(operation.Path, pathValues);
            var page = await client.GetFromJsonAsync<JsonObject>($"{path}?limit=1");
            if (page!["nextCursor"] is JsonValue cursor)
            {
                cursors[path] = (string)cursor!;
            }
        }

        await using var dataSource = NpgsqlDataSource.Create(factory.ConnectionString);
        var (revoked, revokedSecret) = await ApiKeyStore.CreateAsync(dataSource, ApiKeyStore.Admin, "revoked before the fuzz run");
        await ApiKeyStore.RevokeAsync(dataSource, revoked.Id);
        return new ValidInputs
        {
            PathValues = pathValues, ItemPaths = itemPaths, Records = records, ETags = etags, Cursors = cursors,
            AdminKey = await ApiKeys.CreateAsync(factory, ApiKeyStore.Admin),
            EditorKey = await ApiKeys.CreateAsync(factory, ApiKeyStore.Editor),
            RevokedKey = revokedSecret,
        };
    }

    private static readonly Dictionary<string, string> RecordTables = new()
    {
        ["summitId"] = "summit", ["actorId"] = "actor", ["assessmentId"] = "assessment", ["concessionId"] = "concession",
        ["figureId"] = "context_figure", ["outcomeId"] = "outcome", ["partyId"] = "party", ["readoutId"] = "readout",
        ["statementId"] = "readout_statement", ["sourceId"] = "source", ["citationId"] = "citation", ["eventId"] = "event",
    };
}
