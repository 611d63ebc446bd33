using System.Text.Json.Nodes;

namespace SummitApi.Tests.Platform;

/// <summary>What a client of the old document could rely on that the new one no longer gives.</summary>
public static class OpenApiCompatibility
{
    public static IEnumerable<string> Breaks(JsonNode before, JsonNode after)
    {
        foreach (var (path, operations) in Objects(before["paths"]))
        {
            if (after["paths"]?[path] is not JsonObject afterOperations)
            {
                yield return $"path {path} was removed";
                continue;
            }
            foreach (var (method, operation) in Objects(operations))
            {
                if (afterOperations[method] is not JsonObject afterOperation)
                {
                    yield return $"{method.ToUpperInvariant()} {path} was removed";
                    continue;
                }
                // Generated clients name their functions by operationId.
                if (operation?["operationId"] is { } operationId && !JsonNode.DeepEquals(operationId, afterOperation["operationId"]))
                {
                    yield return $"{method.ToUpperInvariant()} {path} changed its operationId from {operationId.ToJsonString()} to {afterOperation["operationId"]?.ToJsonString() ?? "none"}";
                }
                foreach (var (status, response) in Objects(operation?["responses"]))
                {
                    if (afterOperation["responses"]?[status] is not { } afterResponse)
                    {
                        yield return $"{method.ToUpperInvariant()} {path} no longer answers {status}";
                        continue;
                    }
                    // An operation's own response schema (a bare array, say) is part of the contract as much as a named one.
                    foreach (var (mediaType, content) in Objects(response?["content"]))
                    {
                        if (afterResponse["content"]?[mediaType]?["schema"] is not { } afterSchema)
                        {
                            yield return $"{method.ToUpperInvariant()} {path} no longer answers {status} as {mediaType}";
                            continue;
                        }
                        foreach (var problem in SchemaBreaks($"{method.ToUpperInvariant()} {path} {status}", content?["schema"], afterSchema))
                        {
                            yield return problem;
                        }
                    }
                }
                var afterParameters = (afterOperation["parameters"] as JsonArray ?? []).Select(p => p?["name"]?.GetValue<string>()).ToHashSet();
                foreach (var parameter in operation?["parameters"] as JsonArray ?? [])
                {
                    var name = parameter?["name"]?.GetValue<string>();
                    if (!afterParameters.Contains(name))
                    {
                        yield return $"{method.ToUpperInvariant()} {path} lost its parameter '{name}'";
                    }
                }
            }
        }
        foreach (var (name, schema) in Objects(before["components"]?["schemas"]))
        {
            var afterSchema = after["components"]?["schemas"]?[name];
            if (afterSchema is null)
            {
                yield return $"schema {name} was removed";
                continue;
            }
            foreach (var problem in SchemaBreaks(name, schema, afterSchema))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<string> SchemaBreaks(string name, JsonNode? before, JsonNode after)
    {
        if (!JsonNode.DeepEquals(before?["type"], after["type"]) || !JsonNode.DeepEquals(before?["$ref"], after["$ref"]))
        {
            yield return $"{name} changed type from {before?["type"]?.ToJsonString() ?? before?["$ref"]?.ToJsonString()} to {after["type"]?.ToJsonString() ?? after["$ref"]?.ToJsonString()}";
        }
        var afterEnum = (after["enum"] as JsonArray ?? []).Select(v => v?.ToJsonString()).ToHashSet();
        foreach (var value in before?["enum"] as JsonArray ?? [])
        {
            if (!afterEnum.Contains(value?.ToJsonString()))
            {
                yield return $"{name} lost the enum value '{value}'";
            }
        }
        foreach (var (property, propertySchema) in Objects(before?["properties"]))
        {
            if (after["properties"]?[property] is not { } afterProperty)
            {
                yield return $"{name}.{property} was removed";
                continue;
            }
            foreach (var problem in SchemaBreaks($"{name}.{property}", propertySchema, afterProperty))
            {
                yield return problem;
            }
        }
        if (before?["items"] is { } items && after["items"] is { } afterItems)
        {
            foreach (var problem in SchemaBreaks($"{name}[]", items, afterItems))
            {
                yield return problem;
            }
        }
    }

    private static IEnumerable<(string Key, JsonNode? Value)> Objects(JsonNode? node) =>
        node is JsonObject obj ? obj.Select(p => (p.Key, p.Value)) : [];
}
