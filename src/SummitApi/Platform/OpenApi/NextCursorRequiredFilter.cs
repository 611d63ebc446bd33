using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using SummitApi.Platform.Reads;

namespace SummitApi.Platform.OpenApi;

/// <summary>
/// A list page always sends nextCursor, null on the last page: required (and nullable), so that a client can tell the
/// last page from a response that lost the field.
/// </summary>
internal sealed class NextCursorRequiredFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema { Properties: { } properties } concrete && context.Type.IsGenericType
            && context.Type.GetGenericTypeDefinition() == typeof(Page<>) && properties.ContainsKey("nextCursor"))
        {
            concrete.Required ??= new SortedSet<string>(StringComparer.Ordinal);
            concrete.Required.Add("nextCursor");
        }
    }
}
