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
                Contact = new() { Name = "SummitApi maintainers", Url = new Uri("https://github.com/summitapi/summitapi") },
                License = new() { Name = "Code: MIT. Data: facts with short cited excerpts; see each source's licence." },
            });
            var xml = Path.Combine(AppContext.BaseDirectory, Assembly.GetExecutingAssembly().GetName().Name + ".xml");
            options.IncludeXmlComments(xml, includeControllerXmlComments: true);
            options.SupportNonNullableReferenceTypes();
            options.OperationFilter<ProblemContentTypeFilter>();
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
