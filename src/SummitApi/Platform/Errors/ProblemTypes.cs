namespace SummitApi.Platform.Errors;

/// <summary>
/// The <c>type</c> of a problem the framework leaves untyped (a 416 from a file, a 429 from the rate limiter, a 431
/// from Kestrel): the section of the RFC that defines its status code, as ASP.NET does for the codes it knows.
/// </summary>
public static class ProblemTypes
{
    public static string For(int status) => status switch
    {
        >= 400 and <= 417 => $"https://tools.ietf.org/html/rfc9110#section-15.5.{status - 399}",
        421 => "https://tools.ietf.org/html/rfc9110#section-15.5.20",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        426 => "https://tools.ietf.org/html/rfc9110#section-15.5.22",
        428 => "https://tools.ietf.org/html/rfc6585#section-3",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        431 => "https://tools.ietf.org/html/rfc6585#section-5",
        >= 500 and <= 505 => $"https://tools.ietf.org/html/rfc9110#section-15.6.{status - 499}",
        _ => "about:blank",
    };

    /// <summary>Gives every problem written through the problem details service a type.</summary>
    public static void Apply(ProblemDetailsContext context) =>
        context.ProblemDetails.Type ??= For(context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
}
