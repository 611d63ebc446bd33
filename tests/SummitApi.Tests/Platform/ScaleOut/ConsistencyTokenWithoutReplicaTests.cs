using System.Net;
using System.Net.Http.Headers;
using SummitApi.Platform.Reads;

namespace SummitApi.Tests.Platform.ScaleOut;

/// <summary>Without ConnectionStrings:SummitRead everything runs on the primary, which is always current.</summary>
public class ConsistencyTokenWithoutReplicaTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    [Fact]
    public async Task A_write_answers_no_token_and_a_read_presenting_one_is_answered_as_usual()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiKeys.CreateAsync(factory, "editor"));

        var created = await client.SendAsync(SummitWrites.Create("no-replica-token"));
        var read = await client.SendAsync(SummitWrites.Read("/api/v1/summits/no-replica-token", "0/16B3748"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.False(created.Headers.Contains(ConsistencyToken.Header));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Theory]
    [InlineData("16B3748")]
    [InlineData("0/16B3748/1")]
    [InlineData("0/xyz")]
    public async Task A_malformed_token_is_a_400_naming_the_header_even_without_a_replica(string token)
    {
        var response = await factory.CreateClient().SendAsync(SummitWrites.Read("/api/v1/summits/busan-2025", token));

        var problem = await ApiAssertions.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(ConsistencyToken.Header, out _), problem.ToString());
    }
}
