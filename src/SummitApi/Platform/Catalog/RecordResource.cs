using System.Text.Json.Serialization.Metadata;
using FluentValidation;
using FluentValidation.Results;
using Npgsql;
using SummitApi.Platform.Validation;

namespace SummitApi.Platform.Catalog;

/// <summary>
/// One kind of record the service holds, described once: where it lives, how its write model is validated and
/// seeded, how to read back the representation GET serves and whose ETag If-Match names (<see cref="Lookup"/>), and
/// which endpoints read it.
/// Writes, seeding, reference checks and the exports all iterate these descriptions instead of naming resources.
/// </summary>
/// <typeparam name="TInput">The write model, as POST and PUT accept it and the seed files hold it.</typeparam>
/// <typeparam name="TRecord">The representation GET serves.</typeparam>
public sealed class RecordResource<TInput, TRecord> : IRecordResource
    where TInput : class
    where TRecord : class
{
    /// <summary>The collection's path segment, e.g. "readout-statements"; also the export data set's name.</summary>
    public required string Path { get; init; }

    /// <summary>The name of the id in the item route, as GET names it (e.g. "summitId").</summary>
    public required string IdParameter { get; init; }

    /// <summary>The table, which is also the record type citations and revisions name.</summary>
    public required string Table { get; init; }

    /// <summary>The singular name used in operation ids, e.g. "ReadoutStatement".</summary>
    public required string Name { get; init; }

    /// <summary>The Swagger tag the resource's reads use, so its writes stand beside them.</summary>
    public required string Tag { get; init; }

    /// <summary>Maps the resource's reads; null when another resource's endpoints serve them (a readout's statements).</summary>
    public required Action<IEndpointRouteBuilder>? MapReads { get; init; }

    /// <summary>False for reference data that only the seed files change (the parties).</summary>
    public bool IsWritable { get; init; } = true;

    /// <summary>The seed file that holds the records (null when they are derived, as citations are, from the other records).</summary>
    public required string? SeedFile { get; init; }

    /// <summary>How the records come out of the seed files: by default, the seed file's array of write models.</summary>
    public Func<ISeedFiles, IReadOnlyList<TInput>>? Seeds { get; init; }

    public required Func<IReferenceCatalog, IValidator<TInput>> Validator { get; init; }

    public required Func<TInput, string> IdOf { get; init; }

    /// <summary>How the record GET serves is read by id.</summary>
    public required RecordLookup<TRecord> Lookup { get; init; }

    /// <summary>The record's citations, written with it; null for resources that are not facts (sources, citations, parties).</summary>
    public Func<TInput, IReadOnlyList<CitationInput>>? CitationsOf { get; init; }

    /// <summary>
    /// Members of the representation that are written through a resource of their own (a readout's statements),
    /// with where to write them. The seed files may still give them inline.
    /// </summary>
    public IReadOnlyDictionary<string, string> WrittenElsewhere { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// The resource folder's source-generated serializers (its JsonSerializerContext): they must hold the record and a
    /// page of records, which the API serves and the exports write with them.
    /// </summary>
    public required IJsonTypeInfoResolver Serializers { get; init; }

    /// <summary>How the records are exported, as the data set named after <see cref="Path"/>.</summary>
    public required RecordExport<TRecord> Export { get; init; }

    /// <summary>What goes into the table: the write model itself unless the resource maps it.</summary>
    public Func<TInput, object> Row { get; init; } = input => input;

    public Type RecordType => typeof(TRecord);

    IJsonTypeInfoResolver IRecordResource.Serializers => Serializers;

    void IRecordResource.MapReadsOn(IEndpointRouteBuilder api) => MapReads?.Invoke(api);

    IReadOnlyList<object> IRecordResource.ReadSeeds(ISeedFiles files) =>
        Seeds is not null ? Seeds(files) : SeedFile is not null ? files.Records<TInput>(SeedFile) : [];

    string IRecordResource.IdOf(object input) => IdOf((TInput)input);

    bool IRecordResource.IsCited => CitationsOf is not null;

    IReadOnlyList<CitationInput> IRecordResource.CitationsOf(object input) => CitationsOf?.Invoke((TInput)input) ?? [];

    ValidationResult IRecordResource.Validate(object input, IReferenceCatalog catalog) => Validator(catalog).Validate((TInput)input);

    TResult IRecordResource.Accept<TResult>(IRecordResourceVisitor<TResult> visitor) => visitor.Visit(this);
}
