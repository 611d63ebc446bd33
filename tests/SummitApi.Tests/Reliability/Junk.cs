using System.Text.Json;

namespace SummitApi.Tests.Reliability;

/// <summary>
/// A hostile text value in each form it can be sent in: percent-encoded for a URL and as a JSON string
/// literal. Unpaired surrogates have no UTF-8 form, so they go into a URL as the bytes a careless client
/// would send (CESU-8) and into JSON as escapes.
/// </summary>
public sealed record Junk(string Label, string Url, string Json, bool HeaderSafe)
{
    public override string ToString() => Label;

    private static Junk Text(string label, string value) => new(label, Uri.EscapeDataString(value), JsonSerializer.Serialize(value),
        HeaderSafe: value.Length is > 0 and < 8000 && value.All(c => c is >= ' ' and <= '~'));

    private static Junk Raw(string label, string url, string json) => new(label, url, json, HeaderSafe: false);

    /// <summary>Values no id, code, cursor or number takes: each is refused wherever it is not free text.</summary>
    public static readonly IReadOnlyList<Junk> Values =
    [
        Text("space", " "),
        Text("NUL", "\0"),
        Text("embedded NUL", "busan\02025"),
        Raw("lone high surrogate", "%ED%A0%80", "\"\\ud800\""),
        Raw("lone low surrogate", "x%ED%BF%BFx", "\"x\\udfffx\""),
        Raw("invalid UTF-8", "%FF%FE", "\"\\ufffd\""),
        Raw("overlong slash", "%C0%AF", "\"\\u00c0\\u00af\""),
        Text("right-to-left override", "\u202Eevil\u202C"),
        Text("zero-width space", "busan\u200B-2025"),
        Text("byte order mark", "\uFEFFbusan-2025"),
        Text("combining accent", "e\u0301\u0301\u0301"),
        Text("noncharacters", "\uFFFE\uFFFF"),
        Text("emoji with modifier", "👍🏽"),
        Text("astral letters", "𝕊𝕌𝕄𝕄𝕀𝕋"),
        Text("Chinese", "中美元首会晤"),
        Text("Arabic", "القمة"),
        Text("control characters", "\u0001\u0007\u001B\u007F"),
        Text("line breaks", "a\r\nb\nc"),
        Text("long", new string('a', 5000)),
        Text("huge", new string('z', 70_000)),
        Text("SQL quote", "' OR '1'='1"),
        Text("SQL drop", "x'; DROP TABLE summit; --"),
        Text("SQL sleep", "1); SELECT pg_sleep(30); --"),
        Text("SQL dollar quote", "$$; DELETE FROM concession; $$"),
        Text("SQL comment", "busan-2025'/*"),
        Text("JSON break-out", "\"}, {\"id\": \"injected"),
        Text("JSON operator", "{\"$ne\": null}"),
        Text("prototype", "__proto__"),
        Text("template", "${jndi:ldap://example.invalid/a}"),
        Text("markup", "<script>alert(1)</script>"),
        Text("path traversal", "../../../../etc/passwd"),
        Text("backslash traversal", "..\\..\\windows\\win.ini"),
        Text("encoded traversal", "%2e%2e%2f%2e%2e%2f"),
        Text("format string", "%s%s%n%x"),
        Text("number words", "NaN"),
        Text("huge number", "1e309"),
        Text("negative zero", "-0"),
    ];

    /// <summary>Names no operation takes as a query parameter.</summary>
    public static readonly IReadOnlyList<Junk> ParameterNames =
    [
        Text("misspelt", "limt"), Text("array syntax", "summit[]"), Text("nested", "filter[summit]"), Text("prototype", "__proto__"),
        Text("NUL", "\0"), Text("SQL", "1;DROP TABLE summit"), Text("right-to-left", "\u202Etimil"), Text("fullwidth", "ｌｉｍｉｔ"),
        Text("astral", "𝕊"), Text("empty", ""), Text("offset", "offset"), Text("sort", "sort"),
    ];
}
