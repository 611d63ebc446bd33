using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace SummitApi.Tests.Reliability;

/// <summary>
/// The API reaching PostgreSQL through a <see cref="TcpProxy"/> the test can cut, with short connection
/// timeouts (Timeout=2, Command Timeout=5: the configuration that bounds how long a request waits) and
/// budgets the load does not reach.
/// </summary>
public sealed class ProxiedApiFactory : SummitApiFactory
{
    public const int ConnectTimeoutSeconds = 2;
    public const int CommandTimeoutSeconds = 5;

    public TcpProxy Proxy { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        var direct = new NpgsqlConnectionStringBuilder(ConnectionString);
        Proxy = new TcpProxy(direct.Host!, direct.Port);
        var proxied = new NpgsqlConnectionStringBuilder(ConnectionString)
        {
            Host = "127.0.0.1", Port = Proxy.Port, Timeout = ConnectTimeoutSeconds, CommandTimeout = CommandTimeoutSeconds,
        };
        builder.UseSetting("ConnectionStrings:Summit", proxied.ConnectionString);
        builder.UseSetting("RateLimits:Reads:PermitLimit", "100000000");
        builder.UseSetting("RateLimits:Writes:PermitLimit", "100000000");
    }

    public override async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await base.DisposeAsync();
    }
}
