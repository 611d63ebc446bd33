using System.Net;
using Npgsql;

namespace SummitApi.Tests.Platform;

public class HealthTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    [Fact]
    public async Task Liveness_answers_200_without_asking_the_database()
    {
        var response = await factory.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("database", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_answers_200_when_the_database_answers()
    {
        var response = await factory.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"database\":{\"status\":\"Healthy\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_answers_503_while_the_database_refuses_connections_and_200_once_it_is_back()
    {
        var client = factory.CreateClient();
        var database = new NpgsqlConnectionStringBuilder(factory.ConnectionString).Database;
        var server = await TestPostgres.ServerConnectionStringAsync();

        await TestPostgres.ExecuteAsync(server, $"""ALTER DATABASE "{database}" ALLOW_CONNECTIONS false""");
        await TestPostgres.ExecuteAsync(server, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
        try
        {
            var down = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        }
        finally
        {
            await TestPostgres.ExecuteAsync(server, $"""ALTER DATABASE "{database}" ALLOW_CONNECTIONS true""");
        }

        var back = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }
}
