using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using SummitApi.Resources.Vocabularies;
using SummitApi.Platform.Validation;

namespace SummitApi.Tests.Resources;

public class VocabularyTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    private static readonly string[] ComputedLists = ["datePrecisions", "dateQualifiers", "readoutDifferenceClassifications", "stanceBases"];

    [Fact]
    public async Task Vocabularies_list_every_vocabulary_in_order_then_the_computed_lists()
    {
        var vocabularies = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/vocabularies");

        Assert.Equal(VocabularyList.All.Select(v => v.Name).Concat(ComputedLists), vocabularies.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Vocabularies_hold_every_term_of_every_table_ordered_by_code()
    {
        var vocabularies = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/vocabularies");
        await using var connection = await factory.OpenConnectionAsync();

        foreach (var vocabulary in VocabularyList.All)
        {
            var expected = (await connection.QueryAsync<(string, string, string?)>(
                $"SELECT code, label, description FROM {vocabulary.Table} ORDER BY code")).ToList();
            Assert.NotEmpty(expected);
            Assert.Equal(expected, vocabularies.GetProperty(vocabulary.Name).EnumerateArray().Select(Term));
        }
    }

    [Fact]
    public async Task Vocabularies_include_the_codes_the_seed_data_uses()
    {
        var vocabularies = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/vocabularies");

        Assert.Contains(("taiwan", "Taiwan"), Codes(vocabularies, "topics").Select(t => (t.Code, t.Label)));
        Assert.Contains("reduce_tariff", Codes(vocabularies, "concessionActions").Select(t => t.Code));
        Assert.Contains(("percent", "Percent", "A percentage, e.g. a tariff rate or a share."), Codes(vocabularies, "units"));
        Assert.Contains("not_mentioned", Codes(vocabularies, "stances").Select(t => t.Code));

        await using var connection = await factory.OpenConnectionAsync();
        var used = await connection.QueryAsync<(string Vocabulary, string Code)>("""
            SELECT 'topics', topic FROM outcome UNION SELECT 'topics', topic FROM readout_statement
            UNION SELECT 'topics', topic FROM assessment WHERE topic IS NOT NULL
            UNION SELECT 'concessionActions', action FROM concession
            UNION SELECT 'units', unit FROM concession WHERE unit IS NOT NULL UNION SELECT 'units', unit FROM context_figure
            UNION SELECT 'eventKinds', kind FROM event UNION SELECT 'summitStatuses', status FROM summit
            UNION SELECT 'bounds', bound FROM context_figure WHERE bound IS NOT NULL
            """);
        Assert.All(used, u => Assert.Contains(u.Code, Codes(vocabularies, u.Vocabulary).Select(t => t.Code)));
    }

    [Fact]
    public async Task Vocabularies_include_date_precisions_date_qualifiers_and_readout_difference_classifications()
    {
        var vocabularies = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/vocabularies");

        Assert.Equal(RuleExtensions.DatePrecisions, Codes(vocabularies, "datePrecisions").Select(t => t.Code));
        Assert.Equal(RuleExtensions.DateQualifiers, Codes(vocabularies, "dateQualifiers").Select(t => t.Code));
        Assert.Equal(["consistent", "conflicting", "one_sided", "absent_from_all", "unattributed"], Codes(vocabularies, "readoutDifferenceClassifications").Select(t => t.Code));
        Assert.Equal(["statement", "source_report", "source_remark", "none"], Codes(vocabularies, "stanceBases").Select(t => t.Code));
        Assert.All(ComputedLists.SelectMany(list => Codes(vocabularies, list)), t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Label));
            Assert.False(string.IsNullOrWhiteSpace(t.Description));
        });
    }

    [Fact]
    public async Task Vocabularies_take_no_query_parameters()
    {
        await ApiAssertions.AssertBadRequestNamingAsync(factory.CreateClient(), "/api/v1/vocabularies?limit=5", "limit");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_vocabularies_shape()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");

        var properties = document.GetProperty("components").GetProperty("schemas").GetProperty("Vocabularies").GetProperty("properties");
        Assert.Equal(VocabularyList.All.Select(v => v.Name).Concat(ComputedLists).Order(StringComparer.Ordinal),
            properties.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    private static (string Code, string Label, string? Description) Term(JsonElement term) =>
        (term.GetProperty("code").GetString()!, term.GetProperty("label").GetString()!, term.GetProperty("description").GetString());

    private static List<(string Code, string Label, string? Description)> Codes(JsonElement vocabularies, string name) =>
        [.. vocabularies.GetProperty(name).EnumerateArray().Select(Term)];
}
