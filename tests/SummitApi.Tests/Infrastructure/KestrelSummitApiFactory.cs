using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace SummitApi.Tests.Infrastructure;

/// <summary>
/// The API on a real Kestrel listener (a free port on 127.0.0.1), for clients outside this process: a
/// browser, a generated TypeScript client. The server starts on first use of <see cref="Address"/>.
/// </summary>
public sealed class KestrelSummitApiFactory : SummitApiFactory
{
    private readonly Lazy<Uri> _address;

    public KestrelSummitApiFactory()
    {
        UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, 0));
        _address = new(() =>
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.Single());
        });
    }

    /// <summary>The contact a deployment configures, which Swagger UI shows.</summary>
    public const string ContactUrl = "https://summitapi.example/contact";

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("OpenApi:Contact:Url", ContactUrl);
    }

    /// <summary>Where the API listens, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address => _address.Value;
}
