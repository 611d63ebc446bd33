using System.Net.Http.Headers;
using Npgsql;
using SummitApi.Platform.Auth;

namespace SummitApi.Tests.Support;

/// <summary>Makes API keys in a fixture's database with the service's own key code.</summary>
public static class ApiKeys
{
    /// <returns>The full key, as a client sends it.</returns>
    public static Task<string> CreateAsync(SummitApiFactory factory, string scope) => CreateAsync(factory.ConnectionString, scope);

    /// <returns>The full key, as a client sends it.</returns>
    public static async Task<string> CreateAsync(string connectionString, string scope)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var (_, secret) = await ApiKeyStore.CreateAsync(dataSource, scope, name: "test");
        return secret;
    }

    /// <summary>A client of the fixture that sends a new key of <paramref name="scope"/> as a bearer token.</summary>
    public static async Task<HttpClient> ClientAsync(SummitApiFactory factory, string scope)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await CreateAsync(factory, scope));
        return client;
    }

    // summit_<12 hex>_<secret>: the secret is base64url and may itself contain '_', so cut by position.
    private const int IdStart = 7;
    private const int IdLength = 12;

    public static string IdOf(string key) => key.Substring(IdStart, IdLength);

    public static string SecretOf(string key) => key[(IdStart + IdLength + 1)..];
}
