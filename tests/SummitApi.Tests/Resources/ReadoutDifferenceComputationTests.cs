using SummitApi.Resources.ReadoutDifferences;

namespace SummitApi.Tests.Resources;

/// <summary>The pure comparison, rule by rule, on small hand-made inputs.</summary>
public class ReadoutDifferenceComputationTests
{
    [Fact]
    public void Parties_are_the_summits_and_its_readouts_sorted_and_topics_those_of_statements_and_outcomes_sorted()
    {
        var result = DifferenceClassifier.Compute("s", ["US", "CN"], ["EU"], [Statement("a", "EU", "tariffs")], ["shipping", "tariffs"]);

        Assert.Equal("s", result.SummitId);
        Assert.Equal(["CN", "EU", "US"], result.Parties);
        Assert.Equal(["shipping", "tariffs"], result.Items.Select(d => d.Topic));
        Assert.All(result.Items, d => Assert.Equal(["CN", "EU", "US"], d.Stances.Select(s => s.Party)));
    }

    [Fact]
    public void A_party_without_readouts_has_no_readout_on_the_basis_of_none()
    {
        var result = DifferenceClassifier.Compute("s", ["CN", "US"], ["US"], [Statement("a", "US", "tariffs")], []);

        var china = Stance(result, "tariffs", "CN");
        Assert.Equal(("no_readout", "none"), (china.Stance, china.Basis));
        Assert.Empty(china.Statements);
    }

    [Fact]
    public void A_party_whose_readouts_do_not_touch_a_topic_is_not_reported_on_the_basis_of_none()
    {
        // CN's readout has no statements at all: having a readout is enough for the sources' silence to be not_reported.
        var result = DifferenceClassifier.Compute("s", ["CN", "US"], ["CN", "US"], [Statement("a", "US", "tariffs")], []);

        var china = Stance(result, "tariffs", "CN");
        Assert.Equal(("not_reported", "none"), (china.Stance, china.Basis));
        Assert.Empty(china.Statements);
    }

    [Fact]
    public void A_statement_recording_a_sources_remark_that_the_topic_was_left_out_is_not_mentioned_on_that_remark()
    {
        var result = DifferenceClassifier.Compute("s", ["CN"], ["CN"], [Statement("a", "CN", "taiwan", "not_mentioned", basis: "source_remark")], []);

        var china = Stance(result, "taiwan", "CN");
        Assert.Equal(("not_mentioned", "source_remark"), (china.Stance, china.Basis));
        Assert.Equal(["a"], china.Statements.Select(s => s.Id));
    }

    [Fact]
    public void One_asserting_statement_outweighs_a_not_mentioned_one_of_the_same_party()
    {
        var result = DifferenceClassifier.Compute("s", ["CN"], ["CN"],
            [Statement("b", "CN", "rare_earths", "not_mentioned", basis: "source_remark"), Statement("a", "CN", "rare_earths")], []);

        var china = Stance(result, "rare_earths", "CN");
        Assert.Equal(("asserts", "statement"), (china.Stance, china.Basis));
        Assert.Equal(["a", "b"], china.Statements.Select(s => s.Id));
    }

    [Theory]
    [InlineData(new[] { "source_report" }, "source_report")]
    [InlineData(new[] { "source_report", "readout" }, "statement")]
    [InlineData(new[] { "readout" }, "statement")]
    [InlineData(new string?[] { null }, "statement")]
    public void An_assertion_rests_on_a_source_report_only_when_every_asserting_statement_is_one(string?[] bases, string expected)
    {
        var result = DifferenceClassifier.Compute("s", ["US"], ["US"],
            bases.Select((basis, i) => Statement($"s{i}", "US", "export_controls", basis: basis)).ToList(), []);

        Assert.Equal(("asserts", expected), (Stance(result, "export_controls", "US").Stance, Stance(result, "export_controls", "US").Basis));
    }

    [Fact]
    public void Every_party_asserting_one_claim_linked_as_agreeing_from_either_side_is_consistent()
    {
        var result = DifferenceClassifier.Compute("s", ["CN", "US"], ["CN", "US"],
            [Statement("a", "CN", "agriculture"), Statement("b", "US", "agriculture", agreesWith: ["a"])], []);

        Assert.Equal("consistent", Single(result).Classification);
    }

    [Fact]
    public void Every_party_asserting_but_different_claims_is_one_sided_not_consistent()
    {
        var result = DifferenceClassifier.Compute("s", ["CN", "US"], ["CN", "US"],
            [Statement("a", "CN", "bilateral_relations"), Statement("b", "US", "bilateral_relations")], []);

        Assert.Equal("one_sided", Single(result).Classification);
    }

    [Fact]
    public void A_claim_shared_through_a_chain_of_agreeing_links_is_consistent_across_three_parties()
    {
        var result = DifferenceClassifier.Compute("s", ["CN", "EU", "US"], ["CN", "EU", "US"],
            [Statement("a", "CN", "tariffs", agreesWith: ["b"]), Statement("b", "EU", "tariffs"), Statement("c", "US", "tariffs", agreesWith: ["b"]),
             Statement("d", "US", "tariffs")], []);

        Assert.Equal("consistent", Single(result).Classification);
    }

