using System.Text;
using System.Text.Json.Nodes;

namespace SummitApi.Tests.Support;

/// <summary>Requests that carry a JSON body to the write API.</summary>
public static class WriteRequests
{
    public static HttpRequestMessage Json(HttpMethod method, string path, JsonNode body, string? ifMatch = null, string mediaType = "application/json",
        string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, mediaType) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return request;
    }
}
