using SummitApi.Platform.Validation;

namespace SummitApi.Platform.Catalog;

/// <summary>Everything the service holds: what the platform serves, writes, seeds, checks and exports.</summary>
public interface IResourceCatalog
{
    /// <summary>The record resources, each after those it may refer to (the order seeds load in and exports write in).</summary>
    IReadOnlyList<IRecordResource> Records { get; }

    /// <summary>The controlled code lists, each a table of its own.</summary>
    IReadOnlyList<Vocabulary> Vocabularies { get; }

    /// <summary>Response headers of the resources' own that a browser's script may read (CORS exposes them).</summary>
    IReadOnlyList<string> ResponseHeaders { get; }
}
