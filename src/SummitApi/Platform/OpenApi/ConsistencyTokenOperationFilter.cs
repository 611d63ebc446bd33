using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using SummitApi.Platform.Reads;
using SummitApi.Platform.Writes;

namespace SummitApi.Platform.OpenApi;

/// <summary>Documents the consistency token: a response header of the editorial writes, a request header of the reads.</summary>
internal sealed class ConsistencyTokenOperationFilter : IOperationFilter
{
    private const string ResponseDescription =
        "Present when the service reads from a replica: the primary's WAL position after this write. Send it as the " +
        ConsistencyToken.Header + " request header on later reads to be sure to see this write.";

    private const string RequestDescription =
        "A token a write answered with. The read is served by a read replica only once the replica has replayed that write " +
        "(waiting briefly), else by the primary, so a client always reads its own writes. Without it, a replica may answer " +
        "with data a little older than the latest write. A malformed token is a 400.";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<EditorialWrite>().Any())
        {
            foreach (var response in (operation.Responses ?? []).Where(r => r.Key.StartsWith('2')).Select(r => r.Value).OfType<OpenApiResponse>())
            {
                response.Headers ??= new Dictionary<string, IOpenApiHeader>();
                response.Headers[ConsistencyToken.Header] = new OpenApiHeader
                {
                    Description = ResponseDescription,
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
            }
        }
        else if (context.ApiDescription.HttpMethod == "GET" && (context.ApiDescription.RelativePath ?? "").StartsWith("api/", StringComparison.Ordinal))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = ConsistencyToken.Header,
                In = ParameterLocation.Header,
                Description = RequestDescription,
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
    }
}
