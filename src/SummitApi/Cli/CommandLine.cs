using Microsoft.Extensions.Logging.Console;
using SummitApi.Exports;
using SummitApi.Platform.Hosting;

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

    /// <summary>Commands that build a host of their own (the export runs with the service's settings but serves nothing).</summary>
    private static readonly Dictionary<string, Func<string[], Task<int>>> StandaloneCommands = new(StringComparer.Ordinal)
    {
        [ExportCommand.Name] = ExportCommand.RunAsync,
    };

    public static bool IsCommand(string[] args) => args.Length > 0 && Commands.ContainsKey(args[0]);

    public static bool IsStandaloneCommand(string[] args) => args.Length > 0 && StandaloneCommands.ContainsKey(args[0]);

    public static Task<int> RunStandaloneAsync(string[] args) => StandaloneCommands[args[0]](args[1..]);

    /// <summary>Logs go to stderr in command mode, so that stdout holds only what the command prints.</summary>
    private static void SendLogsToStandardError(WebApplicationBuilder builder) =>
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);

    /// <param name="interrupted">Ctrl+C: ends the command before it changes anything, after which the caller stops what it provisioned.</param>
    public static async Task<int> RunAsync(WebApplicationBuilder builder, string[] args, CancellationToken interrupted)
    {
        SendLogsToStandardError(builder);
        await using var app = builder.Build();
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
