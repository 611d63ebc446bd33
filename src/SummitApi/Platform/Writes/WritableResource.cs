using FluentValidation;
using Npgsql;
using SummitApi.Platform.Validation;

namespace SummitApi.Platform.Writes;

/// <summary>
/// What the generic write endpoints need to know about one resource: where it lives, how its write
/// model is validated, and how to read back the representation GET serves (whose ETag If-Match names).
/// </summary>
/// <typeparam name="TInput">The write model, as POST and PUT accept it.</typeparam>
/// <typeparam name="TRecord">The representation GET serves.</typeparam>
public sealed class WritableResource<TInput, TRecord>
    where TInput : class
    where TRecord : class
{
    /// <summary>The collection's path segment, e.g. "readout-statements".</summary>
    public required string Path { get; init; }

    /// <summary>The name of the id in the item route, as GET names it (e.g. "summitId").</summary>
    public required string IdParameter { get; init; }

    /// <summary>The table, which is also the record type citations name.</summary>
    public required string Table { get; init; }

    /// <summary>The singular name used in operation ids, e.g. "ReadoutStatement".</summary>
    public required string Name { get; init; }

    /// <summary>The Swagger tag the resource's reads use, so its writes stand beside them.</summary>
    public required string Tag { get; init; }

    public required Func<IReferenceCatalog, IValidator<TInput>> Validator { get; init; }

    public required Func<TInput, string> IdOf { get; init; }

    public required Func<NpgsqlConnection, string, Task<TRecord?>> FindAsync { get; init; }

    /// <summary>The record's citations, written with it; null for resources that are not facts (sources, citations).</summary>
    public Func<TInput, IReadOnlyList<CitationInput>>? CitationsOf { get; init; }

    /// <summary>
    /// Members of the representation that are written through a resource of their own (a readout's statements),
    /// with where to write them. The seed files may still give them inline.
    /// </summary>
    public IReadOnlyDictionary<string, string> WrittenElsewhere { get; init; } = new Dictionary<string, string>();

    /// <summary>What goes into the table: the write model itself unless the resource maps it.</summary>
    public Func<TInput, object> Row { get; init; } = input => input;
}
