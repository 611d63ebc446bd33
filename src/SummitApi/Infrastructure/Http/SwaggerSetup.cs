using System.Reflection;

namespace SummitApi.Infrastructure.Http;

public static class SwaggerSetup
{
    public static void AddSummitSwagger(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new()
            {
                Title = "SummitApi",
                Version = "1.0",
                Description = """
                    Structured, sourced data about the outcomes of leaders' summits: what was agreed, which side
                    conceded what to whom (with numbers, dates and durations), and how each side's official readout
                    differs from the other's. Every record cites its sources with verbatim excerpts. Vocabulary
                    values (topics, actions, units, kinds, statuses) are snake_case codes listed at /api/v1/vocabularies.
                    """,
                Contact = new() { Name = "SummitApi maintainers" },
                License = new() { Name = "Code: MIT. Data: facts with short cited excerpts; see each source's licence." },
            });
            var xml = Path.Combine(AppContext.BaseDirectory, Assembly.GetExecutingAssembly().GetName().Name + ".xml");
            options.IncludeXmlComments(xml, includeControllerXmlComments: true);
            options.SupportNonNullableReferenceTypes();
            options.AddSecurityDefinition(ApiKeySecurityFilter.SchemeName, new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key (summit_<id>_<secret>) made with `keys create`. It may also be sent as X-Api-Key.",
            });
            options.OperationFilter<ApiKeySecurityFilter>();
            options.OperationFilter<ProblemContentTypeFilter>();
            options.OperationFilter<RouteParameterFilter>();
            options.OperationFilter<WriteHeadersFilter>();
            options.OperationFilter<AsOfParameterFilter>();
            options.OperationFilter<ConsistencyTokenFilter>();
            options.CustomSchemaIds(type => type.Name.Replace("Dto", "", StringComparison.Ordinal).Replace("`1", "", StringComparison.Ordinal)
                + string.Concat(type.GetGenericArguments().Select(t => t.Name.Replace("Dto", "", StringComparison.Ordinal))));
        });
    }
}

/// <summary>Error responses are written as application/problem+json (see ProblemResultFilter); say so in the document.</summary>
internal sealed class ProblemContentTypeFilter : Swashbuckle.AspNetCore.SwaggerGen.IOperationFilter
{
    public void Apply(Microsoft.OpenApi.OpenApiOperation operation, Swashbuckle.AspNetCore.SwaggerGen.OperationFilterContext context)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (status.StartsWith('4') || status.StartsWith('5'))
            {
                if (response.Content is { } content && content.Remove("application/json", out var media))
                {
                    content["application/problem+json"] = media;
                }
            }
        }
    }
}

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

/// <summary>The request headers the editorial writes read, as parameters of their operations.</summary>
internal sealed class WriteHeadersFilter : Swashbuckle.AspNetCore.SwaggerGen.IOperationFilter
{
    public void Apply(Microsoft.OpenApi.OpenApiOperation operation, Swashbuckle.AspNetCore.SwaggerGen.OperationFilterContext context)
    {
        if (!context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<SummitApi.Infrastructure.Writes.EditorialWrite>().Any())
        {
            return;
        }
        operation.Parameters ??= [];
        if (context.ApiDescription.HttpMethod == "POST")
        {
            operation.Parameters.Add(Header(SummitApi.Infrastructure.Writes.IdempotentRequests.Header, required: false,
                "Any unique string (at most 200 characters): a retry with the same key and body returns the first response instead of writing again."));
        }
        else
        {
            operation.Parameters.Add(Header("If-Match", required: true,
                "The ETag of the record as you last read it (from its GET). A stale one is a 412; none is a 428."));
        }
        operation.Parameters.Add(Header(SummitApi.Infrastructure.Writes.EditorialWrite.ReasonHeader, required: false,
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

/// <summary>Marks the operations that need an API key, so Swagger UI sends the one entered under Authorize.</summary>
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
    }
}

/// <summary>Documents the asOf parameter every v1 read accepts (see AsOfFilter).</summary>
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
        operation.Parameters.Add(new Microsoft.OpenApi.OpenApiParameter
        {
            Name = AsOfFilter.Parameter,
            In = Microsoft.OpenApi.ParameterLocation.Query,
            Description = "Answer as the data stood at this instant (RFC 3339 with an offset, e.g. 2025-11-01T00:00:00Z): the newest change set committed at or before it.",
            Schema = new Microsoft.OpenApi.OpenApiSchema { Type = Microsoft.OpenApi.JsonSchemaType.String, Format = "date-time" },
        });
    }
}
