using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace SummitApi.Infrastructure.Http;

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
}
