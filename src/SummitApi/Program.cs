using SummitApi.Cli;
using SummitApi.Platform.Auth;
using SummitApi.Resources.Actors;
using SummitApi.Resources.Assessments;
using SummitApi.Resources.Concessions;
using SummitApi.Resources.ContextFigures;
using SummitApi.Features.Exports;
using SummitApi.Platform.History;
using SummitApi.Resources.Outcomes;
using SummitApi.Resources.Parties;
using SummitApi.Resources.Readouts;
using SummitApi.Resources.Sources;
using SummitApi.Resources.Summits;
using SummitApi.Resources.Timeline;
using SummitApi.Resources.Vocabularies;
using SummitApi.Platform.Data;
using SummitApi.Platform.Reads;
using SummitApi.Platform.LocalPostgres;
using SummitApi.Platform.Caching;
using SummitApi.Platform.Http;
using SummitApi.Resources.Shared;
using SummitApi.Platform.Writes;

if (args is [ExportCommand.Name, .. var exportArgs])
{
    return await ExportCommand.RunAsync(exportArgs);
}

var builder = WebApplication.CreateBuilder(args);
var isCommand = CommandLine.IsCommand(args);
using var startupLoggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true)
    .AddConsole(o => o.LogToStandardErrorThreshold = isCommand ? LogLevel.Trace : LogLevel.None));
var startupLogger = startupLoggerFactory.CreateLogger("SummitApi.Startup");
using var startup = new StartupInterrupt();

LocalPostgresCluster? provisioned;
try
{
    provisioned = await builder.AddSummitDatabaseAsync(startupLogger);
}
catch (PostgresNotInstalledException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
// However the process ends from here on (a command's end, Ctrl+C, a failed start), a server it started is stopped.
await using var cluster = provisioned;
builder.AddSummitReadReplica();

builder.AddSummitHttp();
builder.AddExports();
if (isCommand)
{
    CommandLine.SendLogsToStandardError(builder);
    await using var commandApp = builder.Build();
    return await CommandLine.RunAsync(commandApp, args, startup.Token);
}

builder.AddListenAddress();
var app = builder.Build();
try
{
    await app.InitializeDatabaseAsync(startup.Token);
}
catch (OperationCanceledException) when (startup.Token.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted while starting.");
    return 130;
}
finally
{
    startup.Dispose();
}

app.UseSummitHttp();

var v1 = app.MapApiVersion(1);
v1.MapSummits();
v1.MapOutcomes();
v1.MapConcessions();
v1.MapReadouts();
v1.MapTimeline();
v1.MapActors();
v1.MapAssessments();
v1.MapContextFigures();
v1.MapParties();
v1.MapSources();
v1.MapVocabularies();
v1.MapWrites();
v1.MapApiKeys();
v1.MapChangeFeed();
v1.MapExports();
app.MapBenchmarkCeiling();

app.Lifetime.ApplicationStarted.Register(() => app.LogSwaggerAddress());
return await ListenAddress.RunAsync(app);

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
