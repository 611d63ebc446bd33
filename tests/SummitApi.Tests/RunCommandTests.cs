using SummitApi.Tests.Infrastructure;

namespace SummitApi.Tests;

/// <summary>
/// The README's run command as a user meets it: the built service started as its own process, with no
/// connection string, provisioning, reusing and stopping its own PostgreSQL.
/// </summary>
public class RunCommandTests
{
    [Fact]
    public async Task Without_a_connection_string_it_provisions_postgres_reuses_it_on_the_next_run_and_stops_it_on_ctrl_c()
    {
        var root = Path.Combine(Path.GetTempPath(), $"summit-run-{Guid.NewGuid():N}");
        try
        {
            var first = await RunUntilReadyThenInterruptAsync(root);
            Assert.Contains("Creating a local PostgreSQL cluster", first.Output);
            Assert.Contains("No ConnectionStrings__Summit is configured", first.Output);
            Assert.Equal(0, first.ExitCode);
            Assert.False(File.Exists(Path.Combine(root, "data", "postmaster.pid")), "Postgres still runs after Ctrl+C");

            var second = await RunUntilReadyThenInterruptAsync(root);
            Assert.DoesNotContain("Creating a local PostgreSQL cluster", second.Output);
            Assert.Contains("Started local PostgreSQL", second.Output);
            Assert.Equal(0, second.ExitCode);
            Assert.False(File.Exists(Path.Combine(root, "data", "postmaster.pid")), "Postgres still runs after Ctrl+C");
        }
        finally
        {
            await SummitApi.Infrastructure.Database.LocalPostgresCluster.DeleteDirectoryAsync(root);
        }
    }

    [Fact]
    public async Task Without_postgres_binaries_it_exits_naming_the_three_ways_out()
    {
        using var service = Start("--LocalPostgres:BinDirectory=/nonexistent/postgresql/bin", "--LocalPostgres:Directory=/nonexistent/summit");
        await service.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, service.Process.ExitCode);
        var message = service.Output;
        Assert.Contains("install PostgreSQL", message);
        Assert.Contains("docker compose up", message);
        Assert.Contains("ConnectionStrings__Summit", message);
        Assert.DoesNotContain("   at ", message); // no stack trace
    }

    private static async Task<(int ExitCode, string Output)> RunUntilReadyThenInterruptAsync(string root)
    {
        using var service = Start($"--LocalPostgres:Directory={root}", "--urls=http://127.0.0.1:0");
        var swaggerUrl = await service.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        using (var client = new HttpClient())
        {
            var health = await client.GetAsync(swaggerUrl.Replace("/swagger", "/health/ready"));
            Assert.True(health.IsSuccessStatusCode, $"/health/ready answered {health.StatusCode}");
            Assert.True((await client.GetAsync(swaggerUrl + "/index.html")).IsSuccessStatusCode);
        }

        await service.InterruptAsync();
        await service.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (service.Process.ExitCode, service.Output);
    }

    private static ServiceProcess Start(params string[] arguments) =>
        ServiceProcess.Start(new Dictionary<string, string?> { ["ConnectionStrings__Summit"] = null }, arguments);
}
