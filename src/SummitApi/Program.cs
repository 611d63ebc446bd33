using SummitApi.Cli;
using SummitApi.Exports;
using SummitApi.Platform.Hosting;
using SummitApi.Platform.Http;
using SummitApi.Resources;

if (CommandLine.IsStandaloneCommand(args))
{
    return await CommandLine.RunStandaloneAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
var isCommand = CommandLine.IsCommand(args);
using var startup = new StartupInterrupt();
await using var platform = await PlatformStartup.AddPlatformAsync(builder, logToStandardError: isCommand);
if (platform.Failed)
{
    return 1;
}
builder.AddResources();
builder.AddExports();

if (isCommand)
{
    return await CommandLine.RunAsync(builder, args, startup.Token);
}

builder.AddListenAddress();
var app = builder.Build();
if (await PlatformStartup.InitializeAsync(app, startup) is { } interrupted)
{
    return interrupted;
}
app.UseSummitHttp();

var v1 = app.MapApiVersion(1);
v1.MapResources();
v1.MapPlatform();
v1.MapExports();
app.MapBenchmarkCeiling();

app.Lifetime.ApplicationStarted.Register(() => app.LogSwaggerAddress());
return await ListenAddress.RunAsync(app);

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
