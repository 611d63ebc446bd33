using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using SummitApi.Platform.Data;

namespace SummitApi.Platform.Writes;

/// <summary>
/// Remembers the record a POST sent with an Idempotency-Key created. The record is written in the same
/// transaction as the change, after the write lock, so a retry (even one racing the first request)
/// either finds it or is itself the first.
/// </summary>
public static class IdempotentRequests
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 200;

    public sealed record StoredResponse(byte[] RequestHash, string Location, string Body);

    /// <summary>
    /// What makes two requests the same request: method, path and the body as JSON, not as bytes, so a client
    /// that re-serialises the same object (other member order, other whitespace) on retry is still replayed.
    /// </summary>
    public static byte[] HashOf(string method, string path, JsonNode body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{method} {path}\n"));
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Canonical(body)?.ToJsonString() ?? "null"));
        return hash.GetHashAndReset();
    }

    /// <summary>The same JSON with every object's members in ordinal order.</summary>
    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject members => new JsonObject(members.OrderBy(member => member.Key, StringComparer.Ordinal)
            .Select(member => KeyValuePair.Create(member.Key, Canonical(member.Value)))),
        JsonArray items => new JsonArray([.. items.Select(Canonical)]),
        _ => node?.DeepClone(),
    };

    public static Task<StoredResponse?> FindAsync(ChangeSet changeSet, string apiKeyId, string key) =>
        changeSet.Connection.QuerySingleOrDefaultAsync<StoredResponse>(
            """
            SELECT request_hash AS "RequestHash", location AS "Location", body::text AS "Body"
              FROM idempotent_request WHERE api_key_id = @apiKeyId AND key = @key
            """,
            new { apiKeyId, key }, changeSet.Transaction);

    public static Task SaveAsync<T>(ChangeSet changeSet, string apiKeyId, string key, byte[] requestHash, string location, T body, JsonSerializerOptions options) =>
        changeSet.Connection.ExecuteAsync(
            """
            INSERT INTO idempotent_request (api_key_id, key, request_hash, location, body)
            VALUES (@apiKeyId, @key, @requestHash, @location, @body::jsonb)
            """,
            new { apiKeyId, key, requestHash, location, body = JsonSerializer.Serialize(body, options) }, changeSet.Transaction);
}
