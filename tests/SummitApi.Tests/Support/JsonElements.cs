using System.Text.Json;

namespace SummitApi.Tests.Support;

/// <summary>Reading the values tests compare out of API responses.</summary>
public static class JsonElements
{
    /// <summary>The <c>id</c> of each record, in order.</summary>
    public static List<string> Ids(this IEnumerable<JsonElement> records) => records.Select(r => r.GetProperty("id").GetString()!).ToList();

    /// <summary>The items of a JSON array of strings.</summary>
    public static string[] Strings(this JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
