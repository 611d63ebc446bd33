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
public partial class ArchitectureTests
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
        Types().That().ResideInNamespace($"{ResourcesRoot}.{resource}")
            .Should().NotDependOnAny(InternalsOfResourcesOtherThan(resource))
            .Check(Service);
    }

    [Fact]
    public void The_internals_rule_finds_a_use_of_another_resources_internals()
    {
        // The catalog's own folder is no resource: it names every resource's definition and serializers, as the one list must.
        var rule = Types().That().ResideInNamespace(ResourcesRoot).Should().NotDependOnAny(InternalsOfResourcesOtherThan(resource: ""));

        Assert.False(rule.HasNoViolations(Service));
    }

    [Fact]
    public void The_database_code_never_touches_an_http_request()
    {
        System.Type[] http = [typeof(HttpContext), typeof(HttpRequest), typeof(HttpResponse)];
        Types().That().ResideInNamespaceMatching(@"^SummitApi\.Platform\.(Data|Seeding|Catalog)$").Should().NotDependOnAny(http).Check(Service);
        // The resources' SQL is database code too, whatever folder it stands in.
        Types().That().ResideInNamespaceMatching($@"^{Regex(ResourcesRoot)}\..+$").And().HaveNameEndingWith("Queries")
            .Should().NotDependOnAny(http).Check(Service);
    }

    [Fact]
    public void The_http_rule_finds_code_that_touches_an_http_request()
    {
        // ReadScope opens a request's read, so the reads' folder may; the rule above must see that it does.
        var rule = Types().That().ResideInNamespace("SummitApi.Platform.Reads").Should().NotDependOnAny(typeof(HttpContext));

        Assert.False(rule.HasNoViolations(Service));
    }

    /// <summary>
    /// What a resource keeps to itself: its non-public types, and the parts only it and the catalog use (its queries,
    /// endpoints, catalog definition, serializers and validators). Record types, and services a folder exists to offer
    /// (the readout differences' classifier and query), may be used by other resources.
    /// </summary>
    private static System.Type[] InternalsOfResourcesOtherThan(string resource) =>
        [.. typeof(Program).Assembly.GetTypes().Where(type =>
            type.Namespace is { } ns && ns.StartsWith(ResourcesRoot + ".", StringComparison.Ordinal) && ns != $"{ResourcesRoot}.{resource}"
            && !type.Name.Contains('<') // the compiler's own (closures, delegate caches): ArchUnitNET does not load them
            && (!(type.IsPublic || type.IsNestedPublic) || InternalRoles().IsMatch(type.Name)))];

    [System.Text.RegularExpressions.GeneratedRegex("(Queries|Endpoints|Resource|JsonContext|Validator)$")]
    private static partial System.Text.RegularExpressions.Regex InternalRoles();

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
