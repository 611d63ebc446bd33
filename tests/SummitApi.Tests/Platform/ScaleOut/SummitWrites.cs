using SummitApi.Platform.Reads;

namespace SummitApi.Tests.Platform.ScaleOut;

/// <summary>Editorial writes of summits, the record the scale-out tests write.</summary>
public static class SummitWrites
{
    public static HttpRequestMessage Create(string id, string title = "Scale-out test meeting") =>
        WriteRequests.Json(HttpMethod.Post, "/api/v1/summits", NewRecords.Summit(id, title));

    public static HttpRequestMessage Replace(string id, string title, string etag) =>
        WriteRequests.Json(HttpMethod.Put, $"/api/v1/summits/{id}", NewRecords.Summit(id, title), ifMatch: etag);

    /// <summary>A GET presenting a consistency token, when one is given.</summary>
    public static HttpRequestMessage Read(string path, string? consistencyToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (consistencyToken is not null)
        {
            request.Headers.Add(ConsistencyToken.Header, consistencyToken);
        }
        return request;
    }
}
