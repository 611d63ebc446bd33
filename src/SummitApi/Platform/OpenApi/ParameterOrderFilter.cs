using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace SummitApi.Platform.OpenApi;

/// <summary>
/// Path parameters first, then query, header and cookie ones, each group in the order it had. Generators make the
/// parameters of a method in this order, and a handler that reads its id from the route values (the revisions lists)
/// would otherwise have it documented after its query parameters.
/// </summary>
internal sealed class ParameterOrderFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Parameters is not { Count: > 1 } parameters)
        {
            return;
        }
        var ordered = parameters.OrderBy(p => p.In switch
        {
            ParameterLocation.Path => 0,
            ParameterLocation.Query => 1,
            ParameterLocation.Header => 2,
            _ => 3,
        }).ToList(); // OrderBy is stable: within a location the order stays
        parameters.Clear();
        foreach (var parameter in ordered)
        {
            parameters.Add(parameter);
        }
    }
}
