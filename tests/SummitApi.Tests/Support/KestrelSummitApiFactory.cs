using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace SummitApi.Tests.Support;

/// <summary>
/// The API on a real Kestrel listener (a free port on 127.0.0.1), for clients outside this process: a
/// browser, a generated TypeScript client. The server starts on first use of <see cref="Address"/>.
/// </summary>
public sealed class KestrelSummitApiFactory : SummitApiFactory
{
    private readonly Lazy<Uri> _address;
    private readonly IReadOnlyDictionary<string, string> _settings = new Dictionary<string, string>();

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

    private KestrelSummitApiFactory(string connectionString, IReadOnlyDictionary<string, string> settings) : this()
    {
        ConnectionString = connectionString;
        _settings = settings;
    }

    /// <summary>
    /// A second instance over this one's database with other settings (the response cache off, say). The caller
    /// disposes it; the database stays this fixture's.
    /// </summary>
    public KestrelSummitApiFactory SiblingWith(IReadOnlyDictionary<string, string> settings) => new(ConnectionString, settings);

    /// <summary>The contact a deployment configures, which Swagger UI shows.</summary>
    public const string ContactUrl = "https://summitapi.example/contact";

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("OpenApi:Contact:Url", ContactUrl);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Where the API listens, e.g. http://127.0.0.1:41234.</summary>
    public Uri Address => _address.Value;
}
