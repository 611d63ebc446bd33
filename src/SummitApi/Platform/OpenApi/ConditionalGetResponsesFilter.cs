using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SummitApi.Platform.OpenApi;

/// <summary>
/// Every GET answers with a strong ETag and, to an If-None-Match naming it, a 304 without a body (ReadResponseMiddleware,
/// and the export files' own ETag): both belong in the document, or a validating proxy calls each 304 a violation.
/// </summary>
internal sealed class ConditionalGetResponsesFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.HttpMethod != "GET" || !OpenApiResponses.IsApiOperation(context))
        {
            return;
        }
        var etag = ETagHeader(context);
        foreach (var status in (operation.Responses ?? []).Keys.Where(s => s.StartsWith('2')).ToList())
        {
            OpenApiResponses.AddHeader(operation, status, "ETag", etag);
        }
        operation.Responses ??= [];
        operation.Responses.TryAdd("304", OpenApiResponses.SharedResponse(context, "NotModified", () => new OpenApiResponse
        {
            Description = "Not Modified: If-None-Match names the current ETag, so the copy the client holds is still current. No body.",
            Headers = new Dictionary<string, IOpenApiHeader> { ["ETag"] = etag },
        }));
    }

    public static IOpenApiHeader ETagHeader(OperationFilterContext context) => OpenApiResponses.SharedHeader(context, "ETag", () =>
        OpenApiResponses.Header("A strong validator of exactly these bytes: send it as If-None-Match to revalidate (304), or, for a record, as If-Match to a write."));
}
