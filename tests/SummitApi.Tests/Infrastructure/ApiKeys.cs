using Npgsql;
using SummitApi.Infrastructure.Auth;

namespace SummitApi.Tests.Infrastructure;

/// <summary>Makes API keys in a fixture's database with the service's own key code.</summary>
public static class ApiKeys
{
    /// <returns>The full key, as a client sends it.</returns>
    public static async Task<string> CreateAsync(SummitApiFactory factory, string scope)
    {
        await using var dataSource = NpgsqlDataSource.Create(factory.ConnectionString);
        var (_, secret) = await ApiKeyStore.CreateAsync(dataSource, scope, name: "test");
        return secret;
    }
}
