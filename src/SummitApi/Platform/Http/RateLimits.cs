using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SummitApi.Platform.Errors;

namespace SummitApi.Platform.Http;

/// <summary>
/// Budgets per client: writes per API key (tight), reads per client address (generous). Past the
/// budget a request gets 429 Problem Details with Retry-After. Both are configurable under RateLimits.
/// </summary>
public static class RateLimits
{
    public const string Reads = "reads";
    public const string Writes = "writes";

    public static void AddSummitRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var reads = Budget(configuration.GetSection("RateLimits:Reads"), permits: 6000);
        var writes = Budget(configuration.GetSection("RateLimits:Writes"), permits: 120);
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Reads, context => Partition(ClientAddress(context), reads));
            options.AddPolicy(Writes, context => Partition(context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? ClientAddress(context), writes));
            options.OnRejected = RejectAsync;
        });
    }

    private static RateLimitPartition<string> Partition(string client, FixedWindowRateLimiterOptions budget) =>
        RateLimitPartition.Get(client, _ => new FixedWindowWithTimeLeft(budget));

    private static FixedWindowRateLimiterOptions Budget(IConfigurationSection section, int permits) => new()
    {
        PermitLimit = section.GetValue("PermitLimit", permits),
        Window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", 60)),
        QueueLimit = 0,
    };

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await Problems.WriteAsync(http, new ProblemDetails
        {
            Status = StatusCodes.Status429TooManyRequests,
            Title = "Too many requests",
            Detail = $"This client's request budget is spent; retry after {http.Response.Headers.RetryAfter} seconds.",
        });
    }
}
