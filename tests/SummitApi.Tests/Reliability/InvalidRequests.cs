using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace SummitApi.Tests.Reliability;

/// <summary>
/// Generates, for one operation of the OpenAPI document, requests that are certainly invalid: a valid
/// request with one flaw the operation must refuse (a wrong type, an out-of-range number, a tampered
/// cursor, an unknown field, a body that is not JSON, ...) plus up to two pieces of hostile noise that
/// would be harmless alone (unicode edge cases and injection attempts in free text, absurd but valid
/// instants, duplicated JSON properties, odd headers).
/// </summary>
public static class InvalidRequests
{
    /// <summary>Operations only an admin key may call: for these an editor key is a flaw (403).</summary>
    private static readonly HashSet<string> AdminOnly = ["GET /api/v1/keys", "POST /api/v1/exports"];

    /// <summary>Query parameters that take any text, so only an over-long or blank value is a flaw.</summary>
    internal static readonly HashSet<string> FreeText = ["q"];

    private const int OversizedBodyChars = 300 * 1024;

    public static Gen<RequestDraft> For(OpenApiOperation operation, ValidInputs inputs)
    {
        var flaws = FlawsOf(operation, inputs).ToArray();
        var noise = HostileNoise.Of(operation).ToArray();
        Assert.True(flaws.Length > 0, $"{operation} has no way to be made invalid");
        var flaw = Gen.OneOf(flaws);
        var noises = noise.Length == 0
            ? Gen.Const(Array.Empty<Action<RequestDraft>>())
            : Gen.Int[0, 2].SelectMany(count => Gen.OneOf(noise).Array[count]);
        return Gen.Select(flaw, noises, (flawed, noisy) =>
        {
            var draft = Valid(operation, inputs);
            foreach (var apply in noisy)
            {
                apply(draft);
            }
            flawed(draft);
            return draft;
        });
    }

    /// <summary>The request that would succeed: existing ids, the current ETag, an admin key, and a body in the record's own shape.</summary>
    private static RequestDraft Valid(OpenApiOperation operation, ValidInputs inputs)
    {
        var draft = new RequestDraft { Method = operation.Method, Path = ResolvePath(operation.Path, inputs.PathValues) };
        if (operation.TakesKey)
        {
            draft.SetHeader("Authorization", $"Bearer {inputs.AdminKey}");
        }
        if (operation.In("header").Any(p => p.Name == "If-Match") && inputs.ETags.TryGetValue(draft.Path, out var etag))
        {
            draft.SetHeader("If-Match", etag);
        }
        if (operation.BodyMediaType is not null)
        {
            draft.ContentType = operation.BodyMediaType;
            draft.Body = operation.Method switch
            {
                "PATCH" => [],
                "POST" => RecordShape(operation, inputs.Records[inputs.ItemPaths[draft.Path]], $"fuzz-{Guid.NewGuid():N}"),
                _ => RecordShape(operation, inputs.Records[draft.Path], id: null),
            };
        }
        return draft;
    }

    private static JsonObject RecordShape(OpenApiOperation operation, JsonObject record, string? id)
    {
        var written = operation.BodyProperties.Select(p => p.Name).ToHashSet();
        var body = new JsonObject();
        foreach (var (name, value) in record)
        {
            if (written.Contains(name))
            {
                body[name] = value?.DeepClone();
            }
        }
        if (id is not null)
        {
            body["id"] = id;
        }
        return body;
    }

