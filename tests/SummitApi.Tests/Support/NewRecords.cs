using System.Text.Json.Nodes;

namespace SummitApi.Tests.Support;

/// <summary>Bodies of new records for the write API, each valid as it stands, citing a sentence of the NYT report.</summary>
public static class NewRecords
{
    public const string NytSource = "nyt-kuo-pierson-2025-10-30";
    public const string Excerpt = "Both sides also agreed to extend a truce struck earlier this year to limit tariffs.";

    public static JsonArray Citations() => [new JsonObject { ["sourceId"] = NytSource, ["excerpt"] = Excerpt }];

    public static JsonObject Summit(string id, string title = "Seoul follow-up meeting") => new()
    {
        ["id"] = id, ["kind"] = "in_person", ["title"] = title, ["place"] = "Seoul",
        ["date"] = "2026-01-01", ["datePrecision"] = "year", ["dateQualifier"] = "early",
        ["status"] = "planned", ["parties"] = new JsonArray("US", "CN"), ["citations"] = Citations(),
    };

    public static JsonObject Concession(string id) => new()
    {
        ["id"] = id, ["outcomeId"] = "truce-extension", ["giver"] = "US", ["beneficiary"] = "CN",
        ["action"] = "extend_truce", ["instrument"] = "limits on additional tariffs", ["unit"] = "percent",
        ["approximate"] = false, ["citations"] = Citations(),
    };

    public static JsonObject Statement(string id, string stance, string? basis) => new()
    {
        ["id"] = id, ["readoutId"] = "cn-government-summary-busan", ["topic"] = "tariffs", ["stance"] = stance, ["basis"] = basis,
        ["citations"] = Citations(),
    };

    /// <summary>The record after <paramref name="change"/>, for a body spoilt or extended in one place.</summary>
    public static JsonObject With(JsonObject record, Action<JsonObject> change)
    {
        change(record);
        return record;
    }
}
