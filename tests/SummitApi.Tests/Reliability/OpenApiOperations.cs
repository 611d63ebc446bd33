using System.Text.Json.Nodes;

namespace SummitApi.Tests.Reliability;

/// <summary>One parameter of an operation, as the OpenAPI document declares it.</summary>
public sealed record OperationParameter(string Name, string In, string? Type, string? Format);

/// <summary>A property of a request body, as the OpenAPI document declares it.</summary>
public sealed record BodyProperty(string Name, string? Type, string? Format, bool Required, int? MaxLength);

/// <summary>One operation of the served OpenAPI document: what it takes and every status it documents.</summary>
public sealed record OpenApiOperation(
    string Method,
    string Path,
    IReadOnlyList<OperationParameter> Parameters,
    IReadOnlySet<int> DocumentedStatuses,
    string? BodyMediaType,
    IReadOnlyList<BodyProperty> BodyProperties)
{
    public string Name => $"{Method} {Path}";

    public bool TakesKey => DocumentedStatuses.Contains(401);

    public IEnumerable<OperationParameter> In(string location) => Parameters.Where(p => p.In == location);

    public override string ToString() => Name;

    /// <summary>Every operation of an OpenAPI 3 document. A merge patch's body is typed by the PUT of the same path.</summary>
    public static IReadOnlyList<OpenApiOperation> ReadAll(JsonNode document)
    {
        var schemas = document["components"]?["schemas"]?.AsObject();
        var operations = new List<OpenApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var putProperties = item!["put"] is { } put ? BodyPropertiesOf(put, schemas) : [];
            foreach (var (method, operation) in item.AsObject())
            {
                var parameters = (operation!["parameters"]?.AsArray() ?? []).Select(p => new OperationParameter(
                    (string)p!["name"]!, (string)p["in"]!, (string?)p["schema"]?["type"], (string?)p["schema"]?["format"])).ToList();
                var statuses = operation["responses"]!.AsObject().Select(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
                var mediaType = operation["requestBody"]?["content"]?.AsObject().Select(c => c.Key).First();
                var properties = method == "patch" ? putProperties : BodyPropertiesOf(operation, schemas);
                operations.Add(new OpenApiOperation(method.ToUpperInvariant(), path, parameters, statuses, mediaType, properties));
            }
        }
        return operations;
    }

    private static List<BodyProperty> BodyPropertiesOf(JsonNode operation, JsonObject? schemas)
    {
        var schema = operation["requestBody"]?["content"]?.AsObject().Select(c => c.Value?["schema"]).FirstOrDefault();
        if (schema?["$ref"] is { } reference)
        {
            schema = schemas?[((string)reference!).Split('/')[^1]];
        }
        if (schema?["properties"] is not JsonObject properties)
        {
            return [];
        }
        var required = (schema["required"]?.AsArray() ?? []).Select(r => (string)r!).ToHashSet();
        return [.. properties.Select(p => new BodyProperty(p.Key, (string?)p.Value!["type"] ?? "object", (string?)p.Value["format"], required.Contains(p.Key), (int?)p.Value["maxLength"]))];
    }
}
