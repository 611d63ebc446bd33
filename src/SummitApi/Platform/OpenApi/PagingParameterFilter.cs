using SummitApi.Platform.Reads;

namespace SummitApi.Platform.OpenApi;

/// <summary>Describes the limit and cursor every list binds through PageParameters, from ListRequest's bounds.</summary>
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
