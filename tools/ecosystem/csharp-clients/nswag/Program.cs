// A C# service's view of the API through a client NSwag generated from the served document (into
// Generated/SummitClient.cs, by the test): every concession page by page, the Busan readout differences, one outcome, a
// summit as of an instant, a concession's revisions, and a bad filter value caught as Problem Details. Prints what it
// saw as one JSON line.
//   dotnet NSwagCheck.dll http://127.0.0.1:5080 2026-12-01T00:00:00Z
using System.Globalization;
using System.Net;
using System.Text.Json;
using Summit.NSwag;

var (baseUrl, asOf) = (args[0], DateTimeOffset.Parse(args[1], CultureInfo.InvariantCulture));
// A handler that asks for gzip and brotli and decodes them, as most services' clients do.
using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All });
var summit = new SummitClient(http) { BaseUrl = baseUrl };

var concessionIds = new List<string>();
var pages = 0;
string? cursor = null;
do
{
    var page = await ListConcessionsAsync(limit: 5, cursor: cursor);
    pages++;
    concessionIds.AddRange(page.Items.Select(concession => concession.Id));
    cursor = page.NextCursor;
}
while (cursor is not null);

var differences = await summit.GetReadoutDifferencesAsync("busan-2025", null, null, null, null);
var outcome = await summit.GetOutcomeAsync("truce-extension", null, null);
var asOfSummit = await summit.GetSummitAsync("busan-2025", asOf, null);
var revisions = await summit.ListConcessionRevisionsAsync("us-fentanyl-tariff-cut", null, null, null, null);
object? problem = null;
try
{
    await ListConcessionsAsync(giver: "not-a-party");
}
catch (ApiException<HttpValidationProblemDetails> badRequest)
{
    problem = new { badRequest.Result.Status, badRequest.Result.Title, badRequest.Result.TraceId, Errors = badRequest.Result.Errors.Keys };
}

// NSwag makes every parameter positional and required: one place to name the filters this program leaves out.
Task<PageConcession> ListConcessionsAsync(string? giver = null, int? limit = null, string? cursor = null) =>
    summit.ListConcessionsAsync(summit: null, giver: giver, beneficiary: null, topic: null, activeOn: null, dateBasis: null, q: null,
        limit: limit, cursor: cursor, asOf: null, summit_Consistency_Token: null);

Console.WriteLine(JsonSerializer.Serialize(new
{
    concessionIds,
    pages,
    differences = differences.Items.Select(d => new { d.Topic, d.Classification }),
    outcome = new { outcome.Id, outcome.Title },
    asOfSummit = new { asOfSummit.Id, asOfSummit.Title },
    revisions = revisions.Items.Select(r => new { r.Version, r.Operation, BodyId = r.Body is { } body && body.TryGetValue("id", out var id) ? id.ToString() : null }),
    problem,
}, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
