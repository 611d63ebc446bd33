using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace SummitApi.Tests.Reliability;

/// <summary>
/// The API on a real Kestrel socket (its request limits and header parsing are part of what a client
/// meets), with budgets no fuzz run reaches: a 429 would hide how the request itself is answered. Its
/// pool stays well below the test server's max_connections (100, shared by every test class), so a
/// hundred concurrent requests queue for a connection instead of being refused by the server.
/// </summary>
public sealed class UnlimitedApiFactory : SummitApiFactory
{
    public UnlimitedApiFactory() => UseKestrel(0);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:Summit", new NpgsqlConnectionStringBuilder(ConnectionString) { MaxPoolSize = 20 }.ConnectionString);
        builder.UseSetting("RateLimits:Reads:PermitLimit", "100000000");
        builder.UseSetting("RateLimits:Writes:PermitLimit", "100000000");
    }
}
