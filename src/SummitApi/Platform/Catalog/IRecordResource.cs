using System.Text.Json.Serialization.Metadata;
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

    /// <summary>Whether the records are facts that carry citations, and so may be cited.</summary>
    bool IsCited { get; }
    Type RecordType { get; }

    /// <summary>The resource folder's source-generated serializers.</summary>
    IJsonTypeInfoResolver Serializers { get; }

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
