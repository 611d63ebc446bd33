using System.Globalization;
using SummitApi.Infrastructure.Database;

namespace SummitApi.Infrastructure.Http;

/// <summary>
/// Every GET answers "as of" an instant when asked: `asOf` is an RFC 3339 timestamp with an offset,
/// and the read sees the data as the newest change set committed at or before it left it.
/// </summary>
public static class AsOfFilter
{
    public const string Parameter = "asOf";

    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        if (ReadMethods.IsRead(http.Request.Method) && http.Request.Query.TryGetValue(Parameter, out var values))
        {
            if (!TryParse(values.ToString(), out var instant))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    [Parameter] = [$"'{Parameter}' must be an RFC 3339 timestamp with an offset, e.g. 2025-11-01T00:00:00Z."],
                });
            }
            // PostgreSQL's timestamptz takes UTC only: an instant given as +08:00 is the same instant in UTC.
            http.Items[ReadScope.AsOfItem] = instant.ToUniversalTime();
        }
        return await next(invocation);
    }

    private static bool TryParse(string value, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(value,
            ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out instant)
        && (value.EndsWith('Z') || value.EndsWith('z') || value[^6] is '+' or '-');
}
