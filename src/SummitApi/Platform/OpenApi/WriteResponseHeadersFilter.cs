using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SummitApi.Platform.OpenApi;

/// <summary>
/// The headers a write answers with: a create's Location (201; a started export's manifest, 202) and the written record's
/// ETag (201, 200), which the next PUT, PATCH or DELETE sends back as If-Match.
/// </summary>
internal sealed class WriteResponseHeadersFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.HttpMethod is "GET" or null || !OpenApiResponses.IsApiOperation(context))
        {
            return;
        }
        OpenApiResponses.AddHeader(operation, "201", "Location", OpenApiResponses.Header("The created record's URL."));
        OpenApiResponses.AddHeader(operation, "202", "Location", OpenApiResponses.Header("The export's manifest, which answers 404 until the export is published."));
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Writes.EditorialWrite>().Any())
        {
            OpenApiResponses.AddHeader(operation, "200", "ETag", ConditionalGetResponsesFilter.ETagHeader(context));
            OpenApiResponses.AddHeader(operation, "201", "ETag", ConditionalGetResponsesFilter.ETagHeader(context));
        }
    }
}
