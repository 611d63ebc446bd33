using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SummitApi.Tests.Reliability;

/// <summary>A request being built: a valid one first, then made invalid by one flaw and decorated with hostile noise.</summary>
public sealed class RequestDraft
{
    public required string Method { get; init; }
    public required string Path { get; set; }
    public List<(string Name, string Value)> Query { get; } = [];
    public List<(string Name, string Value)> Headers { get; } = [];
    public JsonObject? Body { get; set; }
    /// <summary>Replaces the JSON body with these exact bytes.</summary>
    public byte[]? RawBody { get; set; }
    /// <summary>Raw JSON text spliced into the body's text in place of a placeholder string (for values with no .NET string form).</summary>
    public Dictionary<string, string> Splices { get; } = [];
    /// <summary>A property written again, with this JSON value, before the body's own properties (when the body still has it).</summary>
    public (string Name, string Json)? DuplicatedProperty { get; set; }
    public string? ContentType { get; set; }
    public List<string> Flaws { get; } = [];

    public void SetHeader(string name, string? value)
    {
        Headers.RemoveAll(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (value is not null)
        {
            Headers.Add((name, value));
        }
    }

    /// <summary>Sets a body field to a JSON literal, spliced in as text so that even unpaired surrogates reach the server.</summary>
    public void SetBodyLiteral(JsonObject target, string field, string jsonLiteral)
    {
        var placeholder = $"fuzz-splice-{Splices.Count}-{Guid.NewGuid():N}";
        Splices[JsonSerializer.Serialize(placeholder)] = jsonLiteral;
        target[field] = placeholder;
    }

    public byte[]? BodyBytes()
    {
        if (RawBody is not null || Body is null)
        {
            return RawBody;
        }
        var text = Body.ToJsonString();
        foreach (var (placeholder, literal) in Splices)
        {
            text = text.Replace(placeholder, literal, StringComparison.Ordinal);
        }
        if (DuplicatedProperty is { } duplicate && Body.ContainsKey(duplicate.Name))
        {
            text = $"{{{JsonSerializer.Serialize(duplicate.Name)}:{duplicate.Json},{text[1..]}";
        }
        return Encoding.UTF8.GetBytes(text);
    }

    public string Url => Query.Count == 0 ? Path : $"{Path}?{string.Join('&', Query.Select(q => $"{q.Name}={q.Value}"))}";

    public HttpRequestMessage ToHttpRequest()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), new Uri(Url, UriKind.Relative));
        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        if (BodyBytes() is { } bytes)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = null;
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }
        return request;
    }

    public override string ToString()
    {
        var body = BodyBytes() is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
        return $"{Method} {Shorten(Url)} [{string.Join("; ", Flaws)}] headers: {string.Join(", ", Headers.Select(h => $"{h.Name}: {Shorten(h.Value)}"))}" +
            (body is null ? "" : $" content-type: {ContentType ?? "(none)"} body ({body.Length} chars): {Shorten(body)}");
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : $"{text[..300]}…({text.Length} chars)";
}
