using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;
using SummitApi.Platform.Reads;

namespace SummitApi.Platform.OpenApi;

/// <summary>limit is 1 to ListRequest.MaxLimit on every list (a 400 outside): say so in its schema, not only in prose.</summary>
internal sealed class LimitRangeFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter is { Name: "limit", In: ParameterLocation.Query, Schema: OpenApiSchema schema })
            {
                schema.Minimum = "1";
                schema.Maximum = ListRequest.MaxLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);
                schema.Default = ListRequest.DefaultLimit;
            }
        }
    }
}
