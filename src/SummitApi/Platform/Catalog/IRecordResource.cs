using FluentValidation.Results;
using SummitApi.Platform.Validation;

namespace SummitApi.Platform.Catalog;

/// <summary>A <see cref="RecordResource{TInput, TRecord}"/> seen without its types, for code that iterates the catalog.</summary>
public interface IRecordResource
{
    string Path { get; }
    string IdParameter { get; }
    string Table { get; }
    string Name { get; }
    string Tag { get; }
    bool IsWritable { get; }
    string? SeedFile { get; }
    Type RecordType { get; }

    void MapReadsOn(IEndpointRouteBuilder api);

    IReadOnlyList<object> ReadSeeds(ISeedFiles files);

    string IdOf(object input);

    IReadOnlyList<CitationInput> CitationsOf(object input);

    ValidationResult Validate(object input, IReferenceCatalog catalog);

    /// <summary>Calls back with the resource's own types, for code that is generic over them (the writer).</summary>
    TResult Accept<TResult>(IRecordResourceVisitor<TResult> visitor);
}

public interface IRecordResourceVisitor<out TResult>
{
    TResult Visit<TInput, TRecord>(RecordResource<TInput, TRecord> resource)
        where TInput : class
        where TRecord : class;
}

/// <summary>The seed files, each read once and strictly (an unknown, missing or mistyped field is an error).</summary>
public interface ISeedFiles
{
    IReadOnlyList<T> Records<T>(string file);
}

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
