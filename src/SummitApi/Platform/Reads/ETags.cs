using System.IO.Hashing;

namespace SummitApi.Platform.Reads;

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

    /// <summary>The ETag of the variant of <paramref name="identityETag"/>'s representation encoded with <paramref name="encoding"/>.</summary>
    public static string ForEncoding(string identityETag, string encoding) =>
        identityETag is [.., '"'] && !identityETag.StartsWith("W/", StringComparison.Ordinal) ? identityETag[..^1] + "-" + encoding + "\"" : identityETag;

    /// <summary>Middleware, placed outside compression: appends the content coding to the ETag of a compressed response.</summary>
    public static Task MarkEncodedVariants(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (headers.ContentEncoding.ToString() is { Length: > 0 } encoding && headers.ETag.Count > 0)
            {
                headers.ETag = ForEncoding(headers.ETag.ToString(), encoding);
            }
            return Task.CompletedTask;
        });
        return next(context);
    }
}
