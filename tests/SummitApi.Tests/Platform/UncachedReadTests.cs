using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SummitApi.Platform.Data;

namespace SummitApi.Tests.Platform;

/// <summary>The service with its response cache off: every read reaches the database.</summary>
public sealed class UncachedSummitApiFactory : SummitApiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ResponseCache:Enabled", "false");
    }
}

/// <summary>What an uncached read costs the database: the statements it sends (issue 20).</summary>
public sealed class UncachedReadTests(UncachedSummitApiFactory factory) : IClassFixture<UncachedSummitApiFactory>, IDisposable
{
    private readonly SqlCommandRecorder _sql = new();

    [Theory]
    [InlineData("/api/v1/concessions/us-fentanyl-tariff-cut")]
    [InlineData("/api/v1/summits/busan-2025")]
    [InlineData("/api/v1/outcomes/truce-extension")]
    public async Task A_read_by_id_is_one_statement(string path)
    {
        var (response, commands) = await GetTwiceAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, commands);
    }

    [Theory]
    [InlineData("/api/v1/concessions?giver=US&limit=2")]
    [InlineData("/api/v1/concessions?activeOn=2025-11-15&dateBasis=stated")]
    [InlineData("/api/v1/outcomes?summit=busan-2025&topic=tariffs")]
    [InlineData("/api/v1/timeline?from=2025-11-01")]
    [InlineData("/api/v1/summits/busan-2025/outcomes")]
    [InlineData("/api/v1/sources/nyt-kuo-pierson-2025-10-30/citations?limit=2")]
    public async Task A_first_list_page_is_one_statement_with_its_revision_and_checks(string path)
    {
        var (response, commands) = await GetTwiceAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, commands);
    }

    [Fact]
    public async Task A_filter_naming_nothing_is_checked_after_the_empty_page_and_answers_the_400_of_before()
    {
        var (response, commands) = await GetTwiceAsync("/api/v1/concessions?giver=XX&topic=nothing&limit=2");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(2, commands);
        var errors = (await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync())).RootElement.GetProperty("errors");
        Assert.Equal(["giver", "topic"], errors.EnumerateObject().Select(error => error.Name));
        Assert.Equal("No party has the id 'XX'.", errors.GetProperty("giver")[0].GetString());
        Assert.Equal("'nothing' is not a known topic code; see /api/v1/vocabularies.", errors.GetProperty("topic")[0].GetString());
    }

    [Fact]
    public async Task A_later_page_is_one_statement_while_its_tables_stay_as_its_cursor_pinned_them_and_is_read_pinned_once_they_move()
    {
        var client = factory.CreateClient();
        var first = await client.GetFromJsonAsync<JsonElement>("/api/v1/concessions?limit=2");
        var later = "/api/v1/concessions?limit=2&cursor=" + Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!);
        var (unmoved, commands) = await GetTwiceAsync(later);
        Assert.Equal(1, commands);

        await factory.WriteOutsideTheApiAsync("test", "a concession on the later page changes after the first page",
            "UPDATE concession SET notes = 'Written after the first page.' WHERE id = (SELECT id FROM concession ORDER BY id OFFSET 2 LIMIT 1)");
        var (moved, commandsAfter) = await _sql.GetAsync(client, later);

        // The page from the tables, which have moved; the pin; the page again, as the cursor pinned it.
        Assert.Equal(3, commandsAfter);
        Assert.Equal(await unmoved.Content.ReadAsStringAsync(), await moved.Content.ReadAsStringAsync());
        Assert.DoesNotContain("Written after the first page.", await moved.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_date_filter_with_an_unknown_basis_is_refused_without_reading_its_rows()
    {
        var (response, commands) = await GetTwiceAsync("/api/v1/concessions?activeOn=2025-11-15&dateBasis=stated,guessed");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(1, commands);
    }

    [Fact]
    public async Task Readout_differences_are_one_statement_and_follow_a_write_at_once()
    {
        var path = "/api/v1/summits/busan-2025/readout-differences";
        var (before, commands) = await GetTwiceAsync(path);
        Assert.Equal(1, commands);

        await factory.WriteOutsideTheApiAsync("test", "a claim changes under the memo",
            "UPDATE readout_statement SET claim = 'A claim this test wrote.' WHERE id = (SELECT min(id) FROM readout_statement WHERE claim IS NOT NULL)");
        var (after, commandsAfter) = await _sql.GetAsync(factory.CreateClient(), path);

        Assert.Equal(1, commandsAfter);
        Assert.DoesNotContain("A claim this test wrote.", await before.Content.ReadAsStringAsync());
        Assert.Contains("A claim this test wrote.", await after.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_as_of_read_by_id_sends_its_pin_and_its_read_in_one_command()
    {
        var asOf = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"));
        await factory.WriteOutsideTheApiAsync("test", "a revision after the instant asked for",
            "UPDATE summit SET notes = 'Written after the asOf instant.' WHERE id = 'busan-2025'");

        var (response, commands) = await GetTwiceAsync($"/api/v1/summits/busan-2025?asOf={asOf}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Written after the asOf instant.", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, commands);
    }

    [Fact]
    public async Task An_as_of_read_by_id_after_the_last_write_answers_as_the_table_does()
    {
        var current = await factory.CreateClient().GetStringAsync("/api/v1/outcomes/truce-extension");
        var asOf = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"));

        var then = await factory.CreateClient().GetStringAsync($"/api/v1/outcomes/truce-extension?asOf={asOf}");

        Assert.Equal(current, then);
    }

    [Fact]
    public async Task An_as_of_list_page_opens_and_pins_its_snapshot_in_one_statement()
    {
        var asOf = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"));
        await factory.WriteOutsideTheApiAsync("test", "a revision after the instant asked for",
            "UPDATE summit SET notes = 'Written after the asOf list instant.' WHERE id = 'busan-2025'");

        var (response, commands) = await GetTwiceAsync($"/api/v1/summits?asOf={asOf}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Written after the asOf list instant.", await response.Content.ReadAsStringAsync());
        Assert.Equal(2, commands);
    }

    [Fact]
    public void The_service_prepares_its_statements_automatically_unless_its_connection_string_says_otherwise()
    {
        var served = new NpgsqlConnectionStringBuilder(factory.Services.GetRequiredService<NpgsqlDataSource>().ConnectionString);
        var chosen = new NpgsqlConnectionStringBuilder("Host=localhost;Max Auto Prepare=0");
        ConnectionSettings.PrepareStatementsAutomatically(chosen);

        Assert.Equal(64, served.MaxAutoPrepare);
        Assert.Equal(0, chosen.MaxAutoPrepare);
    }

    [Fact]
    public void Plain_reads_are_multiplexed_unless_configured_off_or_the_connection_string_says_otherwise()
    {
        var service = new NpgsqlConnectionStringBuilder("Host=localhost");
        var chosen = new NpgsqlConnectionStringBuilder("Host=localhost;Multiplexing=false");

        Assert.True(ConnectionSettings.ForPlainReads(service, multiplex: true).Multiplexing);
        Assert.False(ConnectionSettings.ForPlainReads(service, multiplex: false).Multiplexing);
        Assert.False(ConnectionSettings.ForPlainReads(chosen, multiplex: true).Multiplexing);
        Assert.False(service.Multiplexing);
    }

    [Fact]
    public void Pooled_sessions_are_not_reset_and_the_pool_is_bounded_unless_the_connection_string_says_otherwise()
    {
        var defaults = new NpgsqlConnectionStringBuilder("Host=localhost");
        var chosen = new NpgsqlConnectionStringBuilder("Host=localhost;No Reset On Close=false;Maximum Pool Size=100");
        ConnectionSettings.ApplyServiceDefaults(defaults);
        ConnectionSettings.ApplyServiceDefaults(chosen);

        Assert.True(defaults.NoResetOnClose);
        Assert.Equal(Math.Max(16, 4 * Environment.ProcessorCount), defaults.MaxPoolSize);
        Assert.False(chosen.NoResetOnClose);
        Assert.Equal(100, chosen.MaxPoolSize);
    }

    [Fact]
    public async Task The_service_s_sessions_compile_no_statements_unless_its_connection_string_sets_jit()
    {
        await using var connection = await factory.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var show = new NpgsqlCommand("SHOW jit", connection);
        var chosen = new NpgsqlConnectionStringBuilder("Host=localhost;Options=-c jit=on");
        ConnectionSettings.ApplyServiceDefaults(chosen);

        Assert.Equal("off", await show.ExecuteScalarAsync());
        Assert.Equal("-c jit=on", chosen.Options);
    }

    /// <summary>The second of two reads: the first one may open connections and prepare statements.</summary>
    private async Task<(HttpResponseMessage Response, int SqlCommands)> GetTwiceAsync(string path)
    {
        var client = factory.CreateClient();
        await _sql.GetAsync(client, path);
        return await _sql.GetAsync(client, path);
    }

    public void Dispose() => _sql.Dispose();
}
