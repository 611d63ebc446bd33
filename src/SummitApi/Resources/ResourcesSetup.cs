using Dapper;
using SummitApi.Platform.Catalog;
using SummitApi.Platform.Json;
using SummitApi.Platform.Writes;
using SummitApi.Resources.Citations;
using SummitApi.Resources.Concessions;
using SummitApi.Resources.ReadoutDifferences;
using SummitApi.Resources.Vocabularies;

namespace SummitApi.Resources;

public static class ResourcesSetup
{
    /// <summary>Registers the catalog, the resources' serializers, the JSON columns their queries read and the readout differences' memo.</summary>
    public static void AddResources(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IResourceCatalog>(ResourceCatalog.Instance);
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, ResourceCatalog.Instance.Serializers));
        SqlMapper.AddTypeHandler(new JsonColumnHandler<IReadOnlyList<CitationDto>>());
        SqlMapper.AddTypeHandler(new JsonColumnHandler<IReadOnlyList<ConcessionExchange>>());
        SqlMapper.AddTypeHandler(new JsonColumnHandler<ComparisonInputs>());
        builder.Services.AddSingleton<ReadoutDifferenceMemo>();
    }

    /// <summary>Every resource's reads, then the writes and revision histories of those editors write.</summary>
    public static void MapResources(this RouteGroupBuilder api)
    {
        foreach (var resource in ResourceCatalog.Instance.Records)
        {
            resource.MapReadsOn(api);
        }
        api.MapVocabularies();
        api.MapWrites(ResourceCatalog.Instance);
    }
}
