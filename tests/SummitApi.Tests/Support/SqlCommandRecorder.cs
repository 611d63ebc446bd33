using System.Collections.Concurrent;
using System.Diagnostics;

namespace SummitApi.Tests.Support;

/// <summary>
/// Counts the SQL commands a request runs: each request gets a trace id of its own (traceparent), and Npgsql
/// traces every command it runs inside that request's trace. Test classes run in parallel, hence one trace each.
/// </summary>
public sealed class SqlCommandRecorder : IDisposable
{
    private readonly ConcurrentDictionary<ActivityTraceId, int> _commands = new();
    private readonly ActivityListener _listener;

    public SqlCommandRecorder()
    {
        _listener = new ActivityListener
        {
            // ASP.NET Core's own source too: without a listener there it would not start the request's activity.
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                // Commands only: a physical connection opened during the request (a multiplexed pool growing under the
                // load of parallel tests) is traced too, with no query text.
                if (activity.Source.Name == "Npgsql" && (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")) is not null)
                {
                    _commands.AddOrUpdate(activity.TraceId, 1, (_, count) => count + 1);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <returns>The response and how many SQL commands the service ran to answer it.</returns>
    public async Task<(HttpResponseMessage Response, int SqlCommands)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var traceId = ActivityTraceId.CreateRandom();
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        var response = await client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return (response, _commands.GetValueOrDefault(traceId));
    }

    public Task<(HttpResponseMessage Response, int SqlCommands)> GetAsync(HttpClient client, string path, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }
        return SendAsync(client, request);
    }

    public void Dispose() => _listener.Dispose();
}
