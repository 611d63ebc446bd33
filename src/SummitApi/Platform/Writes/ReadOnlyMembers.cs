using SummitApi.Platform.Catalog;
using System.Text.Json;

namespace SummitApi.Platform.Writes;

/// <summary>
/// The members of a resource's representation that its writes do not take, each with why: what the service derives
/// (a statement's partyId, a citation's recordPath) and what is written through a resource of its own (a readout's
/// statements). Writes accept them sent back as read; the OpenAPI document marks them readOnly. Endpoint metadata
/// on each write.
/// </summary>
public sealed record ReadOnlyMembers(Type RecordType, IReadOnlyDictionary<string, string> Reasons)
{
    public static ReadOnlyMembers Of<TInput, TRecord>(RecordResource<TInput, TRecord> resource, JsonSerializerOptions options)
        where TInput : class
        where TRecord : class
    {
        var derived = Names(typeof(TRecord), options).Except(Names(typeof(TInput), options)).Select(name => KeyValuePair.Create(name, "the service derives it"));
        return new(typeof(TRecord), new Dictionary<string, string>(derived.Concat(resource.WrittenElsewhere), StringComparer.Ordinal));
    }

    private static IEnumerable<string> Names(Type type, JsonSerializerOptions options) => options.GetTypeInfo(type).Properties.Select(property => property.Name);
}
