using Cronos;
using SummitApi.Platform.Hosting;

namespace SummitApi.Exports;

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

    /// <summary>
    /// When above 0, the export collects the young generation between two batches of records once it has allocated this
    /// many megabytes since the last such collection (<see cref="BatchCollections"/>). The export command sets it; the
    /// server leaves it at 0, since its requests would wait on those collections.
    /// </summary>
    public int CollectEveryMegabytes { get; set; }

    /// <summary>Where the service publishes and serves exports: Exports:Directory as configured, else &lt;repository&gt;/.data/exports.</summary>
    public static string DirectoryOrDefault(string? configured, string contentRoot) =>
        string.IsNullOrWhiteSpace(configured) ? Path.Combine(DatabaseSetup.FindRepositoryRoot(contentRoot), ".data", "exports") : configured;

    /// <summary>The data's licence as datapackage.json states it (Frictionless "licenses").</summary>
    public ExportLicense License { get; set; } = new();

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

/// <summary>
/// A licence in the Frictionless form. The default says, truthfully, that no licence has been chosen: the data are facts
/// with short verbatim excerpts whose sources keep their own licences. Set Exports:License:Name (an Open Definition id
/// such as CC-BY-4.0), :Path (its URL) and :Title once the data's licence is decided.
/// </summary>
public sealed class ExportLicense
{
    public string Name { get; set; } = "notspecified";

    public string? Path { get; set; }

    public string Title { get; set; } = "License not specified: facts with short verbatim excerpts, each source keeping its own licence (see sources.licence)";
}
