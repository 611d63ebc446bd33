using SummitApi.Exports;
using static SummitApi.Tests.Exports.ExportTestKit;

namespace SummitApi.Tests.Exports;

/// <summary>The command line and the schedule run the same exporter as the service: same data, same bytes.</summary>
public class ExportTriggerTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>, IDisposable
{
    private readonly List<string> _paths = [];

    public void Dispose()
    {
        foreach (var path in _paths)
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            File.Delete(path); // a file standing where a directory should be; nothing when there is none
        }
    }

    [Fact]
    public async Task The_command_line_writes_the_same_data_files_as_the_exporter_service_and_reports_progress()
    {
        var (serviceDirectory, commandDirectory) = (Track(NewDirectory()), Track(NewDirectory()));
        var reference = await Exporter(factory, serviceDirectory).ExportAsync();

        var (exitCode, output, error) = await RunCommandAsync("export", "--out", commandDirectory);

        Assert.True(exitCode == 0, $"export exited {exitCode}:\n{output}\n{error}");
        var exported = Assert.Single(new ExportStore(Microsoft.Extensions.Options.Options.Create(new ExportOptions { Directory = commandDirectory })).ExportIds());
        Assert.Contains($"Export {exported} published in {Path.Combine(commandDirectory, exported)}", output);
        Assert.Contains("records/s", output);
        Assert.Contains($"The API will not list this export: it serves exports from {Path.Combine(SummitApi.Platform.Hosting.DatabaseSetup.FindRepositoryRoot(AppContext.BaseDirectory), ".data", "exports")} (Exports__Directory)", output);
        AssertSameDataFiles(Path.Combine(serviceDirectory, reference.ExportId), reference, Path.Combine(commandDirectory, exported));
    }

    [Fact]
    public async Task The_command_line_says_nothing_of_listing_when_it_writes_where_the_api_serves_from()
    {
        var serving = Track(NewDirectory());

        var (exitCode, output, error) = await RunCommandAsync("export", "--out", serving, $"--Exports:Directory={serving}");

        Assert.True(exitCode == 0, $"export exited {exitCode}:\n{output}\n{error}");
        Assert.DoesNotContain("will not list", output);
    }

    [Fact]
    public async Task The_command_line_exits_non_zero_when_the_export_fails_or_its_arguments_are_wrong()
    {
        var notADirectory = Track(Path.Combine(Path.GetTempPath(), $"summit-not-a-directory-{Guid.NewGuid():N}"));
        await File.WriteAllTextAsync(notADirectory, "a file where the exports directory should be");

        var failed = await RunCommandAsync("export", "--out", notADirectory);
        var misused = await RunCommandAsync("export", "--outt", "somewhere");

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("Export failed", failed.Error);
        Assert.Equal(2, misused.ExitCode);
        Assert.Contains("Usage: export", misused.Error);
    }

    [Fact]
    public async Task The_schedule_runs_the_same_export_on_its_cron_expression()
    {
        var (serviceDirectory, scheduledDirectory) = (Track(NewDirectory()), Track(NewDirectory()));
        var reference = await Exporter(factory, serviceDirectory).ExportAsync();
        var store = new ExportStore(Microsoft.Extensions.Options.Options.Create(new ExportOptions { Directory = scheduledDirectory }));

        await using (var scheduled = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Exports:Schedule", "*/2 * * * * *") // every two seconds
            .UseSetting("Exports:Directory", scheduledDirectory)))
        {
            scheduled.CreateClient(); // starts the host, and with it the schedule
            for (var waited = 0; store.ExportIds().Count < 2 && waited < 300; waited++)
            {
                await Task.Delay(100);
            }
        }

        var exports = store.ExportIds();
        Assert.True(exports.Count >= 2, $"the schedule made {exports.Count} exports in 30 s");
        var first = exports[^1];
        AssertSameDataFiles(Path.Combine(serviceDirectory, reference.ExportId), reference, Path.Combine(scheduledDirectory, first));
        Assert.Equal(first, (await store.ReadManifestAsync(exports[^2]))!.PreviousExportId);
    }

    private string Track(string path)
    {
        _paths.Add(path);
        return path;
    }

    private Task<ServiceProcess.Run> RunCommandAsync(params string[] arguments) =>
        ServiceProcess.RunAsync(new Dictionary<string, string?> { ["ConnectionStrings__Summit"] = factory.ConnectionString }, TimeSpan.FromSeconds(120), arguments);
}
