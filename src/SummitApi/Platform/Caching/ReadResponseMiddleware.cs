using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using SummitApi.Platform.Reads;
using SummitApi.Platform.Http;

namespace SummitApi.Platform.Caching;

/// <summary>
/// Every successful GET under /api: a strong ETag computed over the exact bytes of its JSON, a 304 for a matching
/// If-None-Match, Cache-Control no-cache so clients always revalidate, and the in-process response cache, which
/// answers a repeated read (and its revalidation) without running it. It runs inside compression and keeps the
/// identity response only: the compression around it encodes each request's copy for what that request accepts,
/// and <see cref="ETags.MarkEncodedVariants"/> names the encoded variant.
/// </summary>
public sealed class ReadResponseMiddleware(RequestDelegate next, ResponseCache cache, IResponseCompressionProvider compression)
{
    // Set per request by the compression around this middleware, for what that request accepts: never cached.
    private static readonly HashSet<string> EncodingHeaders = new([HeaderNames.ContentLength, HeaderNames.ContentEncoding, HeaderNames.Vary], StringComparer.OrdinalIgnoreCase);

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!ReadMethods.IsRead(request.Method) || !request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        if (StoredFileResponse.IsTarget(context))
        {
            await StoredFileResponse.ServeAsync(context, next);
            return;
        }

        // Every body here could be compressed, whether or not this request asked for it: shared caches must key on it.
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        var endpoint = context.GetEndpoint();
        // What needs a key must never sit in a shared cache, nor in ours.
        var needsKey = endpoint?.Metadata.GetMetadata<IAuthorizeData>() is not null;
        var cacheControl = needsKey ? "private, no-cache" : "no-cache";
        // Taken before the read: what this read stores carries what it could see when it started, so a write landing
        // while it reads leaves it already out of date. A read that presents a consistency token wants at least its
        // own write, which this instance may not have heard of yet: it is always read afresh.
        var stamp = cache.Enabled && endpoint is not null && !needsKey && endpoint.Metadata.GetMetadata<ExcludedFromResponseCache>() is null
                    && !request.Headers.ContainsKey(ConsistencyToken.Header)
            ? cache.Stamp()
            : null;
        var key = stamp is null ? null : request.Path.Value + request.QueryString.Value;
        if (stamp is not null && cache.TryGet(key!, stamp, out var cached))
        {
            await ServeAsync(context, cached, cacheControl);
            return;
        }
        if (stamp is null)
        {
            await ReadAsync(context, null, null, cacheControl);
            return;
        }
        var (inFlight, endLead) = cache.BeginRead(key!, stamp);
        if (inFlight is not null)
        {
            await inFlight.WaitAsync(context.RequestAborted);
            if (cache.TryGet(key!, stamp, out cached, countLookup: false))
            {
                await ServeAsync(context, cached, cacheControl);
                return;
            }
        }
        try
        {
            await ReadAsync(context, stamp, key, cacheControl);
        }
        finally
        {
            endLead?.Invoke();
        }
    }

    /// <summary>Runs the read, answers it with its ETag (or a 304), and files a 200 under <paramref name="stamp"/> when there is one.</summary>
    private async Task ReadAsync(HttpContext context, ReadStamp? stamp, string? key, string cacheControl)
    {
        var request = context.Request;
        var response = context.Response;
        byte[]? bodyToCache = null;
        if (stamp is not null)
        {
            // Registered before the endpoint runs, so it runs after the endpoint's own start-of-response callbacks
            // (api-supported-versions is one) and before those of the middleware around this one.
            var headersBefore = response.Headers.Select(header => header.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
            response.OnStarting(() =>
            {
                if (bodyToCache is not null)
                {
                    // Only the headers the endpoint set: those of the middleware around it belong to each request.
                    var headers = response.Headers.Where(header => !headersBefore.Contains(header.Key) && !EncodingHeaders.Contains(header.Key)).ToArray();
                    // What it depends on is known once it is read: a list page's records, and the filters it was given.
                    cache.TryAdd(key!, stamp, ReadDependencies.Of(context), new CachedResponse(bodyToCache, response.Headers.ETag.ToString(), headers));
                }
                return Task.CompletedTask;
            });
        }
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = original;
        }

        if (response.StatusCode == StatusCodes.Status200OK && !response.Headers.ContainsKey(HeaderNames.ETag))
        {
            response.Headers.ETag = ETags.Compute(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
        response.Headers.CacheControl = cacheControl;
        if (response.StatusCode == StatusCodes.Status200OK && IsNotModified(request, response.Headers.ETag.ToString()))
        {
            NotModified(context);
            return;
        }
        if (buffer.Length == 0)
        {
            // Leave an empty error response unmarked, so the status code pages can write its problem.
            return;
        }
        // A replica that lags behind the notifications must not file its older answer under the newer stamp.
        var readBehind = context.Features.Get<ReadContext>()?.ReplicaRevision is long replicaRevision && replicaRevision < stamp?.Revision;
        if (stamp is not null && response.StatusCode == StatusCodes.Status200OK && !readBehind)
        {
            bodyToCache = buffer.ToArray();
        }
        response.ContentLength = buffer.Length;
        // A HEAD's body goes through compression too, so its headers are the GET's (Content-Encoding, ETag
        // variant); the server sends none of it.
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private async Task ServeAsync(HttpContext context, CachedResponse cached, string cacheControl)
    {
        var response = context.Response;
        foreach (var (name, value) in cached.Headers)
        {
            response.Headers[name] = value;
        }
        response.Headers.CacheControl = cacheControl;
        if (IsNotModified(context.Request, cached.ETag))
        {
            NotModified(context);
            return;
        }
        response.ContentLength = cached.Body.Length;
        await response.Body.WriteAsync(cached.Body, context.RequestAborted);
    }

    /// <summary>
    /// A 304 carries the ETag of the variant a 200 would have carried (RFC 9110 15.4.5): the one encoded for what
    /// this request accepts, since no body passes through compression to name it.
    /// </summary>
    private void NotModified(HttpContext context)
    {
        var response = context.Response;
        if (compression.CheckRequestAcceptsCompression(context) && compression.ShouldCompressResponse(context)
            && compression.GetCompressionProvider(context) is { } provider)
        {
            response.Headers.ETag = ETags.ForEncoding(response.Headers.ETag.ToString(), provider.EncodingName);
        }
        response.StatusCode = StatusCodes.Status304NotModified;
        response.ContentLength = null;
        response.Headers.ContentType = StringValues.Empty;
    }

    // If-None-Match compares weakly (RFC 9110), and any encoding of the same JSON counts.
    private static bool IsNotModified(HttpRequest request, string etag) =>
        request.Headers.IfNoneMatch.Count > 0
        && EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags)
        && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || ETags.SameRepresentation(tag.Tag.ToString(), etag));
}

/// <summary>Marks reads whose answer changes without a change set (the exports), which the response cache must not keep.</summary>
public sealed class ExcludedFromResponseCache
{
    public static readonly ExcludedFromResponseCache Instance = new();
}

public static class ResponseCacheEndpointExtensions
{
    public static TBuilder ExcludeFromResponseCache<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(ExcludedFromResponseCache.Instance);
}
