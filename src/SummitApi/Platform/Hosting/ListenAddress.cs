using Microsoft.AspNetCore.Connections;

namespace SummitApi.Platform.Hosting;

/// <summary>Where the API listens, and the one line it says when that address is taken.</summary>
public static class ListenAddress
{
    public const string Default = "http://localhost:5080";

    /// <summary>
    /// Listens where ASPNETCORE_URLS, --urls, ASPNETCORE_HTTP_PORTS or Kestrel:Endpoints say, else on <see cref="Default"/>.
    /// The default lives here rather than in the launch profile, whose applicationUrl would win over ASPNETCORE_URLS
    /// under `dotnet run`.
    /// </summary>
    public static void AddListenAddress(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey])
            && string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey])
            && !configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(Default);
        }
        // The host logs a failed start with the whole exception before RunAsync rethrows it; a taken address is then
        // said in one line below, and any other failure still ends in its stack trace. A crashed background service
        // stays visible: the host logs that as critical.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
    }

    /// <summary>Runs the API until it is stopped; 1 after one line on standard error when its address is in use.</summary>
    public static async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            // The background services started before the server tried its address; stopped now, they are not left
            // talking to a PostgreSQL that the caller is about to stop.
            await app.StopAsync();
            Console.Error.WriteLine(
                $"{e.Message} Choose another with ASPNETCORE_URLS=http://localhost:5081 or --urls=http://localhost:5081.");
            return 1;
        }
    }
}
