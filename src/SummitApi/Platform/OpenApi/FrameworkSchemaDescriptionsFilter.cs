namespace SummitApi.Platform.OpenApi;

/// <summary>Descriptions for the framework's types in the document, which carry no XML docs of ours.</summary>
internal sealed class FrameworkSchemaDescriptionsFilter : Swashbuckle.AspNetCore.SwaggerGen.ISchemaFilter
{
    private static readonly Dictionary<Type, string> Descriptions = new()
    {
        [typeof(Microsoft.AspNetCore.Mvc.ProblemDetails)] = "An RFC 9457 problem: what went wrong (title, detail), its status and a traceId to quote when asking about it.",
        [typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails)] = "An RFC 9457 problem for bad input: errors names each offending parameter or field with what is wrong with it.",
    };

    public void Apply(Microsoft.OpenApi.IOpenApiSchema schema, Swashbuckle.AspNetCore.SwaggerGen.SchemaFilterContext context)
    {
        if (schema is Microsoft.OpenApi.OpenApiSchema concrete && string.IsNullOrEmpty(concrete.Description)
            && Descriptions.TryGetValue(context.Type, out var description))
        {
            concrete.Description = description;
        }
    }
}
