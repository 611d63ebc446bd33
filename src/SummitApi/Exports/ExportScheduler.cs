using Microsoft.Extensions.Options;

namespace SummitApi.Exports;

/// <summary>Runs the export on the Exports:Schedule cron expression (UTC). Every instance schedules it; the export's lock makes one of them do it.</summary>
public sealed class ExportScheduler(ExportService exports, IOptions<ExportOptions> options, TimeProvider time, ILogger<ExportScheduler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = options.Value.ParseSchedule();
        if (schedule is null)
        {
            logger.LogInformation("Scheduled exports are off (Exports:Schedule is empty)");
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = schedule.GetNextOccurrence(now, TimeZoneInfo.Utc);
            if (next is null)
            {
                return;
            }
            logger.LogDebug("Next scheduled export at {NextExport:o}", next.Value);
            try
            {
                await Task.Delay(next.Value - now, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // A host that failed to start cancels this without stopping first, and would log a cancelled wait as a crash.
                return;
            }
            try
            {
                await exports.RunAsync("schedule", progress: null, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Logged by the exporter; the schedule goes on, and the next run starts from the last good export.
            }
        }
    }
}
