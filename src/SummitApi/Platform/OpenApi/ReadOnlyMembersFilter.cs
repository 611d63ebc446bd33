using SummitApi.Platform.Writes;

namespace SummitApi.Platform.OpenApi;

/// <summary>
/// Marks readOnly, in each writable resource's representation, the members its writes do not take (see
/// <see cref="ReadOnlyMembers"/>), so a generated client knows what it may send back as read but not change.
/// </summary>
internal sealed class ReadOnlyMembersFilter : Swashbuckle.AspNetCore.SwaggerGen.IDocumentFilter
{
    public void Apply(Microsoft.OpenApi.OpenApiDocument document, Swashbuckle.AspNetCore.SwaggerGen.DocumentFilterContext context)
    {
        var schemas = document.Components?.Schemas;
        var resources = context.ApiDescriptions.SelectMany(api => api.ActionDescriptor.EndpointMetadata.OfType<ReadOnlyMembers>()).DistinctBy(members => members.RecordType);
        foreach (var members in resources)
        {
            if (schemas is null || !schemas.TryGetValue(SwaggerSetup.SchemaIdOf(members.RecordType), out var found)
                || found is not Microsoft.OpenApi.OpenApiSchema { Properties: not null } schema)
            {
                continue;
            }
            foreach (var name in members.Reasons.Keys)
            {
                if (schema.Properties.TryGetValue(name, out var member) && member is Microsoft.OpenApi.OpenApiSchema property)
                {
                    property.ReadOnly = true;
                }
            }
        }
    }
}
