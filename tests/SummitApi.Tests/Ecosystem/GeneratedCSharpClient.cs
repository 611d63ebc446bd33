using System.Globalization;

namespace SummitApi.Tests.Ecosystem;

/// <summary>
/// A small C# program (tools/ecosystem/csharp-clients/&lt;generator&gt;/Program.cs) built against a client a generator
/// made from the served document. It is built in a temp folder, outside the repository, so that the repository's
/// Directory.Build.props (warnings as errors, analyzers) and central package versions do not judge generated code;
/// packages come from the same NuGet configuration the repository restores with.
/// </summary>
public sealed class GeneratedCSharpClient : IDisposable
{
    private readonly string _name;

    private GeneratedCSharpClient(string name, string directory)
    {
        _name = name;
        Directory = directory;
    }

    /// <summary>The temp project folder; a generator writes the client into its Generated/ folder.</summary>
    public string Directory { get; }

    public string GeneratedDirectory => Path.Combine(Directory, "Generated");

    /// <summary>Creates the project <paramref name="name"/> (e.g. KiotaCheck) from the program in csharp-clients/<paramref name="program"/>.</summary>
    public static GeneratedCSharpClient Create(string name, string program, IReadOnlyDictionary<string, string> packages)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory($"summit-{program}-client-").FullName;
        File.Copy(Path.Combine(EcosystemTools.Directory, "csharp-clients", program, "Program.cs"), Path.Combine(directory, "Program.cs"));
        var references = string.Concat(packages.Select(p => $"""    <PackageReference Include="{p.Key}" Version="{p.Value}" />{"\n"}"""));
        File.WriteAllText(Path.Combine(directory, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <AssemblyName>{name}</AssemblyName>
              </PropertyGroup>
              <ItemGroup>
            {references}  </ItemGroup>
            </Project>
            """);
        return new GeneratedCSharpClient(name, directory);
    }

    /// <summary>Restores and builds the program once; it is then run as often as needed.</summary>
    public async Task BuildAsync()
    {
        var build = await EcosystemTools.RunAsync("dotnet", ["build", "--configuration", "Release", "--output", "out", "--nologo", "--verbosity", "quiet"],
            workingDirectory: Directory, timeout: TimeSpan.FromMinutes(10));
        Assert.True(build.ExitCode == 0, $"the {_name} program does not build against its generated client: {build}");
    }

    /// <summary>Runs the built program against the API; it prints what it saw as JSON.</summary>
    public async Task<ToolRun> RunAsync(Uri api, DateTimeOffset asOf) =>
        await EcosystemTools.RunAsync("dotnet", [Path.Combine("out", _name + ".dll"), api.ToString().TrimEnd('/'), asOf.ToString("O", CultureInfo.InvariantCulture)],
            workingDirectory: Directory);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
