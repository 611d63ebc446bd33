using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Microsoft.Extensions.Logging.Console;
using SummitApi.Platform.Hosting;
using SummitApi.Resources;

namespace SummitApi.Exports;

/// <summary>
/// `dotnet run --project src/SummitApi -- export [--out DIR]`: one export with the server's own database
/// resolution and exporter, without starting the web server. Exits 0 once the export is published, 1 when it
/// fails, 2 for bad arguments.
/// </summary>
public static class ExportCommand
{
    public const string Name = "export";

    private const string Usage = """
        Usage: export [--out DIR] [--ConnectionStrings:Summit=...]
          Writes one export of every data set into DIR/<exportId>/ (default: Exports:Directory, <repository>/.data/exports)
          with deltas against the newest export already in DIR. The database is found as the server finds it.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var configuration = new List<string>();
        string? outDirectory = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out" when i + 1 < args.Length:
                    outDirectory = args[++i];
                    break;
                case var option when option.StartsWith("--out=", StringComparison.Ordinal):
                    outDirectory = option["--out=".Length..];
                    break;
                case "--help" or "-h":
                    Console.WriteLine(Usage);
                    return 0;
                case var setting when setting.StartsWith("--", StringComparison.Ordinal) && setting.Contains('=', StringComparison.Ordinal):
                    configuration.Add(setting);
                    break;
                default:
                    Console.Error.WriteLine($"export: unexpected argument '{args[i]}'.\n{Usage}");
                    return 2;
            }
        }

        // The command is a batch job: nobody waits on its pauses, so the collector need not run in the background while
        // the export allocates: meanwhile the young generations grow by what it allocates, gigabytes at a million
        // concessions. Blocking collections kept the peak resident set about 30 MiB lower there (bench/README, "The export
        // command's collections in batch mode"). The server, and the export it schedules, keep the default.
        GCSettings.LatencyMode = GCLatencyMode.Batch;

        var builder = WebApplication.CreateBuilder([.. configuration]);
        var servingDirectory = Path.GetFullPath(ExportOptions.DirectoryOrDefault(
            builder.Configuration[$"{ExportOptions.Section}:Directory"], builder.Environment.ContentRootPath));
        if (outDirectory is not null)
        {
            outDirectory = Path.GetFullPath(outDirectory);
            builder.Configuration[$"{ExportOptions.Section}:Directory"] = outDirectory;
        }
        // And it collects the young generation between batches every 8 MB it allocates, when a batch's records are garbage
        // (BatchCollections): at a million concessions the peak resident set grew about 20 MiB less than without
        // (bench/README, "Collections between batches"). Exports:CollectEveryMegabytes=0 turns that off.
        if (string.IsNullOrEmpty(builder.Configuration[$"{ExportOptions.Section}:{nameof(ExportOptions.CollectEveryMegabytes)}"]))
        {
            builder.Configuration[$"{ExportOptions.Section}:{nameof(ExportOptions.CollectEveryMegabytes)}"] = "8";
        }
        // Progress goes to standard output; every log line, the exporter's included, to standard error.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // The service's own start-up: the same database (provisioned if need be, stopped after if this command started it).
        await using var platform = await PlatformStartup.AddPlatformAsync(builder, logToStandardError: true);
        if (platform.Failed)
        {
            return 1;
        }
        builder.AddResources();
        builder.AddExports();
        await using var app = builder.Build();

        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };
        try
        {
            await app.InitializeDatabaseAsync(interrupted.Token);
            var exports = app.Services.GetRequiredService<ExportService>();
            var clock = Stopwatch.StartNew();
            var manifest = await exports.RunAsync("command line", new ConsoleProgress(), interrupted.Token);
            var records = manifest.Files.Where(f => f.Name.EndsWith(".json", StringComparison.Ordinal)).Sum(f => f.Rows ?? 0);
            Console.WriteLine(FormattableString.Invariant(
                $"Export {manifest.ExportId} published in {app.Services.GetRequiredService<ExportStore>().FolderOf(manifest.ExportId)}: {records:N0} records at data revision {manifest.DataRevision}, in {clock.Elapsed.TotalSeconds:0.0} s"));
            if (outDirectory is not null && !SameDirectory(outDirectory, servingDirectory))
            {
                Console.WriteLine($"The API will not list this export: it serves exports from {servingDirectory} (Exports__Directory); leave out --out to write there.");
            }
            return 0;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Export failed: {e.Message}");
            return 1;
        }
    }

    private static bool SameDirectory(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);

    /// <summary>
    /// On a terminal, one line redrawn in place (records done, rate, time left); otherwise a plain line per data
    /// set and every few seconds, which reads well in a log.
    /// </summary>
    private sealed class ConsoleProgress : IProgress<ExportProgress>
    {
        private readonly bool _terminal = !Console.IsOutputRedirected;
        private string? _dataset;
        private TimeSpan _lastShown = TimeSpan.MinValue;

        public void Report(ExportProgress value)
        {
            var interval = _terminal ? TimeSpan.FromMilliseconds(200) : TimeSpan.FromSeconds(5);
            var done = value.Rows == value.TotalRows;
            if (value.Dataset == _dataset && value.Elapsed - _lastShown < interval && !done)
            {
                return;
            }
            _dataset = value.Dataset;
            _lastShown = value.Elapsed;
            var rate = value.Elapsed.TotalSeconds > 0 ? value.Rows / value.Elapsed.TotalSeconds : 0;
            var left = rate > 0 ? TimeSpan.FromSeconds((value.TotalRows - value.Rows) / rate) : (TimeSpan?)null;
            var percent = value.TotalRows > 0 ? 100.0 * value.Rows / value.TotalRows : 100;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{value.Dataset}: {value.Rows:N0} of {value.TotalRows:N0} records ({percent:0}%), {rate:N0} records/s, {(left is { } l ? $"about {l.TotalSeconds:0} s left" : "time left unknown")}");
            if (_terminal)
            {
                Console.Write("\r" + line.PadRight(Math.Max(line.Length, Console.WindowWidth - 1)));
                if (done)
                {
                    Console.WriteLine();
                }
            }
            else
            {
                Console.WriteLine(line);
            }
        }
    }
}
