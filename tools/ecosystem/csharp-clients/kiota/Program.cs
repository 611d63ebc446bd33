// A C# service's view of the API through a client Kiota generated from the served document (into Generated/, by the
// test): every concession page by page, the Busan readout differences, one outcome, a summit as of an instant, a
// concession's revisions, and a bad filter value caught as Problem Details. Prints what it saw as one JSON line.
//   dotnet KiotaCheck.dll http://127.0.0.1:5080 2026-12-01T00:00:00Z
using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Summit.Kiota;
using Summit.Kiota.Models;

var (baseUrl, asOf) = (args[0], DateTimeOffset.Parse(args[1], CultureInfo.InvariantCulture));
// Kiota's middleware in front of a handler that asks for gzip and brotli and decodes them, as most services' clients do.
using var http = KiotaClientFactory.Create(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.All });
var summit = new SummitClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = baseUrl });

var concessionIds = new List<string>();
var pages = 0;
string? cursor = null;
do
{
    var page = await summit.Api.V1.Concessions.GetAsync(request =>
    {
        request.QueryParameters.Limit = 5;
        request.QueryParameters.Cursor = cursor;
    });
    pages++;
    concessionIds.AddRange(page!.Items!.Select(concession => concession.Id!));
    cursor = page.NextCursor;
}
while (cursor is not null);

var differences = await summit.Api.V1.Summits["busan-2025"].ReadoutDifferences.GetAsync();
var outcome = await summit.Api.V1.Outcomes["truce-extension"].GetAsync();
var asOfSummit = await summit.Api.V1.Summits["busan-2025"].GetAsync(request => request.QueryParameters.AsOf = asOf);
var revisions = await summit.Api.V1.Concessions["us-fentanyl-tariff-cut"].Revisions.GetAsync();
object? problem = null;
try
{
    await summit.Api.V1.Concessions.GetAsync(request => request.QueryParameters.Giver = "not-a-party");
}
catch (HttpValidationProblemDetails badRequest)
{
    problem = new { badRequest.Status, badRequest.Title, badRequest.TraceId, Errors = badRequest.Errors!.AdditionalData.Keys };
}

Console.WriteLine(JsonSerializer.Serialize(new
{
    concessionIds,
    pages,
    differences = differences!.Items!.Select(d => new { d.Topic, d.Classification }),
    outcome = new { outcome!.Id, outcome.Title },
    asOfSummit = new { asOfSummit!.Id, asOfSummit.Title },
    revisions = revisions!.Items!.Select(r => new { r.Version, r.Operation, BodyId = r.Body is { } body && body.AdditionalData.TryGetValue("id", out var id) ? id.ToString() : null }),
    problem,
}, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
