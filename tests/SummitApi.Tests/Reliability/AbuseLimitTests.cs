using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;
using SummitApi.Platform.Auth;

namespace SummitApi.Tests.Reliability;

/// <summary>Keys that no longer open writes, and the read budget per client address.</summary>
public class AbuseLimitTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    [Fact]
    public async Task A_write_with_a_revoked_key_is_a_401_problem_and_writes_nothing()
    {
        await using var dataSource = NpgsqlDataSource.Create(factory.ConnectionString);
        var (key, secret) = await ApiKeyStore.CreateAsync(dataSource, ApiKeyStore.Editor, "revoked editor");
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/api/v1/summits", Summit("before-revoke-2026"))).StatusCode);
        await ApiKeyStore.RevokeAsync(dataSource, key.Id);
        var before = await DatabaseState.ReadAsync(factory.ConnectionString);

        var response = await client.PostAsync("/api/v1/summits", Summit("after-revoke-2026"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty((await DatabaseState.ReadAsync(factory.ConnectionString)).DifferencesFrom(before));
    }

    [Fact]
    public async Task Reads_past_the_budget_get_429_problems_with_retry_after()
    {
        using var limited = factory.WithWebHostBuilder(builder => builder
            .UseSetting("RateLimits:Reads:PermitLimit", "3")
            .UseSetting("RateLimits:Reads:WindowSeconds", "3600"));
        var client = limited.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await client.GetAsync("/api/v1/parties");
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(int.Parse(last.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);
    }

    private static StringContent Summit(string id) => new(NewRecords.Summit(id).ToJsonString(), Encoding.UTF8, "application/json");
}
