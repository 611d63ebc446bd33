using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace SummitApi.Tests.Support;

/// <summary>Reading the API's lists: pages of <c>{ items, nextCursor }</c>, followed by their cursors.</summary>
public static class Pages
{
    /// <summary>
    /// Follows nextCursor from <paramref name="firstPage"/>, which names its <c>limit</c>, to the last page.
    /// Asserts every page has nextCursor and 1 to limit items (only an empty list's one page is empty),
    /// the walk takes no more pages than the items need, and no id comes twice.
    /// </summary>
    public static async Task<List<JsonElement>> ReadAllAsync(this HttpClient client, string firstPage)
    {
        var limit = LimitOf(firstPage);
        var items = new List<JsonElement>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>(cursor is null ? firstPage : WithCursor(firstPage, cursor));
            var pageItems = page.GetProperty("items").EnumerateArray().ToList();
            Assert.True(page.TryGetProperty("nextCursor", out var next), $"a page of {firstPage} has no nextCursor");
            cursor = next.ValueKind == JsonValueKind.Null ? null : next.GetString();
            Assert.InRange(pageItems.Count, pages == 0 && cursor is null ? 0 : 1, limit);
            items.AddRange(pageItems);
            Assert.True(++pages <= 1000, "the list never ends");
        }
        while (cursor is not null);

        Assert.Equal(Math.Max(1, (items.Count + limit - 1) / limit), pages);
        var ids = items.Ids();
        Assert.Equal(ids.Distinct().Count(), ids.Count);
        return items;
    }

    /// <summary><see cref="ReadAllAsync"/>, and asserts the items come in ordinal id order.</summary>
    public static async Task<List<JsonElement>> ReadAllInIdOrderAsync(this HttpClient client, string firstPage)
    {
        var items = await client.ReadAllAsync(firstPage);
        var ids = items.Ids();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        return items;
    }

    /// <summary>The ids of a list that fits on one page: asserts there is no next page.</summary>
    public static async Task<List<string>> SinglePageIdsAsync(this HttpClient client, string path)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(path);
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
        return page.GetProperty("items").EnumerateArray().Ids();
    }

    /// <summary>The cursor of the page after <paramref name="firstPage"/>, which must have one.</summary>
    public static async Task<string> NextCursorAsync(this HttpClient client, string firstPage)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(firstPage);
        var cursor = page.GetProperty("nextCursor").GetString();
        Assert.NotNull(cursor);
        return cursor;
    }

    /// <summary>The cursor with one character of its signature changed.</summary>
    public static string Edited(string cursor) => cursor[..^2] + (cursor[^2] == 'A' ? "B" : "A") + cursor[^1];

    public static string WithCursor(string path, string cursor) =>
        $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}cursor={Uri.EscapeDataString(cursor)}";

    private static int LimitOf(string firstPage)
    {
        var start = firstPage.IndexOf('?', StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(start < 0 ? "" : firstPage[start..]);
        Assert.True(query.TryGetValue("limit", out var limit), $"{firstPage} does not name its page size (limit)");
        return int.Parse(limit.ToString(), CultureInfo.InvariantCulture);
    }
}
