using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

using SummitApi.Platform.Caching;
using SummitApi.Platform.Http;
using SummitApi.Platform.OpenApi;
using SummitApi.Resources.Shared;

namespace SummitApi.Platform.Errors;

public static class Problems
{
    public static NotFound<ProblemDetails> NotFound(string recordType, string id) => NotFound($"No {recordType} has the id '{id}'.");

    public static NotFound<ProblemDetails> NotFound(string detail) =>
        TypedResults.NotFound(new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = "Not found",
            Detail = detail,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        });

    /// <summary>
    /// Writes a problem straight to the response, for the layers that answer before or around an endpoint (the rate
    /// limiter, authentication, file serving) and so cannot return a result.
    /// </summary>
    public static ValueTask WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
