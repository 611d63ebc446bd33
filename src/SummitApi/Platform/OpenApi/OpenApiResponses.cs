using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SummitApi.Platform.OpenApi;

/// <summary>
/// The pieces the response filters share. A response or header that many operations give alike is defined once under
/// components and referenced, which keeps the document (and generated clients) small.
/// </summary>
internal static class OpenApiResponses
{
    public static bool IsApiOperation(OperationFilterContext context) =>
        (context.ApiDescription.RelativePath ?? "").StartsWith("api/", StringComparison.Ordinal);

    public static OpenApiResponse Problem(OperationFilterContext context, string description, params (string Name, string Description)[] headers) => new()
    {
        Description = description,
        Content = new Dictionary<string, IOpenApiMediaType>
        {
            ["application/problem+json"] = new OpenApiMediaType
            {
                Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), context.SchemaRepository),
            },
        },
        Headers = headers.ToDictionary(h => h.Name, h => (IOpenApiHeader)Header(h.Description)),
    };

    public static OpenApiHeader Header(string description) => new()
    {
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    /// <summary>A reference to components/responses/<paramref name="name"/>, defined by <paramref name="define"/> on first use.</summary>
    public static IOpenApiResponse SharedResponse(OperationFilterContext context, string name, Func<OpenApiResponse> define)
    {
        context.Document.Components ??= new OpenApiComponents();
        context.Document.Components.Responses ??= new Dictionary<string, IOpenApiResponse>();
        context.Document.Components.Responses.TryAdd(name, define());
        return new OpenApiResponseReference(name, context.Document);
    }

    /// <summary>A reference to components/headers/<paramref name="name"/>, defined by <paramref name="define"/> on first use.</summary>
    public static IOpenApiHeader SharedHeader(OperationFilterContext context, string name, Func<OpenApiHeader> define)
    {
        context.Document.Components ??= new OpenApiComponents();
        context.Document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        context.Document.Components.Headers.TryAdd(name, define());
        return new OpenApiHeaderReference(name, context.Document);
    }

    /// <summary>Adds a header to a response the operation already documents.</summary>
    public static void AddHeader(OpenApiOperation operation, string status, string name, IOpenApiHeader header)
    {
        if (operation.Responses?.GetValueOrDefault(status) is OpenApiResponse response)
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers.TryAdd(name, header);
        }
    }
}
