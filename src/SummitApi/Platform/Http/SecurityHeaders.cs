namespace SummitApi.Platform.Http;

/// <summary>
/// Headers that keep browsers from misreading or framing our responses. The API's JSON needs no
/// scripts at all; Swagger UI needs its own scripts and styles (and data: images), nothing from elsewhere.
/// </summary>
public static class SecurityHeaders
{
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    public const string SwaggerPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    /// <remarks>Set as the response starts: the exception handler clears the headers of a response it rewrites as a 500.</remarks>
    public static Task Apply(HttpContext context, RequestDelegate next)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger") ? SwaggerPolicy : ApiPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
