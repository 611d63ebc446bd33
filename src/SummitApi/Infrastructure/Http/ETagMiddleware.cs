using System.IO.Hashing;
using Microsoft.Net.Http.Headers;

namespace SummitApi.Infrastructure.Http;

/// <summary>
/// Gives every successful GET under /api a strong ETag computed over the exact bytes of its JSON,
/// answers a matching If-None-Match with 304, and marks responses no-cache so clients always revalidate.
/// It runs inside compression; <see cref="ETags.MarkEncodedVariants"/> runs outside it.
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
            response.Headers.ETag = ETags.Compute(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        // What needs a key must never sit in a shared cache.
        var needsKey = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is not null;
        response.Headers.CacheControl = needsKey ? "private, no-cache" : "no-cache";
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

    // If-None-Match compares weakly (RFC 9110), and any encoding of the same JSON counts.
    private static bool IsNotModified(HttpRequest request, string etag) =>
        request.Headers.IfNoneMatch.Count > 0
        && EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || ETags.SameRepresentation(tag.Tag.ToString(), etag));
}

/// <summary>
/// Entity tags: a hash of a record's JSON bytes. A compressed response is another representation of
/// the same JSON and must not share its strong validator, so it carries the identity ETag with the
/// encoding appended ("…-gzip"); preconditions accept either form.
/// </summary>
public static class ETags
{
    private static readonly string[] Encodings = ["gzip", "br"];

    public static string Compute(ReadOnlySpan<byte> body) => $"\"{Convert.ToHexStringLower(XxHash128.Hash(body))}\"";

    /// <summary>Whether a tag a client sent names the representation whose identity ETag is given.</summary>
    public static bool SameRepresentation(string tag, string identityETag) =>
        tag == identityETag || Encodings.Any(encoding => tag == identityETag[..^1] + "-" + encoding + "\"");

    /// <summary>Middleware, placed outside compression: appends the content coding to the ETag of a compressed response.</summary>
    public static Task MarkEncodedVariants(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (headers.ContentEncoding.ToString() is { Length: > 0 } encoding && headers.ETag.ToString() is [.., '"'] etag && !etag.StartsWith("W/", StringComparison.Ordinal))
            {
                headers.ETag = etag[..^1] + "-" + encoding + "\"";
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
