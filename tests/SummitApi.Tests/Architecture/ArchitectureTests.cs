using ArchUnitNET.Domain;
using ArchUnitNET.Fluent.Slices;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;
using Microsoft.AspNetCore.Http;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace SummitApi.Tests.Architecture;

/// <summary>
/// The layering the code promises, read from the compiled service by ArchUnitNET (not from our own parsing): the
/// platform knows nothing of the resources, a resource uses only what other resources publish, no two folders
/// depend on each other, and the database code never sees an HTTP request.
/// </summary>
public class ArchitectureTests
{
    private static readonly ArchUnitNET.Domain.Architecture Service = new ArchLoader().LoadAssemblies(typeof(Program).Assembly).Build();

    private const string Platform = @"^SummitApi\.Platform(\..+)?$";
    private const string ResourcesRoot = "SummitApi.Resources";

    [Fact]
    public void The_platform_depends_on_no_resource_no_export_and_no_command()
    {
        Types().That().ResideInNamespaceMatching(Platform)
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"^SummitApi\.(Resources|Exports|Cli)(\..+)?$"))
            .Check(Service);
    }

    [Fact]
    public void No_two_folders_depend_on_each_other_even_through_others()
    {
        SliceRuleDefinition.Slices().Matching("SummitApi.(**)").Should().BeFreeOfCycles().Check(Service);
    }

    [Fact]
    public void The_cycle_rule_finds_a_cycle_when_there_is_one()
    {
        var fixtures = new ArchLoader().LoadAssemblies(typeof(ArchitectureTests).Assembly).Build();
        var rule = SliceRuleDefinition.Slices().Matching("SummitApi.Tests.Architecture.CycleFixture.(*)").Should().BeFreeOfCycles();

        Assert.False(rule.HasNoViolations(fixtures));
    }

    [Theory]
    [MemberData(nameof(ResourceFolders))]
    public void A_resource_uses_no_other_resources_internals(string resource)
    {
        var others = ResourceFolderNames.Where(other => other != resource).ToList();
        Types().That().ResideInNamespace($"{ResourcesRoot}.{resource}")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching($@"^{Regex(ResourcesRoot)}\.({string.Join('|', others)})$").And().AreNotPublic())
            .Check(Service);
    }

    [Fact]
    public void The_database_code_never_touches_an_http_request()
    {
        Types().That().ResideInNamespaceMatching(@"^SummitApi\.Platform\.(Data|Seeding|Catalog)$")
            .Should().NotDependOnAny(typeof(HttpContext), typeof(HttpRequest), typeof(HttpResponse))
            .Check(Service);
    }

    [Fact]
    public void Every_resource_folder_is_checked()
    {
        // The rules above name the folders they cover; a folder they missed would be unguarded.
        var folders = Directory.GetDirectories(Path.Combine(SourceRoot(), "Resources")).Select(folder => Path.GetFileName(folder)!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(folders, ResourceFolderNames);
    }

    public static TheoryData<string> ResourceFolders() => [.. ResourceFolderNames];

    private static readonly List<string> ResourceFolderNames =
        [.. typeof(Program).Assembly.GetTypes()
            .Select(type => type.Namespace)
            .OfType<string>()
            .Where(ns => ns.StartsWith(ResourcesRoot + ".", StringComparison.Ordinal))
            .Select(ns => ns[(ResourcesRoot.Length + 1)..])
            .Distinct()
            .Order(StringComparer.Ordinal)];

    private static string Regex(string literal) => System.Text.RegularExpressions.Regex.Escape(literal);

    private static string SourceRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SummitApi.sln")))
            {
                return Path.Combine(directory.FullName, "src", "SummitApi");
            }
        }
        throw new InvalidOperationException("The repository root (SummitApi.sln) is not above the test binaries.");
    }
}
