using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SummitApi.Platform.OpenApi;

/// <summary>
/// Every Problem Details the service writes carries the request's traceId (ProblemResultFilter, the
/// IProblemDetailsService): a member of the problem schemas, not an extension left to additionalProperties.
/// </summary>
internal sealed class ProblemTraceIdFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema { Properties: { } properties } && typeof(Microsoft.AspNetCore.Mvc.ProblemDetails).IsAssignableFrom(context.Type))
        {
            properties.TryAdd("traceId", new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The request's W3C trace id (00-<trace id>-<span id>-01): quote it when asking about the problem.",
            });
        }
    }
}
