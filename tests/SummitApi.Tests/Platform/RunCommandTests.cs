using System.Net;
using System.Net.Sockets;
using SummitApi.LocalPostgres;

namespace SummitApi.Tests.Platform;

/// <summary>
/// The README's run command as a user meets it: the built service started as its own process, with no
/// connection string, provisioning, reusing and stopping its own PostgreSQL, and listening where it is told.
/// </summary>
public class RunCommandTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Without_a_connection_string_it_says_whether_it_created_started_reused_or_stopped_its_postgres()
    {
        var root = Path.Combine(Path.GetTempPath(), $"summit-run-{Guid.NewGuid():N}");
        try
        {
            string keysWhileServing = "";
            var first = await RunUntilReadyThenInterruptAsync(root, whileServing: async () =>
                keysWhileServing = await RunCommandAsync(root, "keys", "list"));
            Assert.Contains("Creating a local PostgreSQL cluster in", first.Output);
            Assert.DoesNotContain("Starting the local PostgreSQL cluster", first.Output);
            Assert.Contains("Stopped the local PostgreSQL cluster in", first.Output);
            Assert.DoesNotContain("warn:", first.Output);
            Assert.Equal(0, first.ExitCode);
            AssertNotRunning(root);

            Assert.Contains("Reusing the local PostgreSQL cluster already running in", keysWhileServing);
            Assert.Contains("Left the local PostgreSQL cluster in", keysWhileServing);
            Assert.DoesNotContain("Stopped the local PostgreSQL cluster", keysWhileServing);

            var second = await RunUntilReadyThenInterruptAsync(root);
            Assert.DoesNotContain("Creating a local PostgreSQL cluster", second.Output);
            Assert.Contains("Starting the local PostgreSQL cluster in", second.Output);
            Assert.Contains("Stopped the local PostgreSQL cluster in", second.Output);
            Assert.Equal(0, second.ExitCode);
            AssertNotRunning(root);

            var export = await RunCommandAsync(root, "export", "--out", Path.Combine(root, "exports"));
            Assert.Contains("Starting the local PostgreSQL cluster in", export);
            Assert.Contains("Stopped the local PostgreSQL cluster in", export);
            AssertNotRunning(root);
        }
        finally
        {
            await LocalPostgresCluster.DeleteDirectoryAsync(root);
        }
    }

    [Fact]
    public async Task A_busy_port_is_one_line_naming_the_way_out_a_failing_exit_code_and_no_postgres_left_running()
    {
        var root = Path.Combine(Path.GetTempPath(), $"summit-run-{Guid.NewGuid():N}");
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var address = $"http://127.0.0.1:{((IPEndPoint)occupant.LocalEndpoint).Port}";
        try
        {
            using var service = Start($"--LocalPostgres:Directory={root}", $"--urls={address}");
            var exitCode = await service.ExitCodeAsync(StartTimeout);

            Assert.NotEqual(0, exitCode);
            var output = service.Output;
            Assert.Contains($"Failed to bind to address {address}: address already in use. Choose another with ASPNETCORE_URLS=", output);
            Assert.Contains("--urls=", output);
            Assert.DoesNotContain("   at ", output); // no stack trace
            Assert.DoesNotContain("crit:", output);
            Assert.DoesNotContain("fail:", output);
            Assert.Contains("Stopped the local PostgreSQL cluster in", output);
            AssertNotRunning(root);
        }
        finally
        {
            await LocalPostgresCluster.DeleteDirectoryAsync(root);
        }
    }

    [Fact]
    public async Task Ctrl_c_while_it_starts_stops_the_postgres_it_had_started()
    {
        var root = Path.Combine(Path.GetTempPath(), $"summit-run-{Guid.NewGuid():N}");
        try
        {
            using var service = Start($"--LocalPostgres:Directory={root}", "--urls=http://127.0.0.1:0");
            await service.WaitForLineAsync(line => line.Contains("Creating a local PostgreSQL cluster in", StringComparison.Ordinal), StartTimeout, "that it creates a cluster");

            await service.InterruptAsync();
            var exitCode = await service.ExitCodeAsync(StartTimeout);

            // initdb, the server's start, the migrations and the seed set take seconds: the signal lands before it serves.
            Assert.Equal(130, exitCode);
            Assert.Contains("Interrupted while starting.", service.Output);
            Assert.Contains("Stopped the local PostgreSQL cluster in", service.Output);
            Assert.DoesNotContain("   at ", service.Output); // no stack trace
            AssertNotRunning(root);
        }
        finally
        {
            await LocalPostgresCluster.DeleteDirectoryAsync(root);
        }
    }

    [Fact]
    public async Task Under_dotnet_run_ASPNETCORE_URLS_chooses_the_address()
    {
        var address = $"http://127.0.0.1:{FreePort()}";
        using var service = ServiceProcess.DotnetRun(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Summit"] = await TestPostgres.CreateDatabaseAsync(),
            ["ASPNETCORE_URLS"] = address,
        });

        Assert.Equal($"{address}/swagger", await service.WaitUntilReadyAsync(StartTimeout));
    }

    [Fact]
    public async Task Under_dotnet_run_the_urls_option_chooses_the_address()
    {
        var address = $"http://127.0.0.1:{FreePort()}";
        using var service = ServiceProcess.DotnetRun(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Summit"] = await TestPostgres.CreateDatabaseAsync(),
            ["ASPNETCORE_URLS"] = null,
        }, $"--urls={address}");

        Assert.Equal($"{address}/swagger", await service.WaitUntilReadyAsync(StartTimeout));
    }

    [Theory]
    [InlineData(new string[0], "http://localhost:5080")]
    [InlineData(new[] { "--urls=http://127.0.0.1:5081" }, "http://127.0.0.1:5081")]
    [InlineData(new[] { "--http_ports=8080" }, null)] // the container's ASPNETCORE_HTTP_PORTS
    public void It_listens_on_5080_only_when_no_address_is_configured(string[] arguments, string? listensOn)
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(arguments);

        SummitApi.Platform.Hosting.ListenAddress.AddListenAddress(builder);

        Assert.Equal(listensOn, builder.WebHost.GetSetting(Microsoft.AspNetCore.Hosting.WebHostDefaults.ServerUrlsKey));
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

    private static async Task<(int ExitCode, string Output)> RunUntilReadyThenInterruptAsync(string root, Func<Task>? whileServing = null)
    {
        using var service = Start($"--LocalPostgres:Directory={root}", "--urls=http://127.0.0.1:0");
        var swaggerUrl = await service.WaitUntilReadyAsync(StartTimeout);
        using (var client = new HttpClient())
        {
            var health = await client.GetAsync(swaggerUrl.Replace("/swagger", "/health/ready"));
            Assert.True(health.IsSuccessStatusCode, $"/health/ready answered {health.StatusCode}");
            Assert.True((await client.GetAsync(swaggerUrl + "/index.html")).IsSuccessStatusCode);
        }
        if (whileServing is not null)
        {
            await whileServing();
        }

        await service.InterruptAsync();
        await service.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (service.Process.ExitCode, service.Output);
    }

    /// <summary>Runs a command (keys, export) to its end on the cluster under <paramref name="root"/>; its output.</summary>
    private static async Task<string> RunCommandAsync(string root, params string[] command)
    {
        using var process = ServiceProcess.Start(new Dictionary<string, string?>
        {
            ["ConnectionStrings__Summit"] = null,
            ["LocalPostgres__Directory"] = root,
        }, command);
        var exitCode = await process.ExitCodeAsync(StartTimeout);
        Assert.True(exitCode == 0, $"{string.Join(' ', command)} exited {exitCode}:\n{process.Output}");
        return process.Output;
    }

    /// <summary>No server runs on the cluster: no postmaster.pid, and no postgres process serving its data folder.</summary>
    private static void AssertNotRunning(string root)
    {
        var data = Path.Combine(root, "data");
        Assert.False(File.Exists(Path.Combine(data, "postmaster.pid")), "Postgres still runs");
        var servers = Directory.GetDirectories("/proc")
            .Select(process => Path.Combine(process, "cmdline"))
            .Select(cmdline => { try { return File.ReadAllText(cmdline).Replace('\0', ' '); } catch (IOException) { return ""; } catch (UnauthorizedAccessException) { return ""; } })
            .Where(cmdline => cmdline.Contains("postgres", StringComparison.Ordinal) && cmdline.Contains($"-D {data} ", StringComparison.Ordinal));
        Assert.Empty(servers);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ChildProcess Start(params string[] arguments) =>
        ServiceProcess.Start(new Dictionary<string, string?> { ["ConnectionStrings__Summit"] = null }, arguments);
}
