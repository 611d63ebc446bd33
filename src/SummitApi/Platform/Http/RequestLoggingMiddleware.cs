using System.Diagnostics;

namespace SummitApi.Platform.Http;

/// <summary>One structured log line per request: method, path, route, status and duration.</summary>
public sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            // Checked first: with Information off (as the benchmarks run) a request builds no log arguments at all.
            if (logger.IsEnabled(LogLevel.Information))
            {
                Responded(logger, context.Request.Method, context.Request.Path.Value, (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText,
                    context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} {Route} responded {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void Responded(ILogger logger, string method, string? path, string? route, int statusCode, double elapsedMs);
}
