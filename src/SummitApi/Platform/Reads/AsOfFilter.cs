using System.Globalization;
using System.Text.RegularExpressions;

namespace SummitApi.Platform.Reads;

/// <summary>
/// Every GET answers "as of" an instant when asked: `asOf` is an RFC 3339 timestamp with an offset,
/// and the read sees the data as the newest change set committed at or before it left it.
/// </summary>
public static partial class AsOfFilter
{
    public const string Parameter = "asOf";

    public static async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        if (ReadMethods.IsRead(http.Request.Method) && http.Request.Query.TryGetValue(Parameter, out var values))
        {
            var value = values.ToString();
            if (!TryParse(value, out var instant))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    [Parameter] = [Problem(value)],
                });
            }
            // PostgreSQL's timestamptz takes UTC only: an instant given as +08:00 is the same instant in UTC.
            ReadContext.Of(http).AsOf = instant.ToUniversalTime();
        }
        return await next(invocation);
    }

    /// <summary>
    /// Any RFC 3339 date-time (section 5.6): `T` or `t`, `Z` or `z` or a numeric offset, 1 to 9 fractional digits
    /// (PostgreSQL keeps microseconds; digits past .NET's 100 ns are dropped), a leap second read as the next instant.
    /// </summary>
    public static bool TryParse(string value, out DateTimeOffset instant)
    {
        instant = default;
        var match = Rfc3339().Match(value);
        if (!match.Success)
        {
            return false;
        }
        var fraction = match.Groups["fraction"].Value;
        var seconds = match.Groups["second"].Value;
        var normalized = string.Concat(match.Groups["date"].Value, "T", match.Groups["time"].Value, ":", seconds == "60" ? "59" : seconds,
            fraction.Length > 0 ? "." + fraction[..Math.Min(fraction.Length, 7)] : "",
            match.Groups["offset"].Value is "Z" or "z" ? "+00:00" : match.Groups["offset"].Value);
        if (!DateTimeOffset.TryParseExact(normalized, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out instant))
        {
            return false;
        }
        if (seconds == "60")
        {
            instant = instant.AddSeconds(1).AddTicks(-(instant.Ticks % TimeSpan.TicksPerSecond));
        }
        return true;
    }

    private static string Problem(string value) =>
        value.Length == 0 ? $"'{Parameter}' is empty; give an RFC 3339 timestamp with an offset (e.g. 2025-11-01T00:00:00Z) or leave the parameter out."
        : UnencodedPlus().IsMatch(value)
            ? $"'{Parameter}' has a space where its offset's '+' should be: a '+' in a query string reads as a space, so encode it as %2B (e.g. 2025-11-01T00:00:00%2B00:00), or write Z for UTC."
            : $"'{Parameter}' must be an RFC 3339 timestamp with an offset, e.g. 2025-11-01T00:00:00Z.";

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})[Tt](?<time>\d{2}:\d{2}):(?<second>\d{2})(?:\.(?<fraction>\d{1,9}))?(?<offset>[Zz]|[+-]\d{2}:\d{2})$")]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(?:\.\d+)? \d{2}:\d{2}$")]
    private static partial Regex UnencodedPlus();
}
