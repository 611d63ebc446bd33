using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SummitApi.Platform.Errors;
using SummitApi.Platform.Json;

namespace SummitApi.Platform.Writes;

/// <summary>
/// Reads a write's JSON body strictly, answering every way it can be wrong with a 4xx problem that
/// names what is wrong: the media type (415), the size (413), the JSON itself, or a field (400).
/// </summary>
public static class RequestBody
{
    /// <summary>The largest body a write accepts: records are small, so anything bigger is a mistake or abuse.</summary>
    public const int MaxBytes = 256 * 1024;

    public sealed record Read<T>(T? Value, IResult? Problem);

    public static async Task<Read<T>> ReadAsync<T>(HttpContext http, string mediaType) where T : class
    {
        var request = http.Request;
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase))
        {
            return new(null, Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"Send the body as {mediaType}."));
        }
        if (request.ContentLength > MaxBytes)
        {
            return new(null, TooLarge());
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return new(null, TooLarge());
            }
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        if (TextProblem(bytes) is { } problem)
        {
            return new(null, Invalid(problem.Field, problem.Message));
        }
        return Deserialize<T>(bytes);
    }

    public static Read<T> Deserialize<T>(byte[] json) where T : class => Deserialize<T>(() => JsonSerializer.Deserialize<T>(json, StrictJson.Options));

    public static Read<T> Deserialize<T>(System.Text.Json.Nodes.JsonNode json) where T : class => Deserialize<T>(() => json.Deserialize<T>(StrictJson.Options));

    private static Read<T> Deserialize<T>(Func<T?> deserialize) where T : class
    {
        try
        {
            return deserialize() is { } value
                ? new(value, null)
                : new(null, Invalid("body", "The body must be a JSON object, not null."));
        }
        catch (JsonException e)
        {
            var field = StrictJson.FieldOf(e);
            return new(null, field is null
                ? Invalid("body", $"The body is not valid JSON for this operation{(e.LineNumber is { } line ? $" (line {line + 1})" : "")}.")
                : Invalid(field, e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? $"'{field}' is not a field of this record."
                    : e.Message.Contains("missing required", StringComparison.Ordinal) ? $"'{field}' is required."
                    : $"'{field}' has the wrong type or format."));
        }
    }

    /// <summary>
    /// What the JSON reader lets through but no record may hold: a property named twice in one object
    /// (which would silently keep one of the two values) and strings PostgreSQL cannot store (a NUL) or
    /// UTF-16 cannot hold (an escaped unpaired surrogate). Null when there is none, or when the body is
    /// not JSON at all (deserialization names that problem).
    /// </summary>
    private static (string Field, string Message)? TextProblem(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        var objects = new Stack<HashSet<string>>();
        var property = "body";
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                        objects.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.EndObject:
                        objects.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        property = reader.GetString()!;
                        if (property.Contains('\0'))
                        {
                            return ("body", "A property name contains a NUL character.");
                        }
                        if (!objects.Peek().Add(property))
                        {
                            return (property, $"'{property}' is given twice; give it once.");
                        }
                        break;
                    case JsonTokenType.String when reader.GetString()!.Contains('\0'):
                        return (property, $"'{property}' contains a NUL character, which text cannot hold.");
                }
            }
        }
        catch (InvalidOperationException)
        {
            return reader.TokenType == JsonTokenType.PropertyName
                ? ("body", "A property name contains an unpaired surrogate, which is not text.")
                : (property, $"'{property}' contains an unpaired surrogate, which is not text.");
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }

    private static ValidationProblem Invalid(string field, string message) => Problems.Invalid(field, message, "The body is invalid.");

    private static IResult TooLarge() =>
        Problems.Of(StatusCodes.Status413PayloadTooLarge, "Body too large", $"A write's body may be at most {MaxBytes} bytes.");
}
