using System.IO.Hashing;
using Microsoft.Net.Http.Headers;

namespace SummitApi.Infrastructure.Http;

/// <summary>
/// Gives every successful GET under /api a strong ETag computed over the exact bytes sent, answers a
/// matching If-None-Match with 304, and marks responses no-cache so clients always revalidate.
/// </summary>
public sealed class ETagMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        if (StoredFileResponse.IsTarget(context))
        {
            context.Response.Headers.CacheControl = "no-cache";
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.ETag))
        {
            response.Headers.ETag = Compute(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        response.Headers.CacheControl = "no-cache";
        if (response.StatusCode == StatusCodes.Status200OK && IsNotModified(request, response.Headers.ETag.ToString()))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            response.ContentLength = null;
            response.Headers.ContentType = default;
            return;
        }
        if (buffer.Length == 0)
        {
            // Leave an empty error response unmarked, so the status code pages can write its problem.
            return;
        }
        response.ContentLength = buffer.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        }
    }

    public static string Compute(ReadOnlySpan<byte> body) => $"\"{Convert.ToHexStringLower(XxHash128.Hash(body))}\"";

    private static bool IsNotModified(HttpRequest request, string etag) =>
        request.Headers.IfNoneMatch.Count > 0
        && EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Tag == etag); // If-None-Match compares weakly (RFC 9110)
}
