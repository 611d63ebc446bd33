using Microsoft.Extensions.Logging.Console;
using SummitApi.Platform.Data;
using SummitApi.Platform.LocalPostgres;

namespace SummitApi.Cli;

/// <summary>
/// `dotnet run --project src/SummitApi -- &lt;command&gt; ...` runs one command against the same database
/// the server would use (migrated first) instead of starting the server.
/// </summary>
public static class CommandLine
{
    private static readonly Dictionary<string, Func<string[], IServiceProvider, Task<int>>> Commands = new(StringComparer.Ordinal)
    {
        ["keys"] = KeysCommand.RunAsync,
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.ContainsKey(args[0]);

    /// <summary>Logs go to stderr in command mode, so that stdout holds only what the command prints.</summary>
    public static void SendLogsToStandardError(WebApplicationBuilder builder) =>
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);

    /// <param name="interrupted">Ctrl+C: ends the command before it changes anything, after which the caller stops what it provisioned.</param>
    public static async Task<int> RunAsync(WebApplication app, string[] args, CancellationToken interrupted)
    {
        try
        {
            await app.InitializeDatabaseAsync(interrupted);
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            Console.Error.WriteLine("Interrupted.");
            return 130;
        }
        return await Commands[args[0]](args[1..], app.Services);
    }

    /// <summary>The value after an option such as --scope, or null when it is absent.</summary>
    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
