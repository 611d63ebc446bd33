using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SummitApi.Platform.OpenApi;

/// <summary>
/// Any /api operation can be refused for the client's budget (429, RateLimits) or while the database does not answer
/// (503, ProblemExceptionHandler); both say when to retry in Retry-After, which clients need to find in the document.
/// </summary>
internal sealed class LimitAndOutageResponsesFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (!OpenApiResponses.IsApiOperation(context))
        {
            return;
        }
        operation.Responses ??= [];
        operation.Responses.TryAdd("429", OpenApiResponses.SharedResponse(context, "TooManyRequests", () => OpenApiResponses.Problem(context,
            "Too Many Requests: this client's read budget (per address) or write budget (per key) is spent.",
            ("Retry-After", "Seconds to wait before the budget allows another request."))));
        operation.Responses.TryAdd("503", OpenApiResponses.SharedResponse(context, "ServiceUnavailable", () => OpenApiResponses.Problem(context,
            "Service Unavailable: the database does not answer; nothing was written.",
            ("Retry-After", "Seconds to wait before retrying."))));
    }
}
