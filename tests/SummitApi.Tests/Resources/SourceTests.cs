using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;

namespace SummitApi.Tests.Resources;

public class SourceTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    private const string Nyt = "nyt-kuo-pierson-2025-10-30";
    private const string Analysis = "unsigned-analysis-busan";

    /// <summary>Where each citable record type is served.</summary>
    private static readonly Dictionary<string, string> Resources = new()
    {
        ["actor"] = "actors",
        ["summit"] = "summits",
        ["outcome"] = "outcomes",
        ["concession"] = "concessions",
        ["readout"] = "readouts",
        ["readout_statement"] = "readout-statements",
        ["event"] = "events",
        ["assessment"] = "assessments",
        ["context_figure"] = "context-figures",
    };

    [Fact]
    public async Task Source_list_pages_through_every_source_in_id_order()
    {
        // Two sources: a page of one makes the walk cross a page boundary.
        var items = await factory.CreateClient().ReadAllInIdOrderAsync("/api/v1/sources?limit=1");

        Assert.Equal([Nyt, Analysis], items.Ids());
        Assert.Equal(await factory.CountAsync("SELECT count(*) FROM source"), items.Count);
    }

    [Fact]
    public async Task Source_is_served_with_its_authors_date_and_citation_count()
    {
        var source = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/sources/{Nyt}");

        Assert.Equal("How Xi Walked Away From Trump Trade Talks Looking Stronger", source.GetProperty("title").GetString());
        Assert.Equal("The New York Times", source.GetProperty("publisher").GetString());
        Assert.Equal(["Lily Kuo", "David Pierson"], source.GetProperty("authors").EnumerateArray().Select(a => a.GetString()!));
        Assert.Equal("2025-10-30", source.GetProperty("publishedDate").GetString());
        Assert.Equal("day", source.GetProperty("publishedDatePrecision").GetString());
        Assert.Equal(JsonValueKind.Null, source.GetProperty("publishedDateQualifier").ValueKind);
        Assert.Equal("news_analysis", source.GetProperty("kind").GetString());
        Assert.Equal("82152011ff9babe249ce0fb6ae9c52a1aa7a33a51dc3e536c695511b0197f10c", source.GetProperty("sha256").GetString());
        var count = await factory.CountAsync($"SELECT count(*) FROM citation WHERE source_id = '{Nyt}'");
        Assert.True(count > 0);
        Assert.Equal(count, source.GetProperty("citationCount").GetInt32());
    }

    [Fact]
    public async Task Unsigned_source_has_null_authors_title_and_date()
    {
        var source = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/sources/{Analysis}");

        Assert.Equal(JsonValueKind.Null, source.GetProperty("authors").ValueKind);
        Assert.Equal(JsonValueKind.Null, source.GetProperty("title").ValueKind);
        Assert.Equal(JsonValueKind.Null, source.GetProperty("publishedDate").ValueKind);
        Assert.Equal("analysis", source.GetProperty("kind").GetString());
        Assert.StartsWith("Unsigned analysis of the 30 October 2025 Busan meeting.", source.GetProperty("notes").GetString());
    }

    [Theory]
    [InlineData(Nyt)]
    [InlineData(Analysis)]
    public async Task Following_every_citation_of_a_source_yields_each_one_once_with_a_path_to_its_record(string sourceId)
    {
        var client = factory.CreateClient();
        var citations = await client.ReadAllInIdOrderAsync($"/api/v1/sources/{sourceId}/citations?limit=5");

        Assert.Equal(await factory.CountAsync($"SELECT count(*) FROM citation WHERE source_id = '{sourceId}'"), citations.Count);
        Assert.All(citations, c =>
        {
            Assert.Equal(sourceId, c.GetProperty("sourceId").GetString());
            var resource = Resources[c.GetProperty("recordType").GetString()!];
            Assert.Equal($"/api/v1/{resource}/{c.GetProperty("recordId").GetString()}", c.GetProperty("recordPath").GetString());
        });
        foreach (var citation in citations.Where(c => c.GetProperty("recordType").GetString() is "actor" or "assessment" or "context_figure" or "summit"))
        {
            var path = citation.GetProperty("recordPath").GetString()!;
            var record = await client.GetAsync(path);
            Assert.True(record.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)record.StatusCode}");
            var body = await record.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(citation.GetProperty("recordId").GetString(), body.GetProperty("id").GetString());
            Assert.Contains(body.GetProperty("citations").EnumerateArray(), c =>
                c.GetProperty("sourceId").GetString() == sourceId && c.GetProperty("excerpt").GetString() == citation.GetProperty("excerpt").GetString());
        }
    }

    [Fact]
    public async Task Citation_list_pages_through_every_citation_once_in_id_order()
    {
        var citations = await factory.CreateClient().ReadAllInIdOrderAsync("/api/v1/citations?limit=40");

        Assert.Equal(await factory.CountAsync("SELECT count(*) FROM citation"), citations.Count);
    }

    [Theory]
    [InlineData(Nyt, null)]
    [InlineData(null, "concession")]
    [InlineData(Analysis, "readout_statement")]
    public async Task Citation_list_filters_by_source_and_record_type(string? source, string? recordType)
    {
        var query = string.Join('&', new[] { source is null ? null : $"source={source}", recordType is null ? null : $"recordType={recordType}" }.OfType<string>());

        var citations = await factory.CreateClient().ReadAllInIdOrderAsync($"/api/v1/citations?limit=20&{query}");

        Assert.Equal(await factory.CountAsync(
            $"SELECT count(*) FROM citation WHERE {(source is null ? "true" : $"source_id = '{source}'")} AND {(recordType is null ? "true" : $"record_type = '{recordType}'")}"),
            citations.Count);
        Assert.NotEmpty(citations);
        Assert.All(citations, c =>
        {
            Assert.True(source is null || c.GetProperty("sourceId").GetString() == source);
            Assert.True(recordType is null || c.GetProperty("recordType").GetString() == recordType);
        });
    }

    [Fact]
    public async Task Citation_list_as_of_before_the_first_change_is_empty()
    {
        var page = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/citations?asOf=2000-01-01T00:00:00Z");

        Assert.Empty(page.GetProperty("items").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
    }

    [Theory]
    [InlineData("readout_statement", "/api/v1/readout-statements/")]
    [InlineData("context_figure", "/api/v1/context-figures/")]
    [InlineData("event", "/api/v1/events/")]
    [InlineData("concession", "/api/v1/concessions/")]
    public async Task Citation_record_path_names_the_records_resource(string recordType, string pathPrefix)
    {
        await using var connection = await factory.OpenConnectionAsync();
        var (id, recordId) = await connection.QueryFirstAsync<(string, string)>(
            "SELECT id, record_id FROM citation WHERE record_type = @recordType ORDER BY id", new { recordType });

        var citation = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/citations/{id}");

        Assert.Equal(recordType, citation.GetProperty("recordType").GetString());
        Assert.Equal(pathPrefix + recordId, citation.GetProperty("recordPath").GetString());
    }

    [Fact]
    public async Task Citation_is_served_with_its_source_record_and_excerpt()
    {
        await using var connection = await factory.OpenConnectionAsync();
        var id = await connection.QuerySingleAsync<string>(
            "SELECT id FROM citation WHERE record_type = 'assessment' AND record_id = 'zhu-feng-lose-lose'");

        var citation = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/citations/{id}");

        Assert.Equal(id, citation.GetProperty("id").GetString());
        Assert.Equal(Nyt, citation.GetProperty("sourceId").GetString());
        Assert.Equal("assessment", citation.GetProperty("recordType").GetString());
        Assert.Equal("zhu-feng-lose-lose", citation.GetProperty("recordId").GetString());
        Assert.Equal("/api/v1/assessments/zhu-feng-lose-lose", citation.GetProperty("recordPath").GetString());
        Assert.Equal(
            "If Trump had forced China to implement its complete export controls on rare earths, it would have been a lose-lose situation for both sides",
            citation.GetProperty("excerpt").GetString());
    }

    [Theory]
    [InlineData("/api/v1/sources/no-such-source", "no-such-source")]
    [InlineData("/api/v1/sources/no-such-source/citations", "no-such-source")]
    [InlineData("/api/v1/citations/cit-0000000000000000", "cit-0000000000000000")]
    public async Task Unknown_source_or_citation_is_a_404_problem(string path, string id)
    {
        await ApiAssertions.AssertNotFoundNamingAsync(factory.CreateClient(), path, id);
    }

    [Theory]
    [InlineData("/api/v1/sources?colour=red", "colour")]
    [InlineData("/api/v1/sources?limit=0", "limit")]
    [InlineData("/api/v1/sources?limit=100000", "limit")]
    [InlineData($"/api/v1/sources/{Nyt}/citations?record=actor", "record")]
    [InlineData($"/api/v1/sources/{Nyt}/citations?limit=0", "limit")]
    [InlineData($"/api/v1/sources/{Nyt}/citations?limit=100000", "limit")]
    [InlineData("/api/v1/citations?source=no-such-source", "source")]
    [InlineData("/api/v1/citations?source=", "source")]
    [InlineData("/api/v1/citations?recordType=party", "recordType")]
    [InlineData("/api/v1/citations?limit=", "limit")]
    public async Task Source_lists_reject_bad_input_with_a_400_naming_the_parameter(string path, string parameter)
    {
        await ApiAssertions.AssertBadRequestNamingAsync(factory.CreateClient(), path, parameter);
    }

    [Theory]
    [InlineData("/api/v1/sources?limit=1")]
    [InlineData($"/api/v1/sources/{Nyt}/citations?limit=2")]
    [InlineData("/api/v1/citations?recordType=concession&limit=2")]
    public async Task Source_lists_reject_an_edited_cursor(string path)
    {
        await ApiAssertions.AssertEditedCursorIsRefusedAsync(factory.CreateClient(), path);
    }

    [Fact]
    public async Task A_cursor_of_one_sources_citations_does_not_continue_another_sources()
    {
        await ApiAssertions.AssertCursorDoesNotContinueAsync(
            factory.CreateClient(), $"/api/v1/sources/{Nyt}/citations?limit=2", $"/api/v1/sources/{Analysis}/citations?limit=2");
    }

    [Fact]
    public async Task A_cursor_of_the_citations_of_one_record_type_does_not_continue_another()
    {
        await ApiAssertions.AssertCursorDoesNotContinueAsync(
            factory.CreateClient(), "/api/v1/citations?recordType=concession&limit=2", "/api/v1/citations?recordType=event&limit=2");
    }
}
