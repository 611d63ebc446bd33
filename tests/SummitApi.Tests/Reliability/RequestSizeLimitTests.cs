using System.Net;

namespace SummitApi.Tests.Reliability;

/// <summary>Limits Kestrel enforces before the application sees a request, met over a real socket.</summary>
public class RequestSizeLimitTests(UnlimitedApiFactory factory) : IClassFixture<UnlimitedApiFactory>
{
    [Fact]
    public async Task Headers_over_32_kib_are_refused_with_431()
    {
        var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/summits");
        request.Headers.Add("X-Padding", new string('p', 40 * 1024));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_request_line_over_8_kib_is_refused_with_414()
    {
        var response = await factory.CreateClient().GetAsync($"/api/v1/concessions?q={new string('q', 9 * 1024)}");

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }
}
