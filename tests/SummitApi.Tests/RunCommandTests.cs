using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace SummitApi.Tests;

/// <summary>
/// The README's run command as a user meets it: the built service started as its own process, with no
/// connection string, provisioning, reusing and stopping its own PostgreSQL.
/// </summary>
public partial class RunCommandTests
{
    private static readonly string ServiceDll = typeof(Program).Assembly.Location;

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
        using var process = Start("--LocalPostgres:BinDirectory=/nonexistent/postgresql/bin", "--LocalPostgres:Directory=/nonexistent/summit");
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, process.ExitCode);
        var message = await error;
        Assert.Contains("install PostgreSQL", message);
        Assert.Contains("docker compose up", message);
        Assert.Contains("ConnectionStrings__Summit", message);
        Assert.DoesNotContain("   at ", message); // no stack trace
    }

    private static async Task<(int ExitCode, string Output)> RunUntilReadyThenInterruptAsync(string root)
    {
        using var process = Start($"--LocalPostgres:Directory={root}", "--urls=http://127.0.0.1:0");
        var output = new StringBuilder();
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Collect(object _, DataReceivedEventArgs line)
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }
            if (line.Data is not null && ReadyLine().Match(line.Data) is { Success: true } match)
            {
                ready.TrySetResult(match.Groups["url"].Value);
            }
        }
        process.OutputDataReceived += Collect;
        process.ErrorDataReceived += Collect;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var swaggerUrl = await ready.Task.WaitAsync(TimeSpan.FromSeconds(90));
        using (var client = new HttpClient())
        {
            var health = await client.GetAsync(swaggerUrl.Replace("/swagger", "/health/ready"));
            Assert.True(health.IsSuccessStatusCode, $"/health/ready answered {health.StatusCode}");
            Assert.True((await client.GetAsync(swaggerUrl + "/index.html")).IsSuccessStatusCode);
        }

        using (var interrupt = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await interrupt.WaitForExitAsync();
        }
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static Process Start(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(ServiceDll)!,
        };
        startInfo.ArgumentList.Add(ServiceDll);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        startInfo.Environment.Remove("ConnectionStrings__Summit");
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        return Process.Start(startInfo)!;
    }

    [GeneratedRegex(@"Swagger UI at (?<url>http://\S+/swagger)")]
    private static partial Regex ReadyLine();
}