    public static string ResolvePath(string template, IReadOnlyDictionary<string, string> values)
    {
        var path = template;
        foreach (var (name, value) in values)
        {
            path = path.Replace($"{{{name}}}", value, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("{", path);
        return path;
    }

    private static Gen<Action<RequestDraft>> Flaw(string description, Action<RequestDraft> apply) =>
        Gen.Const<Action<RequestDraft>>(draft =>
        {
            draft.Flaws.Add(description);
            apply(draft);
        });

    private static Gen<Action<RequestDraft>> Flaw<T>(Gen<T> values, Func<T, string> describe, Action<RequestDraft, T> apply) =>
        values.Select<T, Action<RequestDraft>>(value => draft =>
        {
            draft.Flaws.Add(describe(value));
            apply(draft, value);
        });

    private static IEnumerable<Gen<Action<RequestDraft>>> FlawsOf(OpenApiOperation operation, ValidInputs inputs)
    {
        var query = operation.In("query").ToList();
        var taken = query.Select(p => p.Name).Append("asOf").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknownNames = Junk.ParameterNames.Where(n => !taken.Contains(Uri.UnescapeDataString(n.Url))).ToList();
        if (operation.Method != "GET")
        {
            unknownNames.Add(new Junk("asOf on a write", "asOf", "", false)); // reads only
        }
        yield return Flaw(Gen.Select(Gen.OneOf(unknownNames.ToArray()), Gen.OneOf(Junk.Values.ToArray())),
            v => $"unknown query parameter '{v.Item1}'", (d, v) => d.Query.Add((v.Item1.Url, v.Item2.Url)));

        foreach (var parameter in query)
        {
            yield return Flaw($"'{parameter.Name}' given twice", d =>
            {
                var value = ValidQueryValue(parameter, d.Path, inputs);
                d.Query.Add((parameter.Name, value));
                d.Query.Add((parameter.Name, value));
            });
            if (InvalidQueryValues(parameter, operation, inputs) is { } invalid)
            {
                yield return Flaw(invalid, v => $"'{parameter.Name}' = {v.Label}", (d, v) => d.Query.Add((parameter.Name, v.Url)));
            }
        }

        var pathValues = Junk.Values.Where(v => v.Url.Trim('.').Length > 0).ToArray();
        foreach (var parameter in operation.In("path"))
        {
            yield return Flaw(Gen.OneOf(pathValues), v => $"path '{parameter.Name}' = {v.Label}",
                (d, v) => d.Path = ResolvePath(operation.Path, new Dictionary<string, string>(inputs.PathValues) { [parameter.Name] = v.Url }));
        }

        if (operation.In("header").Any(p => p.Name == "If-Match"))
        {
            yield return Flaw("no If-Match", d => d.SetHeader("If-Match", null));
            yield return Flaw(Gen.OneOf("\"0000000000\"", "W/\"0000000000\"", "\"a\", \"b\"", "not-an-etag", "\"\"", "\"unterminated", "W/"),
                v => $"If-Match {v}", (d, v) => d.SetHeader("If-Match", v));
        }

        if (operation.TakesKey)
        {
            yield return Flaw("no API key", d => d.SetHeader("Authorization", null));
            yield return Flaw("a revoked key", d => d.SetHeader("Authorization", $"Bearer {inputs.RevokedKey}"));
            yield return Flaw(Gen.OneOf(Junk.Values.Where(v => v.HeaderSafe).ToArray()), v => $"API key {v.Label}",
                (d, v) => { d.SetHeader("Authorization", null); d.SetHeader("X-Api-Key", Uri.UnescapeDataString(v.Url)); });
            yield return Flaw("a well-formed key nobody issued", d => d.SetHeader("Authorization", $"Bearer summit_0123456789ab_{new string('A', 43)}"));
            if (AdminOnly.Contains(operation.Name))
            {
                yield return Flaw("an editor key", d => d.SetHeader("Authorization", $"Bearer {inputs.EditorKey}"));
            }
        }

        if (operation.BodyMediaType is not null)
        {
            foreach (var flaw in BodyFlaws(operation))
            {
                yield return flaw;
            }
        }
    }

    private static IEnumerable<Gen<Action<RequestDraft>>> BodyFlaws(OpenApiOperation operation)
    {
        var properties = operation.BodyProperties.ToArray();
        var isPatch = operation.Method == "PATCH";
        yield return Flaw(Gen.OneOf("{", "nul", "{\"id\":", "<summit/>", "id=x&title=y", "{\"a\":1}}", "[", "'text'", "{'id':'x'}", "\0", "NaN", "{\"id\" \"x\"}"),
            v => $"not JSON: {v}", (d, v) => d.RawBody = Encoding.UTF8.GetBytes(v));
        yield return Flaw("invalid UTF-8", d => d.RawBody = [.. "{\"id\":\""u8, 0xFF, 0xFE, .. "\"}"u8]);
        yield return Flaw("an empty body", d => d.RawBody = []);
        yield return Flaw(Gen.OneOf("null", "[]", "[{}]", "42", "\"text\"", "true"), v => $"a JSON {v} instead of an object",
            (d, v) => d.RawBody = Encoding.UTF8.GetBytes(v));
        var wrongTypes = new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "garbage", "application/json-patch+json",
            isPatch ? "application/json" : "application/merge-patch+json" };
        yield return Flaw(Gen.OneOf(wrongTypes), v => $"content type {v}", (d, v) => d.ContentType = v);
        yield return Flaw("no content type", d => d.ContentType = null);
        yield return Flaw(Gen.Select(Gen.OneOf(Junk.ParameterNames.Where(n => n.Url.Length > 0).ToArray()), Gen.OneOf(Junk.Values.ToArray())),
            v => $"unknown field '{v.Item1}'", (d, v) => d.SetBodyLiteral(d.Body!, "zz" + Uri.UnescapeDataString(v.Item1.Url), v.Item2.Json));
        if (properties.Any(p => p.Name == "citations"))
        {
            yield return Flaw("an unknown field in a citation", d => d.Body!["citations"] = new JsonArray(new JsonObject { ["sourceId"] = "x", ["excerpt"] = "y", ["page"] = 3 }));
        }
        if (properties.Length > 0)
        {
            yield return Flaw(Gen.Select(Gen.OneOf(properties), Gen.Int[0, 3]), v => $"'{v.Item1.Name}' of the wrong type",
                (d, v) => d.SetBodyLiteral(d.Body!, v.Item1.Name, WrongTypeOf(v.Item1, v.Item2)));
            var strings = properties.Where(p => p.Type == "string").ToArray();
            if (strings.Length > 0)
            {
                yield return Flaw(Gen.OneOf(strings), p => $"'{p.Name}' over the body size limit", (d, p) => d.Body![p.Name] = new string('x', OversizedBodyChars));
            }
            var bounded = properties.Where(p => p.MaxLength is not null).ToArray();
            if (bounded.Length > 0)
            {
                yield return Flaw(Gen.OneOf(bounded), p => $"'{p.Name}' one character over its maxLength", (d, p) => d.Body![p.Name] = new string('x', p.MaxLength!.Value + 1));
            }
            var dates = properties.Where(p => p.Format == "date").ToArray();
            if (dates.Length > 0)
            {
                yield return Flaw(Gen.Select(Gen.OneOf(dates), Gen.OneOf(ImpossibleDates)), v => $"'{v.Item1.Name}' = {v.Item2}", (d, v) => d.Body![v.Item1.Name] = v.Item2);
            }
        }
        var required = properties.Where(p => p.Required).ToArray();
        if (!isPatch && required.Length > 0)
        {
            yield return Flaw(Gen.OneOf(required), p => $"'{p.Name}' missing", (d, p) => d.Body!.Remove(p.Name));
            yield return Flaw(Gen.OneOf(required), p => $"'{p.Name}' null", (d, p) => d.Body![p.Name] = null);
        }
        if (isPatch)
        {
            yield return Flaw("the id patched", d => d.Body!["id"] = $"fuzz-renamed-{Guid.NewGuid():N}");
        }
    }

    private static readonly string[] ImpossibleDates = ["2025-02-30", "2025-13-01", "2025-00-10", "0000-00-00", "99999-01-01", "-2025-01-01", "2025/11/01", "yesterday", "2025-11-01T00:00:00Z", "20251101"];

    private static string WrongTypeOf(BodyProperty property, int variant) => property.Type switch
    {
        "string" => new[] { "42", "true", "{\"a\":1}", "[\"x\"]" }[variant],
        "number" or "integer" => new[] { "\"twelve\"", "true", "{}", "[1]" }[variant],
        "boolean" => new[] { "\"yes\"", "1", "{}", "[]" }[variant],
        "array" => new[] { "\"x\"", "7", "{}", "[[[]]]" }[variant],
        _ => new[] { "\"x\"", "7", "true", "[[]]" }[variant],
    };

    private static string ValidQueryValue(OperationParameter parameter, string path, ValidInputs inputs) => (parameter.Name, parameter.Format) switch
    {
        ("limit", _) => "5",
        (_, "date") => "2025-11-01",
        (_, "date-time") => "2025-11-01T00%3A00%3A00Z",
        ("cursor" or "since", _) => inputs.Cursors.GetValueOrDefault(path, "x"),
        _ => "x",
    };

    private static Gen<Junk>? InvalidQueryValues(OperationParameter parameter, OpenApiOperation operation, ValidInputs inputs)
    {
        static Junk Value(string label, string value) => new(label, Uri.EscapeDataString(value), "", false);
        var values = (parameter.Type, parameter.Format, parameter.Name) switch
        {
            ("integer", _, _) => ["0", "-1", "501", "2147483648", "-2147483649", "99999999999999999999", "abc", "1e2", "5.0", "0x10", "NaN", "١٢", "5abc", "5;DROP TABLE summit", "null", "[]", "5\0"],
            // Query dates are read by DateOnly.TryParse, which also takes other layouts of a real date (2025/11/01).
            (_, "date", _) => ImpossibleDates.Where(d => d != "2025/11/01").Append("2025-11-01\0").ToArray(),
            (_, "date-time", _) => ["2025-11-01", "2025-11-01T00:00:00", "2025-13-01T00:00:00Z", "2025-11-01T24:00:01Z", "now", "0", "2025-11-01T00:00:00+25:00",
                "infinity", "-infinity", "epoch", "1730246400", "2025-11-01 00:00:00Z", "2025-11-01T00:00:00Z\0"],
            (_, _, "cursor" or "since") => Tampered(inputs.Cursors.GetValueOrDefault(ResolvePath(operation.Path, inputs.PathValues)), inputs),
            (_, _, var name) when FreeText.Contains(name) => [" ", "\t", new string('q', 201)],
            _ => null,
        };
        if (values is not null)
        {
            return Gen.OneOf(values.Select(v => Value(v.Length > 40 ? $"{v[..40]}…" : v, v)).ToArray());
        }
        // A filter naming a record or a code: hostile text names none of them (an empty value means no filter).
        return Gen.OneOf(Junk.Values.ToArray());
    }

    /// <summary>A cursor with one character changed, cut short, extended, reversed or made up, or one issued by another list.</summary>
    private static string[] Tampered(string? cursor, ValidInputs inputs)
    {
        var foreign = inputs.Cursors.Values.First(c => c != cursor);
        var made = new List<string> { foreign, "eyJ9", "AAAA", "bnVsbA", Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"after\":[\"zzz\"],\"revision\":1}")), "%", "!!!" };
        if (cursor is { Length: > 4 })
        {
            var middle = cursor.Length / 2;
            made.Add(cursor[..middle] + (cursor[middle] == 'A' ? 'B' : 'A') + cursor[(middle + 1)..]);
            made.Add(cursor[..(cursor.Length - 3)]);
            made.Add(cursor + "AAAA");
            made.Add(new string(cursor.Reverse().ToArray()));
            made.Add(cursor.ToUpperInvariant() == cursor ? cursor.ToLowerInvariant() : cursor.ToUpperInvariant());
        }
        return [.. made];
    }
}
