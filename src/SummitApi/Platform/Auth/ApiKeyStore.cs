using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Dapper;
using Npgsql;

namespace SummitApi.Platform.Auth;

/// <summary>
/// API keys look like summit_&lt;key id&gt;_&lt;secret&gt;. Only the SHA-256 of the secret is stored: a
/// 256-bit random secret cannot be guessed or brute-forced from its hash, so the slow hashes passwords
/// need would only slow every write down.
/// </summary>
public static partial class ApiKeyStore
{
    public const string Editor = "editor";
    public const string Admin = "admin";
    public static readonly IReadOnlyList<string> Scopes = [Editor, Admin];

    [GeneratedRegex("^summit_(?<id>[0-9a-f]{12})_(?<secret>[A-Za-z0-9_-]{43})$")]
    private static partial Regex KeyFormat();

    /// <summary>A key as listed: never its secret.</summary>
    public sealed record ApiKeyInfo(string Id, string? Name, string Scope, DateTime CreatedAt, DateTime? RevokedAt);

    /// <returns>The new key, to be shown once: it cannot be recovered afterwards.</returns>
    public static async Task<(ApiKeyInfo Key, string Secret)> CreateAsync(NpgsqlDataSource dataSource, string scope, string? name)
    {
        if (!Scopes.Contains(scope))
        {
            throw new ArgumentException($"The scope must be one of {string.Join(", ", Scopes)}.", nameof(scope));
        }
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        await using var connection = await dataSource.OpenConnectionAsync();
        var key = await connection.QuerySingleAsync<ApiKeyInfo>(
            """
            INSERT INTO api_key (id, name, scope, secret_hash) VALUES (@id, @name, @scope, @hash)
            RETURNING id AS "Id", name AS "Name", scope AS "Scope", created_at AS "CreatedAt", revoked_at AS "RevokedAt"
            """, new { id, name, scope, hash = SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(secret)) });
        return (key, $"summit_{id}_{secret}");
    }

    /// <summary>The key's id and scope when the presented key is well-formed, known and not revoked.</summary>
    public static async Task<(string Id, string Scope)?> VerifyAsync(NpgsqlDataSource dataSource, string presented, CancellationToken cancellationToken)
    {
        var match = KeyFormat().Match(presented);
        if (!match.Success)
        {
            return null;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var stored = await connection.QuerySingleOrDefaultAsync<(byte[] Hash, string Scope)?>(
            "SELECT secret_hash, scope FROM api_key WHERE id = @id AND revoked_at IS NULL", new { id = match.Groups["id"].Value });
        var hash = SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(match.Groups["secret"].Value));
        return stored is { } key && CryptographicOperations.FixedTimeEquals(hash, key.Hash)
            ? (match.Groups["id"].Value, key.Scope)
            : null;
    }

    public static async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<ApiKeyInfo>(
            """SELECT id AS "Id", name AS "Name", scope AS "Scope", created_at AS "CreatedAt", revoked_at AS "RevokedAt" FROM api_key ORDER BY created_at, id""")).AsList();
    }

    /// <returns>Whether a key with that id exists (revoking twice is harmless).</returns>
    public static async Task<bool> RevokeAsync(NpgsqlDataSource dataSource, string id)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await connection.ExecuteAsync("UPDATE api_key SET revoked_at = coalesce(revoked_at, now()) WHERE id = @id", new { id }) == 1;
    }
}
