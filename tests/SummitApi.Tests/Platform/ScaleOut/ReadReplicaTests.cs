using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SummitApi.Platform.Reads;

namespace SummitApi.Tests.Platform.ScaleOut;

/// <summary>
/// Reads from a streaming replica, writes to the primary: without a token a read may be a little
/// behind (eventual consistency, as documented); with the token of a write it never is.
/// </summary>
public class ReadReplicaTests(ReplicatedApiFactory factory) : IClassFixture<ReplicatedApiFactory>
{
    [ReplicaFact]
    public async Task A_read_with_the_token_of_a_create_sees_it_while_the_replica_is_paused()
    {
        var client = await factory.EditorAsync();
        await factory.Postgres.PauseReplayAsync();
        try
        {
            var created = await client.SendAsync(SummitWrites.Create("token-create"));
            var token = TokenOf(created);

            var item = await client.SendAsync(SummitWrites.Read("/api/v1/summits/token-create", token));
            var list = await client.SendAsync(SummitWrites.Read("/api/v1/summits?limit=500", token));
            var withoutToken = await client.SendAsync(SummitWrites.Read("/api/v1/summits/token-create", consistencyToken: null));

            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(HttpStatusCode.OK, item.StatusCode);
            Assert.Contains("token-create", await IdsAsync(list));
            // The replica (paused) answers reads without a token: the write is not there yet.
            Assert.Equal(HttpStatusCode.NotFound, withoutToken.StatusCode);
        }
        finally
        {
            await factory.Postgres.ResumeReplayAsync();
        }
    }

    [ReplicaFact]
    public async Task A_read_with_the_token_of_a_replacement_never_sees_the_older_version_the_replica_still_holds()
    {
        var client = await factory.EditorAsync();
        var created = await client.SendAsync(SummitWrites.Create("token-replace", "First title"));
        await factory.Postgres.WaitForReplayAsync();
        await factory.Postgres.PauseReplayAsync();
        try
        {
            var replaced = await client.SendAsync(SummitWrites.Replace("token-replace", "Second title", created.Headers.ETag!.Tag));

            var withToken = await client.SendAsync(SummitWrites.Read("/api/v1/summits/token-replace", TokenOf(replaced)));
            var withoutToken = await client.SendAsync(SummitWrites.Read("/api/v1/summits/token-replace", consistencyToken: null));

            Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
            Assert.Equal("Second title", await TitleAsync(withToken));
            Assert.Equal("First title", await TitleAsync(withoutToken));
        }
        finally
        {
            await factory.Postgres.ResumeReplayAsync();
        }
    }

    [ReplicaFact]
    public async Task A_token_the_replica_has_replayed_is_served_by_the_replica()
    {
        var client = await factory.EditorAsync();
        var created = await client.SendAsync(SummitWrites.Create("token-replayed", "First title"));
        await factory.Postgres.WaitForReplayAsync();
        await factory.Postgres.PauseReplayAsync();
        try
        {
            var replaced = await client.SendAsync(SummitWrites.Replace("token-replayed", "Second title", created.Headers.ETag!.Tag));

            // The older token asks for no more than the replica has: the replica answers, so the
            // newer version, which only the primary has, is not seen.
            var withOlderToken = await client.SendAsync(SummitWrites.Read("/api/v1/summits/token-replayed", TokenOf(created)));

            Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
            Assert.Equal("First title", await TitleAsync(withOlderToken));
        }
        finally
        {
            await factory.Postgres.ResumeReplayAsync();
        }
    }

    [ReplicaFact]
    public async Task A_write_read_without_its_token_appears_once_the_replica_replays_it()
    {
        var client = await factory.EditorAsync();
        await factory.Postgres.PauseReplayAsync();
        var created = await client.SendAsync(SummitWrites.Create("eventually-visible"));
        var whilePaused = await client.SendAsync(SummitWrites.Read("/api/v1/summits/eventually-visible", consistencyToken: null));

        await factory.Postgres.ResumeReplayAsync();
        await factory.Postgres.WaitForReplayAsync();
        var afterReplay = await client.SendAsync(SummitWrites.Read("/api/v1/summits/eventually-visible", consistencyToken: null));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, whilePaused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterReplay.StatusCode);
    }

    [ReplicaFact]
    public async Task Paging_on_from_a_first_page_the_replica_has_not_replayed_skips_nothing()
    {
        var client = await factory.EditorAsync();
        await factory.Postgres.PauseReplayAsync();
        try
        {
            // Sorts after every seeded summit, so it is on the last page.
            var created = await client.SendAsync(SummitWrites.Create("zz-paged-past-the-replica"));
            var firstPage = await (await client.SendAsync(SummitWrites.Read("/api/v1/summits?limit=1", TokenOf(created)))).Content.ReadFromJsonAsync<JsonElement>();

            // Later pages carry no token: their cursor pins a data revision the paused replica lacks.
            var ids = new List<string> { firstPage.GetProperty("items")[0].GetProperty("id").GetString()! };
            var cursor = firstPage.GetProperty("nextCursor").GetString();
            while (cursor is not null)
            {
                var page = await client.GetFromJsonAsync<JsonElement>(Pages.WithCursor("/api/v1/summits?limit=1", cursor));
                ids.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!));
                cursor = page.GetProperty("nextCursor").GetString();
            }

            Assert.Equal("zz-paged-past-the-replica", ids[^1]);
            Assert.Equal(ids.Count, ids.Distinct().Count());
        }
        finally
        {
            await factory.Postgres.ResumeReplayAsync();
        }
    }

    private static string TokenOf(HttpResponseMessage write)
    {
        Assert.True(write.Headers.TryGetValues(ConsistencyToken.Header, out var values), $"the {(int)write.StatusCode} write answered no {ConsistencyToken.Header}");
        return Assert.Single(values);
    }

    private static async Task<string?> TitleAsync(HttpResponseMessage read)
    {
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        return (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString();
    }

    private static async Task<List<string>> IdsAsync(HttpResponseMessage list) =>
        [.. (await list.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Select(item => item.GetProperty("id").GetString()!)];
}
