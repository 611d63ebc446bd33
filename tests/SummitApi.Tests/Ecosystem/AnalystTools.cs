using System.Diagnostics;

namespace SummitApi.Tests.Ecosystem;

/// <summary>
/// Debian's pandas (python3-pandas) and csvkit, which the export tests run as an analyst would. The first test that
/// needs them installs them with apt-get, once per test run (the machine's own packages, no PyPI); where that is not
/// possible the test fails with the command that installs them, rather than skipping.
/// </summary>
public static class AnalystTools
{
    /// <summary>Debian's Python, which sees Debian's packages (a python3 earlier on PATH, e.g. pyenv's, may not).</summary>
    public const string Python = "/usr/bin/python3";

    private const string Packages = "python3-pandas csvkit";

    private static readonly Lazy<Task<string?>> Installation = new(InstallAsync);

    public static async Task EnsureInstalledAsync()
    {
        var problem = await Installation.Value;
        Assert.True(problem is null, problem);
    }

    private static async Task<string?> InstallAsync()
    {
        if (await PresentAsync())
        {
            return null;
        }
        // An install from stale package lists can fail to find a file: refresh them once and try again.
        if (await AptGetAsync($"install -y -qq {Packages}") != 0)
        {
            await AptGetAsync("update -qq");
            await AptGetAsync($"install -y -qq {Packages}");
        }
        return await PresentAsync() ? null : $"pandas and csvkit are missing and apt-get could not install them: run `apt-get install -y {Packages}` as root.";
    }

    private static async Task<bool> PresentAsync() =>
        File.Exists("/usr/bin/csvjson") && (await EcosystemTools.RunAsync(Python, ["-c", "import pandas"])).ExitCode == 0;

    private static async Task<int> AptGetAsync(string arguments)
    {
        var startInfo = new ProcessStartInfo("apt-get", arguments) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        startInfo.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        try
        {
            using var process = Process.Start(startInfo)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
            await Task.WhenAll(output, error);
            return process.ExitCode;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException)
        {
            return -1; // no apt-get here, or it hung: PresentAsync then says what is missing
        }
    }
}
