using Microsoft.AspNetCore.Mvc;

namespace SummitApi.Platform.Errors;

/// <summary>
/// Handlers return typed results such as NotFound&lt;ProblemDetails&gt; so that the OpenAPI document
/// names each status; this filter writes those problems through the Problem Details service, so every
/// error is application/problem+json and carries a traceId, however the handler built it.
/// </summary>
public static class ProblemResultFilter
{
    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        return inner is IValueHttpResult { Value: ProblemDetails problem } and IStatusCodeHttpResult { StatusCode: { } status }
            ? new ProblemDetailsResult(problem, status)
            : result;
    }

    private sealed class ProblemDetailsResult(ProblemDetails problem, int status) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            problem.Status ??= status;
            httpContext.Response.StatusCode = status;
            var writer = httpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
            await writer.WriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem });
        }
    }
}
