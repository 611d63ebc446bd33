namespace SummitApi.Platform.OpenApi;

/// <summary>
/// Documents every {parameter} of a route template, also for generic handlers that read it from the
/// route values rather than from a handler parameter (the editorial writes).
/// </summary>
internal sealed partial class RouteParameterFilter : Swashbuckle.AspNetCore.SwaggerGen.IOperationFilter
{
    public void Apply(Microsoft.OpenApi.OpenApiOperation operation, Swashbuckle.AspNetCore.SwaggerGen.OperationFilterContext context)
    {
        operation.Parameters ??= [];
        foreach (var name in RouteParameter().Matches(context.ApiDescription.RelativePath ?? "").Select(m => m.Groups[1].Value))
        {
            if (!operation.Parameters.Any(p => p.Name == name && p.In == Microsoft.OpenApi.ParameterLocation.Path))
            {
                operation.Parameters.Add(new Microsoft.OpenApi.OpenApiParameter
                {
                    Name = name,
                    In = Microsoft.OpenApi.ParameterLocation.Path,
                    Required = true,
                    Description = "The record's id.",
                    Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String },
                });
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial System.Text.RegularExpressions.Regex RouteParameter();
}
