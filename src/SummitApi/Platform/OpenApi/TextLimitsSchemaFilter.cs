using SummitApi.Platform.Validation;

namespace SummitApi.Platform.OpenApi;

/// <summary>States <see cref="TextLimits"/> as maxLength on each text field (and each text of a list) of a request body.</summary>
internal sealed class TextLimitsSchemaFilter : Swashbuckle.AspNetCore.SwaggerGen.ISchemaFilter
{
    public void Apply(Microsoft.OpenApi.IOpenApiSchema schema, Swashbuckle.AspNetCore.SwaggerGen.SchemaFilterContext context)
    {
        if (schema is not Microsoft.OpenApi.OpenApiSchema { Properties: not null } concrete || !context.Type.Name.EndsWith("Input", StringComparison.Ordinal))
        {
            return;
        }
        foreach (var property in context.Type.GetProperties())
        {
            var name = System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (!concrete.Properties.TryGetValue(name, out var member) || member is not Microsoft.OpenApi.OpenApiSchema field)
            {
                continue;
            }
            if (property.PropertyType == typeof(string))
            {
                field.MaxLength = TextLimits.For(property.Name);
            }
            else if (typeof(IEnumerable<string>).IsAssignableFrom(property.PropertyType) && field.Items is Microsoft.OpenApi.OpenApiSchema items)
            {
                items.MaxLength = TextLimits.For(property.Name);
            }
        }
    }
}
