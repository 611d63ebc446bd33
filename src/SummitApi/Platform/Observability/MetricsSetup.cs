using Prometheus;

namespace SummitApi.Platform.Observability;

/// <summary>
/// Prometheus metrics at /metrics: HTTP requests by route template, method and status; the Npgsql
/// connection pool (Npgsql publishes it as .NET meters); export runs (<see cref="ExportMetrics"/>);
/// and the process's own (CPU, memory, GC, thread pool).
/// <para>
/// Public, like /health: it holds counts and durations only, labelled by route template, never by a
/// path, id, query or key. Outside /api, so it is neither rate limited nor part of the OpenAPI document.
/// </para>
/// </summary>
public static class MetricsSetup
{
    public const string Path = "/metrics";

    /// <summary>The .NET meters worth exporting; the others (ASP.NET Core's own) repeat what the HTTP metrics already say.</summary>
    private static readonly HashSet<string> ExportedMeters = ["Npgsql"];

    public static void UseSummitMetrics(this WebApplication app)
    {
        Metrics.ConfigureMeterAdapter(options => options.InstrumentFilterPredicate = instrument => ExportedMeters.Contains(instrument.Meter.Name));
        ExportMetrics.Publish();
        app.UseHttpMetrics();
        app.MapMetrics(Path).ExcludeFromDescription();
    }
}
