using SummitApi.Platform.Reads;

namespace SummitApi.Platform.OpenApi;

/// <summary>Describes limit and cursor where the handler is generic and has no XML docs to give them (the revisions lists).</summary>
internal sealed class PagingParameterFilter : Swashbuckle.AspNetCore.SwaggerGen.IOperationFilter
{
    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["limit"] = $"Items per page, 1 to {ListRequest.MaxLimit} (default {ListRequest.DefaultLimit}).",
        ["cursor"] = "The nextCursor of the previous page.",
    };

    public void Apply(Microsoft.OpenApi.OpenApiOperation operation, Swashbuckle.AspNetCore.SwaggerGen.OperationFilterContext context)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<Microsoft.OpenApi.OpenApiParameter>())
        {
            if (string.IsNullOrEmpty(parameter.Description) && parameter.In == Microsoft.OpenApi.ParameterLocation.Query
                && Descriptions.TryGetValue(parameter.Name ?? "", out var description))
            {
                parameter.Description = description;
            }
        }
    }
}
