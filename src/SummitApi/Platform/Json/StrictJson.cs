using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace SummitApi.Platform.Json;

/// <summary>
/// How written records are read, from seed files and request bodies alike: an unknown, missing or
/// mistyped field is an error that names the field, never something silently dropped.
/// </summary>
public static partial class StrictJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The field a deserialization error is about: from its path, or for a missing required field from its message.</summary>
    public static string? FieldOf(JsonException error)
    {
        if (error.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal))
        {
            return path[2..];
        }
        var missing = MissingRequired().Match(error.Message);
        return missing.Success ? missing.Groups[1].Value : null;
    }

    [GeneratedRegex("missing required properties including: '([^']+)'")]
    private static partial Regex MissingRequired();
}
