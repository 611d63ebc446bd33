using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using SummitApi.Platform.Errors;

namespace SummitApi.Platform.Http;

/// <summary>
/// Marks an endpoint that streams a stored file with its own strong ETag and Range support. Such a response is
/// neither buffered (a file may be large) nor compressed (its ETag names the stored bytes, and a range is a
/// range of those bytes).
/// </summary>
public sealed class StoredFileResponse
{
    private static readonly StoredFileResponse Instance = new();

    public static bool IsTarget(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<StoredFileResponse>() is not null;

    internal static TBuilder Mark<TBuilder>(TBuilder builder) where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(Instance);

    /// <summary>Serves a stored file read: revalidated on every use, ranges in bytes only, a 416 explained.</summary>
    public static async Task ServeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        // RFC 9110 14.2: a Range in a unit the server does not support is ignored, so the whole file is served.
        if (request.Headers.Range.ToString() is { Length: > 0 } range && !range.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            request.Headers.Remove(HeaderNames.Range);
        }
        context.Response.Headers.CacheControl = "no-cache";
        await next(context);

        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status416RangeNotSatisfiable && !response.HasStarted)
        {
            // The file result answers 416 with the file's content type and an empty body; the client deserves a problem.
            response.ContentType = null;
            response.ContentLength = null;
            await Problems.WriteAsync(context, new ProblemDetails
            {
                Status = StatusCodes.Status416RangeNotSatisfiable,
                Title = "Range not satisfiable",
                Detail = $"The range '{request.Headers.Range}' lies outside the file; Content-Range gives its length.",
            });
        }
    }
}

public static class StoredFileResponseExtensions
{
    public static TBuilder ServesStoredFiles<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        StoredFileResponse.Mark(builder);
}
