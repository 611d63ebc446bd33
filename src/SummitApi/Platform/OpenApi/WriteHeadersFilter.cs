namespace SummitApi.Platform.OpenApi;

/// <summary>The request headers the editorial writes read, as parameters of their operations.</summary>
internal sealed class WriteHeadersFilter : Swashbuckle.AspNetCore.SwaggerGen.IOperationFilter
{
    public void Apply(Microsoft.OpenApi.OpenApiOperation operation, Swashbuckle.AspNetCore.SwaggerGen.OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<SummitApi.Platform.Writes.EditorialWrite>().Any())
        {
            return;
        }
        operation.Parameters ??= [];
        if (context.ApiDescription.HttpMethod == "POST")
        {
            operation.Parameters.Add(Header(SummitApi.Platform.Writes.IdempotentRequests.Header, required: false,
                "Any unique string (at most 200 characters): a retry with the same key and body returns the first response instead of writing again."));
        }
        else
        {
            operation.Parameters.Add(Header("If-Match", required: true,
                "The ETag of the record as you last read it (from its GET). A stale one is a 412; none is a 428."));
        }
        operation.Parameters.Add(Header(SummitApi.Platform.Writes.EditorialWrite.ReasonHeader, required: false,
            "Why the change is made (at most 500 characters); kept with the revision."));
    }

    private static Microsoft.OpenApi.OpenApiParameter Header(string name, bool required, string description) => new()
    {
        Name = name,
        In = Microsoft.OpenApi.ParameterLocation.Header,
        Required = required,
        Description = description,
        Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String },
    };
}
