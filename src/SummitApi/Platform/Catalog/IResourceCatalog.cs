using System.Text.Json.Serialization.Metadata;
using SummitApi.Platform.Validation;

namespace SummitApi.Platform.Catalog;

/// <summary>Everything the service holds: what the platform serves, writes, seeds, checks and exports.</summary>
public interface IResourceCatalog
{
    /// <summary>The record resources, each after those it may refer to (the order seeds load in and exports write in).</summary>
    IReadOnlyList<IRecordResource> Records { get; }

    /// <summary>The controlled code lists, each a table of its own.</summary>
    IReadOnlyList<Vocabulary> Vocabularies { get; }

    /// <summary>
    /// The serializers of everything the resources serve, source-generated: each resource folder's own context, combined.
    /// The API's responses and the exports' records are written with them.
    /// </summary>
    IJsonTypeInfoResolver Serializers { get; }

    /// <summary>Response headers of the resources' own that a browser's script may read (CORS exposes them).</summary>
    IReadOnlyList<string> ResponseHeaders { get; }
}

public static class ResourceCatalogExtensions
{
    /// <summary>The record types a citation may cite: the tables of the resources that carry citations, in catalog order.</summary>
    public static IReadOnlyList<string> CitedRecordTypes(this IResourceCatalog catalog) =>
        [.. catalog.Records.Where(resource => resource.IsCited).Select(resource => resource.Table)];
}
