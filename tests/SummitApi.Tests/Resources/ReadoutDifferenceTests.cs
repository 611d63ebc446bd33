using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using SummitApi.Resources.Readouts;
using SummitApi.Resources.ReadoutDifferences;
using SummitApi.LocalPostgres;

namespace SummitApi.Tests.Resources;

/// <summary>The readout differences endpoint over the Busan seed set.</summary>
public class ReadoutDifferenceTests(SummitApiFactory factory) : IClassFixture<SummitApiFactory>
{
    private const string Busan = "/api/v1/summits/busan-2025/readout-differences";

    [Fact]
    public async Task Busan_differences_compare_both_parties_on_every_topic_of_its_statements_and_outcomes_in_topic_order()
    {
        var differences = await factory.CreateClient().GetFromJsonAsync<JsonElement>(Busan);

        Assert.Equal("busan-2025", differences.GetProperty("summitId").GetString());
        Assert.Equal(["CN", "US"], differences.GetProperty("parties").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(
            ["agriculture", "bilateral_relations", "diplomatic_visits", "export_controls", "fentanyl", "leader_rapport", "meeting_assessment",
             "mutual_retaliation", "nuclear_testing", "rare_earths", "shipping", "south_china_sea", "taiwan", "tariffs", "trade_truce", "ukraine"],
            Items(differences).Select(d => d.GetProperty("topic").GetString()));
        Assert.All(Items(differences), d => Assert.Equal(["CN", "US"], d.GetProperty("stances").EnumerateArray().Select(s => s.GetProperty("party").GetString())));
        Assert.False(differences.TryGetProperty("nextCursor", out _));
    }

    /// <summary>
    /// Every Busan topic's classification and each party's stance with its basis, as the two source documents support
    /// them: silence of the sources is not_reported, only a source's remark makes not_mentioned, and a US stance
    /// reported by a source without naming the account rests on source_report.
    /// </summary>
    [Fact]
    public async Task Busan_classifies_every_topic_with_each_stance_on_its_basis()
    {
        var differences = await factory.CreateClient().GetFromJsonAsync<JsonElement>(Busan);

        Assert.Equal(
            [
                "agriculture one_sided: CN not_reported none, US asserts statement",
                "bilateral_relations one_sided: CN not_reported none, US asserts source_report",
                "diplomatic_visits one_sided: CN not_reported none, US asserts source_report",
                "export_controls one_sided: CN not_reported none, US asserts source_report",
                "fentanyl one_sided: CN not_reported none, US asserts statement",
                "leader_rapport consistent: CN asserts source_report, US asserts source_report",
                "meeting_assessment conflicting: CN asserts statement, US asserts source_report",
                "mutual_retaliation one_sided: CN asserts statement, US not_reported none",
                "nuclear_testing one_sided: CN not_reported none, US asserts statement",
                "rare_earths one_sided: CN asserts statement, US not_reported none",
                "shipping unattributed: CN not_reported none, US not_reported none",
                "south_china_sea absent_from_all: CN not_mentioned source_remark, US not_mentioned source_remark",
                "taiwan absent_from_all: CN not_mentioned source_remark, US not_mentioned source_remark",
                "tariffs one_sided: CN not_reported none, US asserts source_report",
                "trade_truce one_sided: CN asserts statement, US not_reported none",
                "ukraine one_sided: CN not_reported none, US asserts source_report",
            ],
            Items(differences).Select(d => $"{d.GetProperty("topic").GetString()} {d.GetProperty("classification").GetString()}: {string.Join(", ", Stances(d))}"));
    }

    [Fact]
    public async Task Every_stance_but_silence_rests_on_cited_statements_and_silence_on_none()
    {
        var differences = await factory.CreateClient().GetFromJsonAsync<JsonElement>(Busan);

        Assert.All(Items(differences).SelectMany(d => d.GetProperty("stances").EnumerateArray()), stance =>
        {
            var statements = stance.GetProperty("statements").EnumerateArray().ToList();
            if (stance.GetProperty("basis").GetString() == "none")
            {
                Assert.Empty(statements);
            }
            else
            {
                Assert.NotEmpty(statements);
                Assert.All(statements, s => Assert.NotEmpty(s.GetProperty("citations").EnumerateArray()));
            }
        });
    }

    [Theory]
    [InlineData("taiwan")]
    [InlineData("south_china_sea")]
    public async Task A_topic_a_source_says_every_account_left_out_is_absent_from_all_on_the_strength_of_that_remark(string topic)
    {
        var difference = await TopicAsync(topic);

        Assert.Equal("absent_from_all", difference.GetProperty("classification").GetString());
        Assert.All(difference.GetProperty("stances").EnumerateArray(), s =>
        {
            var statement = Assert.Single(s.GetProperty("statements").EnumerateArray());
            Assert.Equal("not_mentioned", statement.GetProperty("stance").GetString());
            Assert.Equal("source_remark", statement.GetProperty("basis").GetString());
            Assert.Equal(JsonValueKind.Null, statement.GetProperty("claim").ValueKind);
        });
    }

    [Fact]
    public async Task Meeting_assessment_is_conflicting_between_twelve_out_of_ten_and_the_cautious_chinese_read_out()
    {
        var difference = await TopicAsync("meeting_assessment");

        Assert.Equal("conflicting", difference.GetProperty("classification").GetString());
        var us = StatementsOf(difference, "US").Single();
        Assert.Equal("us-trump-remarks-12-out-of-10", us.GetProperty("id").GetString());
        Assert.Equal("us-trump-remarks-busan", us.GetProperty("readoutId").GetString());
        Assert.Equal("Trump dubbed the Busan summit a “12 out of 10”.", us.GetProperty("claim").GetString());
        Assert.Equal(["cn-summary-meeting-assessment"], us.GetProperty("contradicts").EnumerateArray().Select(c => c.GetString()));
        Assert.NotEmpty(us.GetProperty("citations").EnumerateArray());
        Assert.Equal("cn-summary-meeting-assessment", StatementsOf(difference, "CN").Single().GetProperty("id").GetString());
    }

    [Fact]
    public async Task Export_controls_rest_on_the_analysis_reporting_trumps_pledge_and_china_is_not_reported()
    {
        var difference = await TopicAsync("export_controls");

        Assert.Equal("one_sided", difference.GetProperty("classification").GetString());
        Assert.Empty(StatementsOf(difference, "CN"));
        var pledge = Assert.Single(StatementsOf(difference, "US"));
        Assert.Equal("us-trump-pledge-entity-list-suspension", pledge.GetProperty("id").GetString());
        Assert.Equal("source_report", pledge.GetProperty("basis").GetString());
        var citation = Assert.Single(pledge.GetProperty("citations").EnumerateArray());
        Assert.Contains("Trump pledged", citation.GetProperty("excerpt").GetString());
    }

    [Fact]
    public async Task Port_fees_which_only_the_press_reports_are_unattributed_with_both_parties_not_reported()
    {
        var difference = await TopicAsync("shipping");

        Assert.Equal("unattributed", difference.GetProperty("classification").GetString());
        Assert.All(difference.GetProperty("stances").EnumerateArray(), s => Assert.Empty(s.GetProperty("statements").EnumerateArray()));
    }

    [Fact]
    public async Task Leader_rapport_is_consistent_because_the_two_remarks_are_linked_as_one_claim()
    {
        var difference = await TopicAsync("leader_rapport");

        Assert.Equal("consistent", difference.GetProperty("classification").GetString());
        Assert.Equal(["us-trump-remarks-great-friend"], StatementsOf(difference, "CN").Single().GetProperty("agreesWith").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["cn-xi-make-america-great-again"], StatementsOf(difference, "US").Single().GetProperty("agreesWith").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Rare_earths_is_one_sided_though_a_chinese_statement_notes_an_omission_because_other_chinese_statements_assert()
    {
        var difference = await TopicAsync("rare_earths");

        Assert.Equal(
            ["cn-mofcom-april-controls", "cn-mofcom-october-rare-earth-suspension"],
            StatementsOf(difference, "CN").Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Differences_filter_by_classification()
    {
        var client = factory.CreateClient();

        var topicsBy = new Dictionary<string, string[]>();
        foreach (var classification in DifferenceClassifier.Classifications)
        {
            var differences = await client.GetFromJsonAsync<JsonElement>($"{Busan}?classification={classification}");
            Assert.All(Items(differences), d => Assert.Equal(classification, d.GetProperty("classification").GetString()));
            Assert.Equal(["CN", "US"], differences.GetProperty("parties").EnumerateArray().Select(p => p.GetString()));
            topicsBy[classification] = Items(differences).Select(d => d.GetProperty("topic").GetString()!).ToArray();
        }

        Assert.Equal(["leader_rapport"], topicsBy["consistent"]);
        Assert.Equal(["meeting_assessment"], topicsBy["conflicting"]);
        Assert.Equal(
            ["agriculture", "bilateral_relations", "diplomatic_visits", "export_controls", "fentanyl", "mutual_retaliation", "nuclear_testing",
             "rare_earths", "tariffs", "trade_truce", "ukraine"],
            topicsBy["one_sided"]);
        Assert.Equal(["south_china_sea", "taiwan"], topicsBy["absent_from_all"]);
        Assert.Equal(["shipping"], topicsBy["unattributed"]);
    }

    [Fact]
    public async Task Differences_filter_by_topic_and_by_topic_and_classification_together()
    {
        var client = factory.CreateClient();

        var taiwan = await client.GetFromJsonAsync<JsonElement>($"{Busan}?topic=taiwan");
        Assert.Equal(["taiwan"], Items(taiwan).Select(d => d.GetProperty("topic").GetString()));

        var taiwanConsistent = await client.GetFromJsonAsync<JsonElement>($"{Busan}?topic=taiwan&classification=consistent");
        Assert.Empty(Items(taiwanConsistent));

        var untouched = await client.GetFromJsonAsync<JsonElement>($"{Busan}?topic=military_dialogue");
        Assert.Empty(Items(untouched));
    }

    [Fact]
    public async Task Differences_are_computed_on_every_request_and_parties_without_readouts_have_no_readout()
    {
        var client = factory.CreateClient();
        const string call = "/api/v1/summits/trump-xi-call-2025-11/readout-differences";
        var before = await client.GetFromJsonAsync<JsonElement>(call);
        Assert.Equal(["CN", "US"], before.GetProperty("parties").EnumerateArray().Select(p => p.GetString()));
        Assert.Empty(Items(before));

        await AddOutcomeAsync("trump-xi-call-2025-11", "military_dialogue");

        var after = await client.GetFromJsonAsync<JsonElement>(call);
        var difference = Assert.Single(Items(after));
        Assert.Equal("military_dialogue", difference.GetProperty("topic").GetString());
        Assert.Equal("unattributed", difference.GetProperty("classification").GetString());
        Assert.Equal(["CN no_readout none", "US no_readout none"], Stances(difference));
    }

    [Fact]
    public async Task Differences_of_an_unknown_summit_are_a_404_problem()
    {
        await ApiAssertions.AssertNotFoundNamingAsync(factory.CreateClient(), "/api/v1/summits/no-such-summit/readout-differences", "no-such-summit");
    }

    [Theory]
    [InlineData("classification=unknown", "classification")]
    [InlineData("classification=Conflicting", "classification")]
    [InlineData("topic=weather", "topic")]
    [InlineData("party=US", "party")]
    [InlineData("limit=1", "limit")]
    [InlineData("topic=taiwan&topic=tariffs", "topic")]
    public async Task Bad_difference_input_is_a_400_naming_the_parameter(string query, string parameter)
    {
        await ApiAssertions.AssertBadRequestNamingAsync(factory.CreateClient(), $"{Busan}?{query}", parameter);
    }

    [Fact]
    public async Task The_v1_document_names_the_readout_operations_and_states_the_difference_rules()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/swagger/v1/swagger.json");
        var paths = document.GetProperty("paths");

        var differences = paths.GetProperty("/api/v1/summits/{summitId}/readout-differences").GetProperty("get");
        Assert.Equal("GetReadoutDifferences", differences.GetProperty("operationId").GetString());
        Assert.Contains("unattributed", differences.GetProperty("description").GetString());
        Assert.Equal(["summitId", "topic", "classification", "asOf", "Summit-Consistency-Token"], differences.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal("ListSummitReadouts", paths.GetProperty("/api/v1/summits/{summitId}/readouts").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("GetReadout", paths.GetProperty("/api/v1/readouts/{readoutId}").GetProperty("get").GetProperty("operationId").GetString());
        Assert.Equal("GetReadoutStatement", paths.GetProperty("/api/v1/readout-statements/{statementId}").GetProperty("get").GetProperty("operationId").GetString());
    }

    private async Task<JsonElement> TopicAsync(string topic)
    {
        var differences = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"{Busan}?topic={topic}");
        return Assert.Single(Items(differences));
    }

    private static List<JsonElement> Items(JsonElement differences) => differences.GetProperty("items").EnumerateArray().ToList();

    private static IEnumerable<string> Stances(JsonElement difference) =>
        difference.GetProperty("stances").EnumerateArray()
            .Select(s => $"{s.GetProperty("party").GetString()} {s.GetProperty("stance").GetString()} {s.GetProperty("basis").GetString()}");

    private static List<JsonElement> StatementsOf(JsonElement difference, string party) =>
        difference.GetProperty("stances").EnumerateArray()
            .Single(s => s.GetProperty("party").GetString() == party)
            .GetProperty("statements").EnumerateArray().ToList();

    /// <summary>A test-only outcome, written the way every write is: inside a change set, with a citation.</summary>
    private Task AddOutcomeAsync(string summitId, string topic) =>
        factory.WriteOutsideTheApiAsync("tests", "readout differences test", $"""
            INSERT INTO outcome (id, summit_id, topic, title, kind, status)
            VALUES ('test-outcome', '{summitId}', '{topic}', 'Test outcome', 'claim', 'announced');
            INSERT INTO citation (id, source_id, record_type, record_id, excerpt)
            VALUES ('test-outcome-citation', 'nyt-kuo-pierson-2025-10-30', 'outcome', 'test-outcome', 'Test excerpt.');
            """);
}
