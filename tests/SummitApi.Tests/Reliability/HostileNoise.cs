using CsCheck;

namespace SummitApi.Tests.Reliability;

/// <summary>
/// Pieces of hostile noise that would be harmless alone, added to an invalid request: unicode edge cases and injection
/// attempts in free text, absurd but valid instants, odd headers, duplicated JSON properties, extreme numbers.
/// </summary>
public static class HostileNoise
{
    public static IEnumerable<Gen<Action<RequestDraft>>> Of(OpenApiOperation operation)
    {
        static Gen<Action<RequestDraft>> Noise<T>(Gen<T> values, Action<RequestDraft, T> apply) =>
            values.Select<T, Action<RequestDraft>>(value => draft => apply(draft, value));

        var junk = Gen.OneOf(Junk.Values.ToArray());
        var headerJunk = Gen.OneOf(Junk.Values.Where(v => v.HeaderSafe).ToArray());
        if (operation.In("query").Any(p => InvalidRequests.FreeText.Contains(p.Name)))
        {
            var name = operation.In("query").First(p => InvalidRequests.FreeText.Contains(p.Name)).Name;
            yield return Noise(junk.Where(v => Uri.UnescapeDataString(v.Url).Trim().Length is > 0 and <= 200), (d, v) => d.Query.Add((name, v.Url)));
        }
        if (operation.Method == "GET" && operation.Parameters.All(p => p.Name != "since"))
        {
            yield return Noise(Gen.OneOf("0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59.9999999Z",
                "1970-01-01T00:00:00Z", "2025-10-30T12:00:00.1234567+08:00"), (d, v) => d.Query.Add(("asOf", Uri.EscapeDataString(v))));
        }
        yield return Noise(headerJunk, (d, v) => d.Headers.Add(("X-Fuzz", Uri.UnescapeDataString(v.Url))));
        yield return Noise(Gen.OneOf("application/xml", "text/html", "*/*;q=0", "application/problem+json", "image/png, text/csv"), (d, v) => d.SetHeader("Accept", v));
        yield return Noise(Gen.OneOf("gzip", "br", "deflate", "identity;q=0", "x-unknown"), (d, v) => d.SetHeader("Accept-Encoding", v));
        if (operation.Method != "GET")
        {
            yield return Noise(headerJunk, (d, v) => d.SetHeader("X-Change-Reason", Uri.UnescapeDataString(v.Url)));
        }
        if (operation.In("header").Any(p => p.Name == "Idempotency-Key"))
        {
            yield return Noise(headerJunk, (d, v) => d.SetHeader("Idempotency-Key", Uri.UnescapeDataString(v.Url)));
        }
        var strings = operation.BodyProperties.Where(p => p.Type == "string" && p.Format is null).ToArray();
        if (operation.BodyMediaType is not null && strings.Length > 0)
        {
            yield return Noise(Gen.Select(Gen.OneOf(strings), junk), (d, v) => { if (d.Body is { } body) { d.SetBodyLiteral(body, v.Item1.Name, v.Item2.Json); } });
            // The same property twice: the first holds junk, the second the value the request meant.
            yield return Noise(Gen.Select(Gen.OneOf(strings), junk), (d, v) => d.DuplicatedProperty = (v.Item1.Name, v.Item2.Json));
        }
        var numbers = operation.BodyProperties.Where(p => p.Type == "number").ToArray();
        if (operation.BodyMediaType is not null && numbers.Length > 0)
        {
            yield return Noise(Gen.Select(Gen.OneOf(numbers), Gen.OneOf("1e308", "-0", "1e-400", "123456789012345678901234567890", "0.1e1", "-1")),
                (d, v) => { if (d.Body is { } body) { d.SetBodyLiteral(body, v.Item1.Name, v.Item2); } });
        }
    }
}
