using SummitApi.Platform.Reads;

namespace SummitApi.Platform.OpenApi;

/// <summary>Documents the asOf parameter every v1 read accepts (see AsOfFilter), in one wording, whether or not its handler binds it.</summary>
internal sealed class AsOfParameterFilter : Swashbuckle.AspNetCore.SwaggerGen.IOperationFilter
{
    public void Apply(Microsoft.OpenApi.OpenApiOperation operation, Swashbuckle.AspNetCore.SwaggerGen.OperationFilterContext context)
    {
        if (context.ApiDescription.HttpMethod != "GET" || !(context.ApiDescription.RelativePath ?? "").StartsWith("api/", StringComparison.Ordinal)
            || context.MethodInfo?.GetCustomAttributes(typeof(NoAsOfAttribute), false).Length > 0)
        {
            return;
        }
        operation.Parameters ??= [];
        var asOf = new Microsoft.OpenApi.OpenApiParameter
        {
            Name = AsOfFilter.Parameter,
            In = Microsoft.OpenApi.ParameterLocation.Query,
            Description = "Answer as this database held the data at this instant: the newest change set committed at or before it. "
                + "This is when the API recorded a change, not when it happened in the world (for that, see activeOn, from and to): "
                + "an instant before the database was created answers nothing. Any RFC 3339 instant, e.g. 2026-12-01T09:30:00Z; "
                + "send an offset's '+' as %2B.",
            Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "date-time" },
        };
        // A handler that binds asOf (ReadParameters, PageParameters) has it described here, where it stands; others get it last.
        var bound = operation.Parameters.ToList().FindIndex(p => p.Name == AsOfFilter.Parameter && p.In == Microsoft.OpenApi.ParameterLocation.Query);
        if (bound >= 0)
        {
            operation.Parameters[bound] = asOf;
        }
        else
        {
            operation.Parameters.Add(asOf);
        }
        // A malformed asOf (or an unknown query parameter) is a 400 on every read, also those with no other input.
        operation.Responses ??= [];
        if (!operation.Responses.ContainsKey("400"))
        {
            operation.Responses["400"] = new Microsoft.OpenApi.OpenApiResponse
            {
                Description = "Bad Request: a malformed asOf or an unknown query parameter, named under errors.",
                Content = new Dictionary<string, Microsoft.OpenApi.IOpenApiMediaType>
                {
                    ["application/problem+json"] = new Microsoft.OpenApi.OpenApiMediaType
                    {
                        Schema = context.SchemaGenerator.GenerateSchema(typeof(Microsoft.AspNetCore.Http.HttpValidationProblemDetails), context.SchemaRepository),
                    },
                },
            };
        }
    }
}
