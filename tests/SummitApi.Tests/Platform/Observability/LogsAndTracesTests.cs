using System.Net;
using System.Text.Json.Nodes;

namespace SummitApi.Tests.Platform.Observability;

/// <summary>
/// Logs and traces as an operator meets them: an incoming W3C traceparent continues its trace into the
/// problem's traceId, and the service, run as its own process with its production settings, writes one
/// JSON line per request naming the request id, trace id, route, status and duration.
/// </summary>
public class LogsAndTracesTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    private const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string Traceparent = $"00-{TraceId}-00f067aa0ba902b7-01";

    [Fact]
    public async Task A_traceparent_continues_its_trace_into_the_problems_trace_id()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/concessions/no-such-concession");
        request.Headers.Add("traceparent", Traceparent);

        var problem = await ApiAssertions.AssertProblemAsync(await factory.CreateClient().SendAsync(request), HttpStatusCode.NotFound);

        // The server's own span in the caller's trace: same trace id, a new span id.
        Assert.Matches($"^00-{TraceId}-[0-9a-f]{{16}}-01$", problem.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task The_running_service_logs_each_request_as_a_json_line_with_request_id_trace_id_route_status_and_duration()
    {
        var exports = Directory.CreateTempSubdirectory("summit-logs-exports-").FullName;
        using var service = ServiceProcess.Start(new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Summit"] = factory.ConnectionString,
        }, "--urls=http://127.0.0.1:0", $"--Exports:Directory={exports}", "--Exports:Schedule=");
        try
        {
            var ready = await NextAsync(service, l => l["State"]?["SwaggerUrl"] is not null);
            var address = ready["State"]!["SwaggerUrl"]!.GetValue<string>().Replace("/swagger", "", StringComparison.Ordinal);
            using var client = new HttpClient();
            var request = new HttpRequestMessage(HttpMethod.Get, $"{address}/api/v1/concessions/no-such-concession");
            request.Headers.Add("traceparent", Traceparent);
            Assert.Equal(HttpStatusCode.NotFound, (await client.SendAsync(request)).StatusCode);

            var logged = await NextAsync(service, l => l["State"]?["Path"]?.GetValue<string>() == "/api/v1/concessions/no-such-concession");

            Assert.Equal("Information", logged["LogLevel"]!.GetValue<string>());
            var state = logged["State"]!;
            Assert.Equal("GET", state["Method"]!.GetValue<string>());
            Assert.Equal("/api/v{version:apiVersion}/concessions/{concessionId}", state["Route"]!.GetValue<string>());
            Assert.Equal(404, state["StatusCode"]!.GetValue<int>());
            Assert.True(state["ElapsedMs"]!.GetValue<double>() > 0);
            var scopes = logged["Scopes"]!.AsArray().OfType<JsonObject>().ToList();
            Assert.Contains(scopes, s => s["TraceId"]?.GetValue<string>() == TraceId);
            Assert.Contains(scopes, s => s["RequestId"]?.GetValue<string>() is { Length: > 0 });
        }
        finally
        {
            service.Kill();
            Directory.Delete(exports, recursive: true);
        }
    }

    /// <summary>The first JSON log line that matches, waiting up to a minute for the service to write it.</summary>
    private static async Task<JsonObject> NextAsync(ChildProcess service, Func<JsonObject, bool> matches) =>
        JsonNode.Parse(await service.WaitForLineAsync(line => line.StartsWith('{') && matches(JsonNode.Parse(line)!.AsObject()),
            TimeSpan.FromMinutes(1), "a matching log line"))!.AsObject();
}
