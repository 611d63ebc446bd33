using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Npgsql;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SummitApi.Platform.Caching;
using SummitApi.Platform.Data;
using SummitApi.Platform.Reads;

namespace SummitApi.Tests.Platform;

public sealed class ResponseCacheTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>, IDisposable
{
    private const string Summit = "/api/v1/summits/busan-2025";
    private static readonly TimeSpan NotificationDeadline = TimeSpan.FromSeconds(15);

    private readonly SqlCommandRecorder _sql = new();

    [Fact]
    public async Task A_repeated_read_is_answered_from_the_cache_without_sql_with_the_same_bytes_and_headers()
    {
        var client = factory.CreateClient();
        var path = "/api/v1/concessions?giver=US&limit=3";
        await WarmAsync(client, path);

        var (first, firstCommands) = await _sql.GetAsync(client, path);
        var (second, secondCommands) = await _sql.GetAsync(client, path);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(0, firstCommands);
        Assert.Equal(0, secondCommands);
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(Headers(first), Headers(second));
    }

    [Fact]
    public async Task A_first_read_runs_its_sql_and_the_cached_copy_carries_every_header_it_had()
    {
        var client = factory.CreateClient();
        var path = "/api/v1/outcomes?limit=2";

        var (miss, missCommands) = await _sql.GetAsync(client, path);
        var (hit, hitCommands) = await _sql.GetAsync(client, path);

        Assert.True(missCommands > 0, "the first read must reach the database, or these tests prove nothing");
        Assert.Equal(0, hitCommands);
        Assert.Equal(Headers(miss), Headers(hit));
        Assert.Contains("api-supported-versions", Headers(hit).Keys);
    }

    [Fact]
    public async Task A_revalidation_is_a_304_that_runs_no_sql()
    {
        var client = factory.CreateClient();
        var etag = (await WarmAsync(client, Summit)).Headers.ETag!.Tag;

        var (response, commands) = await _sql.GetAsync(client, Summit, ifNoneMatch: etag);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(0, commands);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task A_write_through_the_api_is_read_back_at_once_never_the_cached_record()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiKeys.CreateAsync(factory, "editor"));
        var path = "/api/v1/concessions/us-fentanyl-tariff-cut";
        var before = await WarmAsync(client, path);

