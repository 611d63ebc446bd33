using Prometheus;

namespace SummitApi.Platform.Observability;

/// <summary>
/// Export runs, for alerting on a nightly export that failed or stopped happening. prometheus-net's own
/// collectors rather than .NET meters: its meter adapter forgets a series that has not moved for
/// minutes, and an export moves these once a night.
/// </summary>
public static class ExportMetrics
{
    private static readonly Counter Runs = Metrics.CreateCounter(
        "summitapi_export_runs_total", "Export runs that ended, by outcome (succeeded, failed).", "outcome");

    private static readonly Histogram Duration = Metrics.CreateHistogram(
        "summitapi_export_duration_seconds", "How long export runs took, by outcome.",
        new HistogramConfiguration { LabelNames = ["outcome"], Buckets = Histogram.ExponentialBuckets(0.5, 2, 12) });

    private static readonly Gauge LastSuccess = Metrics.CreateGauge(
        "summitapi_export_last_success_timestamp_seconds", "When the last successful export run ended (Unix time).");

    /// <summary>Creates every series now, so a scrape before the first export sees zeros rather than no series at all.</summary>
    public static void Publish()
    {
        foreach (var outcome in (string[])["succeeded", "failed"])
        {
            Runs.WithLabels(outcome);
            Duration.WithLabels(outcome);
        }
    }

    public static void Succeeded(TimeSpan elapsed, DateTimeOffset endedAt)
    {
        Record("succeeded", elapsed);
        LastSuccess.Set(endedAt.ToUnixTimeMilliseconds() / 1000.0);
    }

    public static void Failed(TimeSpan elapsed) => Record("failed", elapsed);

    private static void Record(string outcome, TimeSpan elapsed)
    {
        Runs.WithLabels(outcome).Inc();
        Duration.WithLabels(outcome).Observe(elapsed.TotalSeconds);
    }
}
