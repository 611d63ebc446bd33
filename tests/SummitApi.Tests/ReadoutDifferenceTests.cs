using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;
using SummitApi.Features.Readouts;
using SummitApi.Infrastructure.Database;
using SummitApi.Tests.Infrastructure;

namespace SummitApi.Tests;

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
            ["agriculture", "bilateral_relations", "diplomatic_visits", "export_controls", "fentanyl", "meeting_assessment", "nuclear_testing",
             "rare_earths", "shipping", "south_china_sea", "taiwan", "tariffs", "trade_truce", "ukraine"],
            Items(differences).Select(d => d.GetProperty("topic").GetString()));
        Assert.All(Items(differences), d => Assert.Equal(["CN", "US"], d.GetProperty("stances").EnumerateArray().Select(s => s.GetProperty("party").GetString())));
        Assert.False(differences.TryGetProperty("nextCursor", out _));
    }

    [Theory]
    [InlineData("taiwan")]
    [InlineData("south_china_sea")]
    public async Task A_topic_every_readout_is_noted_to_leave_out_is_absent_from_all_on_the_strength_of_statements(string topic)
    {
        var difference = await TopicAsync(topic);

        Assert.Equal("absent_from_all", difference.GetProperty("classification").GetString());
        Assert.Equal(["CN not_mentioned statement", "US not_mentioned statement"], Stances(difference));
        Assert.All(difference.GetProperty("stances").EnumerateArray(), s =>
        {
            var statement = Assert.Single(s.GetProperty("statements").EnumerateArray());
            Assert.Equal("not_mentioned", statement.GetProperty("stance").GetString());
            Assert.Equal(JsonValueKind.Null, statement.GetProperty("claim").ValueKind);
        });
    }

    [Fact]
    public async Task Meeting_assessment_is_conflicting_between_twelve_out_of_ten_and_the_cautious_chinese_read_out()
    {
        var difference = await TopicAsync("meeting_assessment");

        Assert.Equal("conflicting", difference.GetProperty("classification").GetString());
        Assert.Equal(["CN asserts statement", "US asserts statement"], Stances(difference));
        var us = StatementsOf(difference, "US").Single();
        Assert.Equal("us-trump-remarks-12-out-of-10", us.GetProperty("id").GetString());
        Assert.Equal("us-trump-remarks-busan", us.GetProperty("readoutId").GetString());
        Assert.Equal("Trump dubbed the Busan summit a “12 out of 10”.", us.GetProperty("claim").GetString());
        Assert.Equal(["cn-summary-meeting-assessment"], us.GetProperty("contradicts").EnumerateArray().Select(c => c.GetString()));
        Assert.NotEmpty(us.GetProperty("citations").EnumerateArray());
        Assert.Equal("cn-summary-meeting-assessment", StatementsOf(difference, "CN").Single().GetProperty("id").GetString());
    }

    [Fact]
    public async Task Fentanyl_is_one_sided_china_not_mentioning_it_by_inference()
    {
        var difference = await TopicAsync("fentanyl");

        Assert.Equal("one_sided", difference.GetProperty("classification").GetString());
        Assert.Equal(["CN not_mentioned inferred", "US asserts statement"], Stances(difference));
        Assert.Empty(StatementsOf(difference, "CN"));
        Assert.Equal(["us-trump-remarks-fentanyl-chemicals"], StatementsOf(difference, "US").Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Agriculture_which_only_trump_reports_is_one_sided_though_the_analysis_calls_the_soybeans_xis_offer()
    {
        var difference = await TopicAsync("agriculture");

        Assert.Equal("one_sided", difference.GetProperty("classification").GetString());
        Assert.Equal(["CN not_mentioned inferred", "US asserts statement"], Stances(difference));
        Assert.Empty(StatementsOf(difference, "CN"));
        Assert.Equal(["us-trump-remarks-soybeans", "us-truth-social-farmers"], StatementsOf(difference, "US").Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Bilateral_relations_which_both_sides_assert_is_consistent_with_every_asserting_statement()
    {
        var difference = await TopicAsync("bilateral_relations");

        Assert.Equal("consistent", difference.GetProperty("classification").GetString());
        Assert.Equal(["CN asserts statement", "US asserts statement"], Stances(difference));
        Assert.Equal(["cn-summary-twists-and-turns", "cn-xi-make-america-great-again"], StatementsOf(difference, "CN").Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Rare_earths_is_one_sided_though_a_chinese_statement_notes_an_omission_because_other_chinese_statements_assert()
    {
        var difference = await TopicAsync("rare_earths");

        Assert.Equal("one_sided", difference.GetProperty("classification").GetString());
        Assert.Equal(["CN asserts statement", "US not_mentioned inferred"], Stances(difference));
        Assert.Equal(
            ["cn-mofcom-april-controls", "cn-mofcom-october-rare-earth-suspension"],
            StatementsOf(difference, "CN").Select(s => s.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Shipping_which_only_an_outcome_reported_by_the_press_touches_is_absent_from_all_by_inference()
    {
        var difference = await TopicAsync("shipping");

        Assert.Equal("absent_from_all", difference.GetProperty("classification").GetString());
        Assert.Equal(["CN not_mentioned inferred", "US not_mentioned inferred"], Stances(difference));
        Assert.All(difference.GetProperty("stances").EnumerateArray(), s => Assert.Empty(s.GetProperty("statements").EnumerateArray()));
    }

    [Fact]
    public async Task Differences_filter_by_classification()
    {
        var client = factory.CreateClient();

        var topicsBy = new Dictionary<string, string[]>();
        foreach (var classification in ReadoutDifferences.Classifications)
        {
            var differences = await client.GetFromJsonAsync<JsonElement>($"{Busan}?classification={classification}");
            Assert.All(Items(differences), d => Assert.Equal(classification, d.GetProperty("classification").GetString()));
            Assert.Equal(["CN", "US"], differences.GetProperty("parties").EnumerateArray().Select(p => p.GetString()));
            topicsBy[classification] = Items(differences).Select(d => d.GetProperty("topic").GetString()!).ToArray();
        }

        Assert.Equal(["bilateral_relations"], topicsBy["consistent"]);
        Assert.Equal(["meeting_assessment"], topicsBy["conflicting"]);
        Assert.Equal(
            ["agriculture", "diplomatic_visits", "fentanyl", "nuclear_testing", "rare_earths", "tariffs", "trade_truce", "ukraine"],
            topicsBy["one_sided"]);
        Assert.Equal(["export_controls", "shipping", "south_china_sea", "taiwan"], topicsBy["absent_from_all"]);
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
        Assert.Equal("absent_from_all", difference.GetProperty("classification").GetString());
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
        Assert.Contains("absent_from_all", differences.GetProperty("description").GetString());
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

/// <summary>The pure comparison, rule by rule, on small hand-made inputs.</summary>
public class ReadoutDifferenceComputationTests
{
    [Fact]
    public void Parties_are_the_summits_and_its_readouts_sorted_and_topics_those_of_statements_and_outcomes_sorted()
    {
        var result = ReadoutDifferences.Compute("s", ["US", "CN"], ["EU"], [Statement("a", "EU", "tariffs")], ["shipping", "tariffs"]);

        Assert.Equal("s", result.SummitId);
        Assert.Equal(["CN", "EU", "US"], result.Parties);
        Assert.Equal(["shipping", "tariffs"], result.Items.Select(d => d.Topic));
        Assert.All(result.Items, d => Assert.Equal(["CN", "EU", "US"], d.Stances.Select(s => s.Party)));
    }

    [Fact]
    public void A_party_without_readouts_has_no_readout_on_the_basis_of_none()
    {
        var result = ReadoutDifferences.Compute("s", ["CN", "US"], ["US"], [Statement("a", "US", "tariffs")], []);

        var china = Stance(result, "tariffs", "CN");
        Assert.Equal(("no_readout", "none"), (china.Stance, china.Basis));
        Assert.Empty(china.Statements);
    }

    [Fact]
    public void A_party_whose_readouts_do_not_touch_a_topic_does_not_mention_it_by_inference()
    {
        // CN's readout has no statements at all: having a readout is enough.
        var result = ReadoutDifferences.Compute("s", ["CN", "US"], ["CN", "US"], [Statement("a", "US", "tariffs")], []);

        var china = Stance(result, "tariffs", "CN");
        Assert.Equal(("not_mentioned", "inferred"), (china.Stance, china.Basis));
        Assert.Empty(china.Statements);
    }

    [Fact]
    public void A_statement_noting_the_topic_was_left_out_is_not_mentioned_on_the_basis_of_that_statement()
    {
        var result = ReadoutDifferences.Compute("s", ["CN"], ["CN"], [Statement("a", "CN", "taiwan", "not_mentioned")], []);

        var china = Stance(result, "taiwan", "CN");
        Assert.Equal(("not_mentioned", "statement"), (china.Stance, china.Basis));
        Assert.Equal(["a"], china.Statements.Select(s => s.Id));
    }

    [Fact]
    public void One_asserting_statement_outweighs_a_not_mentioned_one_of_the_same_party()
    {
        var result = ReadoutDifferences.Compute("s", ["CN"], ["CN"],
            [Statement("b", "CN", "rare_earths", "not_mentioned"), Statement("a", "CN", "rare_earths")], []);

        var china = Stance(result, "rare_earths", "CN");
        Assert.Equal(("asserts", "statement"), (china.Stance, china.Basis));
        Assert.Equal(["a", "b"], china.Statements.Select(s => s.Id));
    }

    [Fact]
    public void Every_party_asserting_without_contradiction_is_consistent()
    {
        var result = ReadoutDifferences.Compute("s", ["CN", "US"], ["CN", "US"],
            [Statement("a", "CN", "agriculture"), Statement("b", "US", "agriculture")], []);

        Assert.Equal("consistent", Single(result).Classification);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void A_contradiction_linked_from_either_side_is_conflicting_even_when_every_party_asserts(bool usLinks, bool cnLinks)
    {
        var result = ReadoutDifferences.Compute("s", ["CN", "US"], ["CN", "US"],
            [Statement("cn", "CN", "meeting_assessment", contradicts: cnLinks ? ["us"] : []),
             Statement("us", "US", "meeting_assessment", contradicts: usLinks ? ["cn"] : [])], []);

        Assert.Equal("conflicting", Single(result).Classification);
    }

    [Fact]
    public void A_contradiction_beats_one_sidedness()
    {
        // CN asserts, US's statement notes the topic as left out but is linked as contradicting CN's.
        var result = ReadoutDifferences.Compute("s", ["CN", "US"], ["CN", "US"],
            [Statement("cn", "CN", "tariffs"), Statement("us", "US", "tariffs", "not_mentioned", contradicts: ["cn"])], []);

        Assert.Equal("conflicting", Single(result).Classification);
    }

    [Fact]
    public void A_contradiction_within_one_party_or_across_topics_or_to_an_unknown_statement_is_no_conflict()
    {
        var result = ReadoutDifferences.Compute("s", ["CN", "US"], ["CN", "US"],
            [Statement("cn1", "CN", "tariffs", contradicts: ["cn2"]), Statement("cn2", "CN", "tariffs"),
             Statement("us1", "US", "tariffs", contradicts: ["cn3", "elsewhere"]), Statement("cn3", "CN", "fentanyl")], []);

        Assert.Equal("consistent", result.Items.Single(d => d.Topic == "tariffs").Classification);
        Assert.Equal("one_sided", result.Items.Single(d => d.Topic == "fentanyl").Classification);
    }

    [Fact]
    public void Some_but_not_every_party_asserting_is_one_sided_whatever_the_others_basis()
    {
        var result = ReadoutDifferences.Compute("s", ["CN", "EU", "US"], ["CN", "US"],
            [Statement("a", "US", "fentanyl"), Statement("b", "CN", "fentanyl", "not_mentioned")], []);

        var difference = Single(result);
        Assert.Equal("one_sided", difference.Classification);
        Assert.Equal(["not_mentioned statement", "no_readout none", "asserts statement"], difference.Stances.Select(s => $"{s.Stance} {s.Basis}"));
    }

    [Fact]
    public void No_party_asserting_is_absent_from_all_whether_by_statement_inference_or_missing_readouts()
    {
        var result = ReadoutDifferences.Compute("s", ["CN", "EU", "US"], ["CN", "US"],
            [Statement("a", "CN", "taiwan", "not_mentioned"), Statement("b", "US", "tariffs")], ["taiwan"]);

        var taiwan = result.Items.Single(d => d.Topic == "taiwan");
        Assert.Equal("absent_from_all", taiwan.Classification);
        Assert.Equal(["not_mentioned statement", "no_readout none", "not_mentioned inferred"], taiwan.Stances.Select(s => $"{s.Stance} {s.Basis}"));
    }

    [Fact]
    public void An_outcome_topic_of_a_summit_without_parties_is_absent_from_all_not_consistent()
    {
        var result = ReadoutDifferences.Compute("s", [], [], [], ["shipping"]);

        var difference = Single(result);
        Assert.Equal("absent_from_all", difference.Classification);
        Assert.Empty(difference.Stances);
    }

    [Fact]
    public void A_summit_with_no_statements_and_no_outcomes_has_no_topics()
    {
        var result = ReadoutDifferences.Compute("s", ["CN", "US"], [], [], []);

        Assert.Equal(["CN", "US"], result.Parties);
        Assert.Empty(result.Items);
    }

    private static ReadoutDifferenceDto Single(ReadoutDifferencesDto result) => Assert.Single(result.Items);

    private static PartyStanceDto Stance(ReadoutDifferencesDto result, string topic, string party) =>
        result.Items.Single(d => d.Topic == topic).Stances.Single(s => s.Party == party);

    private static ReadoutStatementDto Statement(string id, string party, string topic, string stance = "asserts", string[]? contradicts = null) => new()
    {
        Id = id,
        ReadoutId = $"{party}-readout",
        PartyId = party,
        Topic = topic,
        Stance = stance,
        Contradicts = contradicts ?? [],
        Citations = [],
    };
}
