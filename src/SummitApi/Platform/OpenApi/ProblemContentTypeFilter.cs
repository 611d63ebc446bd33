namespace SummitApi.Platform.OpenApi;

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