    [Fact]
    public void Agreement_among_some_parties_while_another_is_not_reported_is_one_sided()
    {
        var result = DifferenceClassifier.Compute("s", ["CN", "EU", "US"], ["CN", "EU", "US"],
            [Statement("a", "CN", "tariffs", agreesWith: ["b"]), Statement("b", "US", "tariffs")], []);

        Assert.Equal("one_sided", Single(result).Classification);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void A_contradiction_linked_from_either_side_is_conflicting_even_when_every_party_asserts(bool usLinks, bool cnLinks)
    {
        var result = DifferenceClassifier.Compute("s", ["CN", "US"], ["CN", "US"],
            [Statement("cn", "CN", "meeting_assessment", contradicts: cnLinks ? ["us"] : []),
             Statement("us", "US", "meeting_assessment", contradicts: usLinks ? ["cn"] : [])], []);

        Assert.Equal("conflicting", Single(result).Classification);
    }

    [Fact]
    public void A_contradiction_beats_agreement_and_one_sidedness()
    {
        var result = DifferenceClassifier.Compute("s", ["CN", "US"], ["CN", "US"],
            [Statement("cn", "CN", "tariffs", agreesWith: ["us"]), Statement("us", "US", "tariffs"),
             Statement("us2", "US", "tariffs", "not_mentioned", contradicts: ["cn"], basis: "source_remark")], []);

        Assert.Equal("conflicting", Single(result).Classification);
    }

    [Fact]
    public void A_contradiction_within_one_party_or_across_topics_or_to_an_unknown_statement_is_no_conflict()
    {
        var result = DifferenceClassifier.Compute("s", ["CN", "US"], ["CN", "US"],
            [Statement("cn1", "CN", "tariffs", contradicts: ["cn2"], agreesWith: ["us1"]), Statement("cn2", "CN", "tariffs"),
             Statement("us1", "US", "tariffs", contradicts: ["cn3", "elsewhere"]), Statement("cn3", "CN", "fentanyl")], []);

        Assert.Equal("consistent", result.Items.Single(d => d.Topic == "tariffs").Classification);
        Assert.Equal("one_sided", result.Items.Single(d => d.Topic == "fentanyl").Classification);
    }

    [Fact]
    public void Some_but_not_every_party_asserting_is_one_sided_whatever_the_others_basis()
    {
        var result = DifferenceClassifier.Compute("s", ["CN", "EU", "US"], ["CN", "US"],
            [Statement("a", "US", "fentanyl"), Statement("b", "CN", "fentanyl", "not_mentioned", basis: "source_remark")], []);

        var difference = Single(result);
        Assert.Equal("one_sided", difference.Classification);
        Assert.Equal(["not_mentioned source_remark", "no_readout none", "asserts statement"], difference.Stances.Select(s => $"{s.Stance} {s.Basis}"));
    }

    [Fact]
    public void Every_party_noted_to_leave_a_topic_out_is_absent_from_all()
    {
        var result = DifferenceClassifier.Compute("s", ["CN", "US"], ["CN", "US"],
            [Statement("a", "CN", "taiwan", "not_mentioned", basis: "source_remark"), Statement("b", "US", "taiwan", "not_mentioned", basis: "source_remark")], ["taiwan"]);

        Assert.Equal("absent_from_all", Single(result).Classification);
    }

    [Fact]
    public void No_party_asserting_and_not_every_party_noted_to_leave_it_out_is_unattributed()
    {
        var result = DifferenceClassifier.Compute("s", ["CN", "EU", "US"], ["CN", "US"],
            [Statement("a", "CN", "taiwan", "not_mentioned", basis: "source_remark"), Statement("b", "US", "tariffs")], ["taiwan", "shipping"]);

        var taiwan = result.Items.Single(d => d.Topic == "taiwan");
        Assert.Equal("unattributed", taiwan.Classification);
        Assert.Equal(["not_mentioned source_remark", "no_readout none", "not_reported none"], taiwan.Stances.Select(s => $"{s.Stance} {s.Basis}"));
        var shipping = result.Items.Single(d => d.Topic == "shipping");
        Assert.Equal("unattributed", shipping.Classification);
        Assert.Equal(["not_reported none", "no_readout none", "not_reported none"], shipping.Stances.Select(s => $"{s.Stance} {s.Basis}"));
    }

    [Fact]
    public void An_outcome_topic_of_a_summit_without_parties_is_unattributed_not_absent_from_all()
    {
        var result = DifferenceClassifier.Compute("s", [], [], [], ["shipping"]);

        var difference = Single(result);
        Assert.Equal("unattributed", difference.Classification);
        Assert.Empty(difference.Stances);
    }

    [Fact]
    public void A_summit_with_no_statements_and_no_outcomes_has_no_topics()
    {
        var result = DifferenceClassifier.Compute("s", ["CN", "US"], [], [], []);

        Assert.Equal(["CN", "US"], result.Parties);
        Assert.Empty(result.Items);
    }

    private static ReadoutDifferenceDto Single(ReadoutDifferencesDto result) => Assert.Single(result.Items);

    private static PartyStanceDto Stance(ReadoutDifferencesDto result, string topic, string party) =>
        result.Items.Single(d => d.Topic == topic).Stances.Single(s => s.Party == party);

    private static ComparedStatement Statement(
        string id, string party, string topic, string stance = "asserts", string[]? contradicts = null, string[]? agreesWith = null, string? basis = "readout") => new()
    {
        Id = id,
        ReadoutId = $"{party}-readout",
        PartyId = party,
        Topic = topic,
        Stance = stance,
        Basis = basis,
        Contradicts = contradicts ?? [],
        AgreesWith = agreesWith ?? [],
        Citations = [],
    };
}
