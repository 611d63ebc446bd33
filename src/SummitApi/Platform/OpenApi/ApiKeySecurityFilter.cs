namespace SummitApi.Platform.OpenApi;

/// <summary>Marks the operations that need an API key, so Swagger UI sends the one entered under Authorize, and the public ones as public.</summary>
internal sealed class ApiKeySecurityFilter : Swashbuckle.AspNetCore.SwaggerGen.IOperationFilter
{
    public const string SchemeName = "apiKey";

    public void Apply(Microsoft.OpenApi.OpenApiOperation operation, Swashbuckle.AspNetCore.SwaggerGen.OperationFilterContext context)
    {
        if (context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any())
        {
            operation.Security =
            [
                new Microsoft.OpenApi.OpenApiSecurityRequirement
                {
                    [new Microsoft.OpenApi.OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [],
                },
            ];
        }
        else
        {
            operation.Security = []; // public: stated, so that generators and linters need not guess
        }
    }
}
