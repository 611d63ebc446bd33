using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SummitApi.Tests.Support;

/// <summary>The error contract every endpoint shares: RFC 9457 problems for unknown ids and bad input.</summary>
public static class ApiAssertions
{
    /// <summary>Asserts the response is an application/problem+json of that status with a traceId; returns the problem.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()), $"the problem has no traceId: {problem}");
        return problem;
    }

    /// <summary>Asserts GET <paramref name="path"/> is a 404 problem whose detail names the id in quotes.</summary>
    public static async Task AssertNotFoundNamingAsync(HttpClient client, string path, string id)
    {
        var problem = await AssertProblemAsync(await client.GetAsync(path), HttpStatusCode.NotFound);
        Assert.Contains($"'{id}'", problem.GetProperty("detail").GetString());
    }

    /// <summary>Asserts GET <paramref name="path"/> is a 400 problem listing the parameter under errors.</summary>
    public static async Task AssertBadRequestNamingAsync(HttpClient client, string path, string parameter)
    {
        var problem = await AssertProblemAsync(await client.GetAsync(path), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"errors does not name '{parameter}': {problem}");
    }

    /// <summary>Asserts the next page of <paramref name="firstPage"/>, asked for with an edited cursor, is a 400 naming cursor.</summary>
    public static async Task AssertEditedCursorIsRefusedAsync(HttpClient client, string firstPage)
    {
        var cursor = await client.NextCursorAsync(firstPage);

        await AssertBadRequestNamingAsync(client, Pages.WithCursor(firstPage, Pages.Edited(cursor)), "cursor");
    }

    /// <summary>Asserts a cursor made for <paramref name="madeFor"/> is a 400 naming cursor when used with <paramref name="usedWith"/>.</summary>
    public static async Task AssertCursorDoesNotContinueAsync(HttpClient client, string madeFor, string usedWith)
    {
        var cursor = await client.NextCursorAsync(madeFor);

        await AssertBadRequestNamingAsync(client, Pages.WithCursor(usedWith, cursor), "cursor");
    }
}
