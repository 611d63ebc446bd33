using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Dapper;

namespace SummitApi.Tests.Platform;

public class ApiKeyTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    [Fact]
    public async Task Listing_keys_without_a_key_is_a_401_problem_with_a_challenge()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/keys");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("summit_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_malformed_or_unknown_key_is_a_401(string key)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/keys")).StatusCode);
    }

    [Fact]
    public async Task An_editor_key_is_a_403_problem_for_administration()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiKeys.CreateAsync(factory, "editor"));

        var response = await client.GetAsync("/api/v1/keys");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_admin_key_lists_keys_by_bearer_or_x_api_key_and_never_shows_a_secret()
    {
        var admin = await ApiKeys.CreateAsync(factory, "admin");
        var bearer = factory.CreateClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        var header = factory.CreateClient();
        header.DefaultRequestHeaders.Add("X-Api-Key", admin);

        var byBearer = await bearer.GetAsync("/api/v1/keys");
        var byHeader = await header.GetAsync("/api/v1/keys");

        Assert.Equal(HttpStatusCode.OK, byBearer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byHeader.StatusCode);
        Assert.True(byBearer.Headers.CacheControl?.Private, "an admin answer may sit in a shared cache");
        var body = await byBearer.Content.ReadAsStringAsync();
        Assert.Contains(ApiKeys.IdOf(admin), body);
        Assert.DoesNotContain(ApiKeys.SecretOf(admin), body);
    }

    [Fact]
    public async Task Keys_are_stored_only_as_hashes()
    {
        var key = await ApiKeys.CreateAsync(factory, "editor");
        var secret = ApiKeys.SecretOf(key);

        await using var connection = await factory.OpenConnectionAsync();
        var rows = await connection.QueryAsync<string>("SELECT to_jsonb(k)::text FROM api_key k");

        Assert.All(rows, row => Assert.DoesNotContain(secret, row));
        Assert.All(rows, row => Assert.DoesNotContain(key, row));
    }

    [Fact]
    public async Task Reads_need_no_key()
    {
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/v1/summits")).StatusCode);
    }

    [Fact]
    public async Task The_command_line_creates_a_key_that_works_lists_it_without_its_secret_and_revokes_it_at_once()
    {
        var created = await RunAsync("keys", "create", "--scope", "admin", "--name", "cli test");
        Assert.Equal(0, created.ExitCode);
        var key = created.Output.TrimEnd().Split('\n')[^1].Trim();
        Assert.Matches("^summit_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$", key);
        var keyId = ApiKeys.IdOf(key);

        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/keys")).StatusCode);

        var listed = await RunAsync("keys", "list");
        Assert.Contains(keyId, listed.Output);
        Assert.DoesNotContain(ApiKeys.SecretOf(key), listed.Output);

        Assert.Equal(0, (await RunAsync("keys", "revoke", keyId)).ExitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/keys")).StatusCode);

        Assert.Equal(1, (await RunAsync("keys", "revoke", "000000000000")).ExitCode);
        Assert.Equal(2, (await RunAsync("keys", "create", "--scope", "superuser")).ExitCode);
    }

    private Task<ServiceProcess.Run> RunAsync(params string[] arguments) =>
        ServiceProcess.RunAsync(new Dictionary<string, string?> { ["ConnectionStrings__Summit"] = factory.ConnectionString }, TimeSpan.FromSeconds(60), arguments);
}
