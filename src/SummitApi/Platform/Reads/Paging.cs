using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dapper;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;

namespace SummitApi.Platform.Reads;

/// <summary>One page of a list: <c>nextCursor</c> is always present, and null on the last page.</summary>
/// <param name="Items">The records of this page, in the list's stable order.</param>
/// <param name="NextCursor">Pass as <c>cursor</c> to get the next page; null when there is none.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>Where a list page starts: after the sort key of the previous page's last item.</summary>
/// <param name="Revision">The data revision the first page was read at.</param>
/// <param name="After">The sort key of the last item already served.</param>
/// <param name="Scope">A hash of the path and filters the cursor was made for.</param>
public sealed record CursorPosition(
    [property: JsonPropertyName("r")] long Revision,
    [property: JsonPropertyName("a")] string[] After,
    [property: JsonPropertyName("s")] string Scope);

/// <summary>
/// Signs and checks list cursors. They are opaque to clients; a cursor that was edited, or is used
/// with other filters than those it was made for, is refused with a 400.
/// </summary>
public sealed class CursorCodec(IConfiguration configuration)
{
    private const string SecretName = "cursor-signing-key";
    private byte[]? _key;

    /// <summary>
    /// Loads the signing key: Cursors:SigningKey (base64) when configured, else one kept in the
    /// database, so that every instance and every restart accepts the same cursors.
    /// </summary>
    public async Task LoadKeyAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        if (configuration["Cursors:SigningKey"] is { Length: > 0 } configured)
        {
            _key = Convert.FromBase64String(configured);
            return;
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        _key = await connection.QuerySingleAsync<byte[]>(
            """
            INSERT INTO service_secret (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING;
            SELECT value FROM service_secret WHERE name = @name;
            """, new { name = SecretName, value = RandomNumberGenerator.GetBytes(32) });
    }

    public string Encode(CursorPosition position)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(position);
        return WebEncoders.Base64UrlEncode(payload) + "." + WebEncoders.Base64UrlEncode(Sign(payload));
    }

    public bool TryDecode(string cursor, string scope, out CursorPosition? position)
    {
        position = null;
        var parts = cursor.Split('.');
        if (parts.Length != 2)
        {
            return false;
        }
        try
        {
            var payload = WebEncoders.Base64UrlDecode(parts[0]);
            if (!CryptographicOperations.FixedTimeEquals(Sign(payload), WebEncoders.Base64UrlDecode(parts[1])))
            {
                return false;
            }
            position = JsonSerializer.Deserialize<CursorPosition>(payload);
            return position is { After: not null } && position.Scope == scope;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return false;
        }
    }

    /// <summary>A short digest of what a list was asked for, so a cursor only continues that list.</summary>
    public static string ScopeOf(string path, IEnumerable<KeyValuePair<string, string?>> filters)
    {
        var text = path + "?" + string.Join("&", filters.Where(f => f.Value is not null).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }

    private byte[] Sign(byte[] payload) =>
        HMACSHA256.HashData(_key ?? throw new InvalidOperationException("The cursor signing key is not loaded yet."), payload)[..16];
}
