using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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

    /// <summary>A 400 naming one field and what is wrong with it.</summary>
    public static ValidationProblem Invalid(string field, string message, string? title = null) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: title);

    /// <summary>A problem of any status with a title that names the kind of problem and a detail that names this one.</summary>
    public static ProblemHttpResult Of(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });

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
