using Cronos;
using SummitApi.Infrastructure.Database;

namespace SummitApi.Features.Exports;

/// <summary>The Exports section of the configuration.</summary>
public sealed class ExportOptions
{
    public const string Section = "Exports";

    /// <summary>Where exports are published, one folder per export; default &lt;repository&gt;/.data/exports.</summary>
    public string Directory { get; set; } = "";

    /// <summary>
    /// When the scheduled export runs, as a cron expression in UTC: five fields, or six with seconds first.
    /// Empty turns the schedule off (the command line and the endpoint still export).
    /// </summary>
    public string Schedule { get; set; } = "0 2 * * *";

    /// <summary>How many exports to keep; older ones are deleted after each new one.</summary>
    public int Keep { get; set; } = 14;

    /// <summary>Where the service publishes and serves exports: Exports:Directory as configured, else &lt;repository&gt;/.data/exports.</summary>
    public static string DirectoryOrDefault(string? configured, string contentRoot) =>
        string.IsNullOrWhiteSpace(configured) ? Path.Combine(DatabaseSetup.FindRepositoryRoot(contentRoot), ".data", "exports") : configured;

    /// <summary>The schedule parsed, or null when it is off; throws FormatException for a malformed expression.</summary>
    public CronExpression? ParseSchedule()
    {
        if (string.IsNullOrWhiteSpace(Schedule))
        {
            return null;
        }
        var fields = Schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CronExpression.Parse(Schedule, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
    }
}
