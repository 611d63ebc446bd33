using System.Reflection;

namespace SummitApi.Platform.OpenApi;

/// <summary>
/// A request body (a *Input record) requires exactly the members declared <c>required</c> (or a positional
/// record's parameters), which strict JSON rejects a body without; the rest (lists that default to empty, flags
/// that default to false, nullable fields) may be left out. Responses keep every non-nullable field required,
/// since the service always sends them.
/// </summary>
internal sealed class RequestBodyRequiredFilter : Swashbuckle.AspNetCore.SwaggerGen.ISchemaFilter
{
    public void Apply(Microsoft.OpenApi.IOpenApiSchema schema, Swashbuckle.AspNetCore.SwaggerGen.SchemaFilterContext context)
    {
        if (schema is not Microsoft.OpenApi.OpenApiSchema { Properties: not null } concrete || !context.Type.Name.EndsWith("Input", StringComparison.Ordinal))
        {
            return;
        }
        // Strict JSON also requires a positional record's constructor parameters (RespectRequiredConstructorParameters).
        var requiredMembers = context.Type.GetProperties()
            .Where(property => property.IsDefined(typeof(System.Runtime.CompilerServices.RequiredMemberAttribute)))
            .Select(property => property.Name)
            .Concat(context.Type.GetConstructors().SelectMany(constructor => constructor.GetParameters())
                .Where(parameter => !parameter.HasDefaultValue).Select(parameter => parameter.Name!));
        var required = requiredMembers.Select(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName).Where(concrete.Properties.ContainsKey);
        concrete.Required = new SortedSet<string>(required, StringComparer.Ordinal);
    }
}