        using var patch = new HttpRequestMessage(HttpMethod.Patch, path)
        {
            Content = new StringContent("""{"notes":"Edited while cached."}""", Encoding.UTF8, "application/merge-patch+json"),
        };
        patch.Headers.TryAddWithoutValidation("If-Match", before.Headers.ETag!.Tag);
        var patched = await client.SendAsync(patch);
        var after = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.Equal("Edited while cached.", (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("notes").GetString());
        Assert.Equal(patched.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task A_change_committed_elsewhere_reaches_every_instance_through_the_notification()
    {
        using var other = factory.WithWebHostBuilder(_ => { });
        var (client, otherClient) = (factory.CreateClient(), other.CreateClient());
        await WarmAsync(client, "/api/v1/parties/MY");
        await WarmAsync(otherClient, "/api/v1/parties/MY");

        await RenameAsync("MY", "Malaysia (renamed elsewhere)");

        await EventuallyNamedAsync(client, "/api/v1/parties/MY", "Malaysia (renamed elsewhere)");
        await EventuallyNamedAsync(otherClient, "/api/v1/parties/MY", "Malaysia (renamed elsewhere)");
    }

    [Fact]
    public async Task A_write_drops_only_the_cached_reads_of_the_tables_it_wrote()
    {
        var client = factory.CreateClient();
        const string concession = "/api/v1/concessions/us-fentanyl-tariff-cut";
        string[] unrelated = ["/api/v1/actors?limit=2", "/api/v1/parties/CN", "/api/v1/sources", "/api/v1/summits/busan-2025"];
        foreach (var path in unrelated.Append(concession))
        {
            await WarmAsync(client, path);
        }

        await factory.WriteOutsideTheApiAsync("test", "one concession's notes",
            "UPDATE concession SET notes = 'Edited; the rest stays cached.' WHERE id = 'us-fentanyl-tariff-cut'");

        foreach (var path in unrelated)
        {
            var (response, commands) = await _sql.GetAsync(client, path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(commands == 0, $"{path} does not read concessions but was read again ({commands} commands) after a concession changed");
        }
        var (edited, editedCommands) = await _sql.GetAsync(client, concession);
        Assert.True(editedCommands > 0);
        Assert.Equal("Edited; the rest stays cached.", (await edited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("notes").GetString());
    }

    [Fact]
    public async Task A_write_to_one_record_leaves_the_cached_reads_of_the_tables_other_records()
    {
        var client = factory.CreateClient();
        const string edited = "/api/v1/actors/donald-trump";
        string[] others = ["/api/v1/actors/xi-jinping", "/api/v1/actors/xi-jinping/revisions"];
        foreach (var path in others.Append(edited))
        {
            await WarmAsync(client, path);
        }

        await factory.WriteOutsideTheApiAsync("test", "one actor's notes", "UPDATE actor SET notes = 'Edited alone.' WHERE id = 'donald-trump'");

        foreach (var path in others)
        {
            var (response, commands) = await _sql.GetAsync(client, path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(commands == 0, $"{path} reads another actor but was read again ({commands} commands)");
        }
        var (list, listCommands) = await _sql.GetAsync(client, "/api/v1/actors?limit=1");
        var (read, readCommands) = await _sql.GetAsync(client, edited);
        Assert.True(listCommands > 0 && readCommands > 0, "a list of the table and the record itself must be read again");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal("Edited alone.", (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("notes").GetString());
    }

    [Fact]
    public async Task A_later_page_stays_cached_across_writes_to_its_tables_since_its_cursor_pins_what_it_reads()
    {
        var client = factory.CreateClient();
        var first = await client.GetFromJsonAsync<JsonElement>("/api/v1/concessions?limit=2");
        var later = $"/api/v1/concessions?limit=2&cursor={Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!)}";
        var before = await (await WarmAsync(client, later)).Content.ReadAsByteArrayAsync();

        await factory.WriteOutsideTheApiAsync("test", "every concession's notes", "UPDATE concession SET notes = coalesce(notes, '') || ' (edited)'");
        var (cached, commands) = await _sql.GetAsync(client, later);
        using var uncached = factory.WithWebHostBuilder(builder => builder.UseSetting("ResponseCache:Enabled", "false"));
        var fresh = await uncached.CreateClient().GetByteArrayAsync(later);

        Assert.Equal(0, commands);
        Assert.Equal(before, await cached.Content.ReadAsByteArrayAsync());
        Assert.Equal(before, fresh);
    }

    [Fact]
    public async Task A_change_set_notifies_the_records_it_wrote_by_table_and_a_table_it_wrote_many_of_as_a_whole()
    {
        var writes = await NotifiedWritesAsync("citation", () => factory.WriteOutsideTheApiAsync("test", "two concessions and sixty citations",
            "UPDATE concession SET notes = coalesce(notes, '') || '.' WHERE id IN ('us-fentanyl-tariff-cut', 'us-entity-list-export-control-suspension')",
            "UPDATE citation SET excerpt = excerpt || '.' WHERE id IN (SELECT id FROM citation ORDER BY id LIMIT 60)"));

        Assert.Equal(["citation", "concession"], writes.Select(write => write.Table));
        Assert.Null(writes[0].RecordIds);
        Assert.Equal(["us-entity-list-export-control-suspension", "us-fentanyl-tariff-cut"], writes[1].RecordIds!);
    }

    [Fact]
    public async Task A_change_set_says_which_columns_its_updates_changed_and_that_a_created_record_may_change_any_list()
    {
        var writes = await NotifiedWritesAsync("party", () => factory.WriteOutsideTheApiAsync("test", "a concession's notes and a new party",
            "UPDATE concession SET notes = coalesce(notes, '') || '.' WHERE id = 'us-port-fee-suspension-chinese-ships'",
            "INSERT INTO party (id, name, kind) SELECT 'ZZNOTIFY', 'Notified Party', kind FROM party WHERE id = 'CN'"));

        Assert.Equal(["concession", "party"], writes.Select(write => write.Table));
        // The full-text search column is generated from the notes, and lists filter on it.
        Assert.Equal(["notes", "search"], writes[0].ChangedColumns!);
        Assert.Equal(["ZZNOTIFY"], writes[1].RecordIds!);
        Assert.Null(writes[1].ChangedColumns);
    }

    [Fact]
    public async Task A_write_to_a_concession_a_page_does_not_show_leaves_the_page_cached_with_its_etag_unless_its_filters_test_what_changed()
    {
        var client = factory.CreateClient();
        const string edited = "cn-truce-extension";
        // Pages that do not show it, and whose filters test nothing a change of its notes changes; and an outcome, which
        // shows the ids of its concessions (this one among them).
        string[] kept = ["/api/v1/concessions?giver=CN&limit=1", "/api/v1/concessions?limit=2", "/api/v1/concessions?summit=busan-2025&beneficiary=CN&limit=3",
            "/api/v1/outcomes/truce-extension", "/api/v1/summits/busan-2025/outcomes?limit=3"];
        // A page that shows it, and a search whose matches the edit changes though it shows nothing yet.
        string[] dropped = [$"/api/v1/concessions?giver=CN&limit=50", "/api/v1/concessions?q=kumquat"];
        var before = new Dictionary<string, HttpResponseMessage>();
        foreach (var path in kept.Concat(dropped))
        {
            before[path] = await WarmAsync(client, path);
        }

        await factory.WriteOutsideTheApiAsync("test", "one concession's notes",
            $"UPDATE concession SET notes = coalesce(notes, '') || ' Kumquat.' WHERE id = '{edited}'");

        using var uncached = factory.WithWebHostBuilder(builder => builder.UseSetting("ResponseCache:Enabled", "false"));
        var fresh = uncached.CreateClient();
        foreach (var path in kept)
        {
            var (response, commands) = await _sql.GetAsync(client, path);
            Assert.True(commands == 0, $"{path} does not show {edited} nor filter on its notes, but was read again ({commands} commands)");
            // What a read now answers: a page's next cursor pins the newer revision of its tables, so its ETag moves with it.
            Assert.Equal(await fresh.GetByteArrayAsync(path), await response.Content.ReadAsByteArrayAsync());
            var nextCursor = (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("nextCursor", out var cursor) ? cursor.GetString() : null;
            Assert.True(nextCursor is not null ^ Equals(before[path].Headers.ETag, response.Headers.ETag), $"{path}: the ETag of a response without a cursor stays, and only that");
        }
        foreach (var path in dropped)
        {
            var (response, commands) = await _sql.GetAsync(client, path);
            Assert.True(commands > 0, $"{path} was answered from the cache after {edited} changed");
            var items = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().ToList();
            Assert.Contains(items, item => item.GetProperty("id").GetString() == edited && item.GetProperty("notes").GetString()!.EndsWith(" Kumquat.", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Moving_a_concession_to_another_outcome_drops_both_outcomes_and_the_summit_filtered_pages_that_do_not_show_it()
    {
        var client = factory.CreateClient();
        const string moved = "cn-soybean-purchases";
        string[] dropped = ["/api/v1/outcomes/soybean-purchases", "/api/v1/outcomes/cn-rare-earth-easing", "/api/v1/concessions?summit=busan-2025&limit=1"];
        foreach (var path in dropped)
        {
            await WarmAsync(client, path);
        }

        try
        {
            await factory.WriteOutsideTheApiAsync("test", "one concession moved", $"UPDATE concession SET outcome_id = 'cn-rare-earth-easing' WHERE id = '{moved}'");

            foreach (var path in dropped)
            {
                var (response, commands) = await _sql.GetAsync(client, path);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.True(commands > 0, $"{path} was answered from the cache after {moved} moved to another outcome");
            }
            var gaining = await client.GetFromJsonAsync<JsonElement>("/api/v1/outcomes/cn-rare-earth-easing");
            Assert.Contains(moved, gaining.GetProperty("concessionIds").EnumerateArray().Select(id => id.GetString()));
        }
        finally
        {
            await factory.WriteOutsideTheApiAsync("test", "moved back", $"UPDATE concession SET outcome_id = 'soybean-purchases' WHERE id = '{moved}'");
        }
    }

    [Fact]
    public async Task Requests_for_an_answer_another_request_is_reading_wait_for_that_read_instead_of_reading_it_again()
    {
        var client = factory.CreateClient();
        const string path = "/api/v1/concessions?beneficiary=US&limit=4";
        await using var locker = await factory.OpenConnectionAsync();
        await using var transaction = await locker.BeginTransactionAsync();
        // The first read waits on the lock, long enough for the others to arrive while it is in flight.
        await locker.ExecuteAsync("LOCK TABLE concession IN ACCESS EXCLUSIVE MODE", transaction: transaction);
        var reads = Enumerable.Range(0, 12).Select(_ => _sql.GetAsync(client, path)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(1));
        await transaction.RollbackAsync();
        var answers = await Task.WhenAll(reads);

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Response.StatusCode));
        var bodies = await Task.WhenAll(answers.Select(answer => answer.Response.Content.ReadAsStringAsync()));
        Assert.Single(bodies.Distinct());
        Assert.True(answers.Count(answer => answer.SqlCommands > 0) == 1,
            $"{answers.Count(answer => answer.SqlCommands > 0)} of 12 requests read the page themselves; one should have, for all");
    }

    [Fact]
    public void The_concession_list_declares_every_concession_column_each_of_its_filters_tests()
    {
        // Each optional filter of the list's SQL, (@name::type IS NULL OR …), against the columns declared for its query
        // parameter; a column of the outcome or the summit is reached through the concession's outcome_id.
        var sql = SummitApi.Resources.Concessions.ConcessionQueries.List;
        var filters = System.Text.RegularExpressions.Regex.Matches(sql, @"\(@(?<name>\w+)::[\w\[\]]+ IS NULL OR ").ToList();
        var parameterOf = new Dictionary<string, string> { ["dateBases"] = "dateBasis" };
        var undeclared = new List<string>();
        foreach (var filter in filters.Where(match => match.Groups["name"].Value != "after"))
        {
            var depth = 0;
            var end = filter.Index;
            do
            {
                depth += sql[end] switch { '(' => 1, ')' => -1, _ => 0 };
                end++;
            }
            while (depth > 0);
            var condition = sql[filter.Index..end];
            var name = filter.Groups["name"].Value;
            var declared = SummitApi.Resources.Concessions.ConcessionEndpoints.ColumnsByFilter.GetValueOrDefault(parameterOf.GetValueOrDefault(name, name)) ?? [];
            var tested = System.Text.RegularExpressions.Regex.Matches(condition, @"\b(?<table>[cos])\.(?<column>\w+)")
                .Select(match => match.Groups["table"].Value == "c" ? match.Groups["column"].Value : "outcome_id").Distinct();
            undeclared.AddRange(tested.Except(declared).Select(column => $"{name}: {column}"));
        }

        Assert.True(filters.Count >= 7, $"only {filters.Count} filters found in the list's SQL");
        Assert.Empty(undeclared);
    }

    [Fact]
    public async Task A_list_page_keeps_its_etag_across_writes_to_tables_it_does_not_read_and_not_across_writes_to_its_own()
    {
        // The cache off, so what is compared is what the database gives: the page's cursor pins the data revision of
        // the tables the list reads, and only a write to one of those moves it.
        using var uncached = factory.WithWebHostBuilder(builder => builder.UseSetting("ResponseCache:Enabled", "false"));
        var client = uncached.CreateClient();
        const string path = "/api/v1/parties?limit=2";
        var first = await client.GetAsync(path);
        var cursor = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("nextCursor").GetString();
        Assert.NotNull(cursor);

        await factory.WriteOutsideTheApiAsync("test", "a table the parties do not read",
            "UPDATE concession SET notes = coalesce(notes, '') || '.' WHERE id = 'us-fentanyl-tariff-cut'");
        var (unchanged, _) = await _sql.GetAsync(client, path, ifNoneMatch: first.Headers.ETag!.Tag);
        var next = await client.GetAsync($"{path}&cursor={Uri.EscapeDataString(cursor)}");

        await RenameAsync("US", "United States (renamed past the first page)");
        var (moved, _) = await _sql.GetAsync(client, path, ifNoneMatch: first.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(["JP", "MY"], (await next.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
    }

    [Fact]
    public async Task Every_table_a_read_declares_exists_and_every_cached_read_but_the_change_feed_declares_some()
    {
        var reads = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal)
                        && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true
                        && e.Metadata.GetMetadata<ExcludedFromResponseCache>() is null
                        && e.Metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is null)
            .ToList();
        await using var connection = await factory.OpenConnectionAsync();
        var tables = (await connection.QueryAsync<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).ToHashSet();

        var undeclared = reads.Where(e => e.Metadata.GetMetadata<TablesRead>() is null).Select(e => e.RoutePattern.RawText).ToList();
        var unknown = reads.SelectMany(e => e.Metadata.GetMetadata<TablesRead>()?.Names ?? []).Where(name => !tables.Contains(name)).Distinct().ToList();

        Assert.True(reads.Count > 20, $"only {reads.Count} cached reads found");
        Assert.Equal(["/api/v{version:apiVersion}/changes"], undeclared);
        Assert.Empty(unknown);
    }

    [Fact]
    public async Task After_losing_its_notifications_an_instance_drops_everything_it_cached()
    {
        var client = factory.CreateClient();
        await WarmAsync(client, "/api/v1/parties/AU");

        await using (var connection = await factory.OpenConnectionAsync())
        {
            // The listener's connection dies; a change lands before it can listen again, so no one tells it.
            var terminated = await connection.ExecuteScalarAsync<int>(
                "SELECT count(*) FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'SummitApi change listener' AND datname = current_database()) t");
            Assert.True(terminated >= 1);
        }
        await RenameAsync("AU", "Australia (renamed while unheard)");

        await EventuallyNamedAsync(client, "/api/v1/parties/AU", "Australia (renamed while unheard)");
    }

    [Fact]
    public async Task A_read_presenting_a_consistency_token_is_never_answered_from_the_cache()
    {
        var client = factory.CreateClient();
        await WarmAsync(client, Summit);
        using var request = new HttpRequestMessage(HttpMethod.Get, Summit);
        request.Headers.Add("Summit-Consistency-Token", "0/0");

        var (response, commands) = await _sql.SendAsync(client, request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(commands > 0);
    }

    [Fact]
    public async Task Reads_that_need_a_key_are_never_cached()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ApiKeys.CreateAsync(factory, "admin"));
        await client.GetAsync("/api/v1/keys");

        var (response, commands) = await _sql.GetAsync(client, "/api/v1/keys");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(commands > 0);
        Assert.True(response.Headers.CacheControl is { Private: true, NoCache: true });
    }

    [Fact]
    public async Task With_the_cache_off_every_read_runs_its_sql()
    {
        using var uncached = factory.WithWebHostBuilder(builder => builder.UseSetting("ResponseCache:Enabled", "false"));
        var client = uncached.CreateClient();
        await client.GetAsync(Summit);

        var (response, commands) = await _sql.GetAsync(client, Summit);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(commands > 0);
    }

    public void Dispose() => _sql.Dispose();

    /// <summary>Reads until the response comes from the cache: the listener may still be connecting when a fixture starts.</summary>
    private async Task<HttpResponseMessage> WarmAsync(HttpClient client, string path)
    {
        var deadline = DateTime.UtcNow + NotificationDeadline;
        while (true)
        {
            var (response, commands) = await _sql.GetAsync(client, path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (commands == 0 || DateTime.UtcNow > deadline)
            {
                return response;
            }
            await Task.Delay(25);
        }
    }

    /// <summary>What the notification of the change set <paramref name="write"/> commits says it wrote, the first that names <paramref name="table"/>.</summary>
    private async Task<IReadOnlyList<TableWrite>> NotifiedWritesAsync(string table, Func<Task> write)
    {
        await using var listener = await factory.OpenConnectionAsync();
        var notified = new TaskCompletionSource<IReadOnlyList<TableWrite>>(TaskCreationOptions.RunContinuationsAsynchronously);
        // A pooled connection can still hold the notifications of an earlier owner's LISTEN: only this change set's count.
        listener.Notification += (_, e) =>
        {
            if (DataChangeListener.ParseNotification(e.Payload) is var (_, writes) && writes.Any(written => written.Table == table))
            {
                notified.TrySetResult(writes);
            }
        };
        await listener.ExecuteAsync($"LISTEN {DataChangeListener.Channel}");
        await write();
        var deadline = DateTime.UtcNow + NotificationDeadline;
        while (!notified.Task.IsCompleted && DateTime.UtcNow < deadline)
        {
            await listener.WaitAsync(NotificationDeadline);
        }
        return await notified.Task.WaitAsync(TimeSpan.Zero);
    }

    private async Task RenameAsync(string partyId, string name)
    {
        // Not through the factory's helper, which waits until the instance has heard: here that is what is tested.
        await using var dataSource = NpgsqlDataSource.Create(factory.ConnectionString);
        await using var changeSet = await ChangeSet.BeginAsync(dataSource, "test", "renamed outside the API");
        await changeSet.Connection.ExecuteAsync("UPDATE party SET name = @name WHERE id = @partyId", new { name, partyId }, changeSet.Transaction);
        await changeSet.CommitAsync();
    }

    private static async Task EventuallyNamedAsync(HttpClient client, string path, string name)
    {
        var deadline = DateTime.UtcNow + NotificationDeadline;
        string? seen;
        do
        {
            seen = (await client.GetFromJsonAsync<JsonElement>(path)).GetProperty("name").GetString();
            if (seen == name)
            {
                return;
            }
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"{path} still says '{seen}' {NotificationDeadline.TotalSeconds} s after the change committed.");
    }

    private static SortedDictionary<string, string> Headers(HttpResponseMessage response) =>
        new(response.Headers.Concat(response.Content.Headers)
            .Where(header => header.Key != "Date")
            .ToDictionary(header => header.Key, header => string.Join(",", header.Value)), StringComparer.OrdinalIgnoreCase);
}
