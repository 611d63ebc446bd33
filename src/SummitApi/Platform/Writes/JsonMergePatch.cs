using System.Text.Json.Nodes;

namespace SummitApi.Platform.Writes;

/// <summary>RFC 7396 JSON Merge Patch: members of the patch replace the target's, null removes one, objects merge.</summary>
public static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }
        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Apply(result[name], value);
            }
        }
        return result;
    }
}
