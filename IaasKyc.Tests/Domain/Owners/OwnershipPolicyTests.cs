using IaasKyc.Domain.Owners;
using IaasKyc.Domain.Rules;

namespace IaasKyc.Tests.Domain.Owners;

public sealed class OwnershipPolicyTests
{
    private const string C = OwnershipGraph.CustomerKey;

    private static OwnerNode Person(string key, bool blocked = false) => new(key, OwnerKind.Individual, key.ToUpperInvariant(), "DE", ConfirmedBlocked: blocked);
    private static OwnerNode Company(string key, bool blocked = false) => new(key, OwnerKind.Entity, key.ToUpperInvariant(), "CY", "HE123", blocked);
    private static OwnershipEdge Owns(string from, string to, decimal percent) => new(from, to, percent);
    private static OwnershipEdge Officer(string from) => new(from, C, null, ControlRole.SeniorOfficer);

    private static OwnershipResult Evaluate(OwnerNode[] nodes, params OwnershipEdge[] edges) =>
        OwnershipPolicy.Evaluate(new OwnershipGraph(nodes, edges), RulePack.Default);

    [Fact]
    public void Owner_at_exactly_25_percent_is_a_beneficial_owner()
    {
        var result = Evaluate([Person("ann"), Person("ceo")], Owns("ann", C, 25m), Officer("ceo"));

        var ann = Assert.Single(result.BeneficialOwners, o => o.Key == "ann");
        Assert.Equal(25m, ann.EffectivePercent);
        Assert.Equal(["owns 25.00 % (at or above 25.00 %)"], ann.Reasons);
    }

    [Fact]
    public void Owner_at_24_99_percent_is_not_a_beneficial_owner()
    {
        var result = Evaluate([Person("ann"), Person("ceo")], Owns("ann", C, 24.99m), Officer("ceo"));

        Assert.DoesNotContain(result.BeneficialOwners, o => o.Key == "ann");
        Assert.Equal(24.99m, result.EffectivePercent["ann"]);
    }

    [Fact]
    public void Two_paths_through_a_diamond_add_up()
    {
        // ann owns 50 % of A and 30 % of B; A owns 30 % and B owns 40 % of the customer: 15 % + 12 % = 27 %.
        var result = Evaluate([Person("ann"), Company("a"), Company("b"), Person("ceo")],
            Owns("ann", "a", 50m), Owns("ann", "b", 30m), Owns("a", C, 30m), Owns("b", C, 40m), Officer("ceo"));

        Assert.Equal(27m, result.EffectivePercent["ann"]);
        Assert.Contains(result.BeneficialOwners, o => o.Key == "ann");
    }

    [Fact]
    public void A_ten_level_chain_multiplies_without_losing_precision()
    {
        var nodes = new List<OwnerNode> { Person("top"), Person("ceo") };
        var edges = new List<OwnershipEdge> { Officer("ceo") };
        var previous = "top";
        for (var level = 1; level <= 9; level++)
        {
            nodes.Add(Company($"e{level}"));
            edges.Add(Owns(previous, $"e{level}", 90m));
            previous = $"e{level}";
        }
        edges.Add(Owns(previous, C, 90m));

        var result = Evaluate([.. nodes], [.. edges]);

        Assert.Equal(34.8678440100m, result.EffectivePercent["top"]);
        Assert.Contains(result.BeneficialOwners, o => o.Key == "top" && o.Reasons[0].StartsWith("owns 34.87 %", StringComparison.Ordinal));
    }

    [Fact]
    public void A_control_person_without_shares_is_a_beneficial_owner_by_control()
    {
        var result = Evaluate([Person("ceo"), Person("dir")], Officer("ceo"), new OwnershipEdge("dir", C, null, ControlRole.Director));

        Assert.Equal(["control: senior officer"], result.BeneficialOwners.Single(o => o.Key == "ceo").Reasons);
        Assert.Equal(["control: director"], result.BeneficialOwners.Single(o => o.Key == "dir").Reasons);
    }

    [Fact]
    public void Ownership_and_control_together_give_both_reasons()
    {
        var result = Evaluate([Person("ann")], new OwnershipEdge("ann", C, 60m, ControlRole.AppointsOrRemovesOfficers));

        Assert.Equal(["owns 60.00 % (at or above 25.00 %)", "control: appoints or removes officers"], Assert.Single(result.BeneficialOwners).Reasons);
    }

    [Fact]
    public void A_cycle_is_refused_naming_an_edge_in_it()
    {
        var result = Evaluate([Company("a"), Company("b"), Person("ceo")], Owns("a", "b", 50m), Owns("b", "a", 50m), Owns("a", C, 100m), Officer("ceo"));

        var finding = Assert.Single(result.Findings);
        Assert.Equal("ownership.cycle", finding.Code);
        Assert.Matches(@"^edges\[[01]\]$", finding.Field);
        Assert.Empty(result.BeneficialOwners);
    }

    [Fact]
    public void Owners_holding_more_than_100_percent_of_an_entity_are_refused_at_that_node()
    {
        var result = Evaluate([Company("a"), Person("x"), Person("y"), Person("ceo")],
            Owns("x", "a", 60m), Owns("y", "a", 50m), Owns("a", C, 100m), Officer("ceo"));

        var finding = Assert.Single(result.Findings);
        Assert.Equal(("ownership.over100", "nodes[0]"), (finding.Code, finding.Field));
        Assert.Contains("110.00 %", finding.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(100.01)]
    public void A_percentage_outside_0_to_100_is_refused_at_the_edge(double percent)
    {
        var result = Evaluate([Person("ann"), Person("ceo")], Officer("ceo"), Owns("ann", C, (decimal)percent));

        Assert.Equal("edges[1].percent", Assert.Single(result.Findings).Field);
    }

    [Fact]
    public void Exactly_100_percent_is_allowed()
    {
        var result = Evaluate([Person("ann")], new OwnershipEdge("ann", C, 100m, ControlRole.SeniorOfficer));

        Assert.True(result.Valid);
        Assert.Equal(100m, Assert.Single(result.BeneficialOwners).EffectivePercent);
    }

    [Fact]
    public void An_individual_with_owners_is_refused()
    {
        var result = Evaluate([Person("ann"), Person("bob"), Person("ceo")], Owns("bob", "ann", 10m), Owns("ann", C, 30m), Officer("ceo"));

        Assert.Equal(("ownership.individualOwned", "edges[0].to"), (result.Findings[0].Code, result.Findings[0].Field));
    }

    [Fact]
    public void An_entity_customer_needs_a_control_person()
    {
        var result = Evaluate([Person("ann")], Owns("ann", C, 30m));

        Assert.Equal("ownership.noControlPerson", Assert.Single(result.Findings).Code);
    }

    [Fact]
    public void A_node_not_linked_to_the_customer_is_refused()
    {
        var result = Evaluate([Person("ceo"), Person("loner")], Officer("ceo"));

        Assert.Equal(("ownership.dangling", "nodes[1]"), (Assert.Single(result.Findings).Code, result.Findings[0].Field));
    }

    [Fact]
    public void Edges_to_unknown_nodes_and_duplicate_keys_are_refused()
    {
        Assert.Equal("edges[1].from", Evaluate([Person("ceo")], Officer("ceo"), Owns("ghost", C, 10m)).Findings.Single().Field);
        Assert.Equal("nodes[1].key", Evaluate([Person("ceo"), Person("ceo")], Officer("ceo")).Findings.Single().Field);
    }

    [Fact]
    public void Blocked_owners_together_at_50_percent_block_the_customer()
    {
        var result = Evaluate([Person("x", blocked: true), Company("y", blocked: true), Person("ceo")],
            Owns("x", C, 20m), Owns("y", C, 30m), Officer("ceo"));

        Assert.True(result.Blocked.Blocked);
        Assert.Equal(50m, result.Blocked.Percent);
        Assert.Equal(2, result.Blocked.Contributors.Count);
    }

    [Fact]
    public void Blocked_owners_under_50_percent_do_not_block_and_are_not_counted_twice_through_each_other()
    {
        // x (blocked) owns all of y (blocked), which owns 40 %: 40 % in all, not 80 %.
        var result = Evaluate([Person("x", blocked: true), Company("y", blocked: true), Person("ceo")],
            Owns("x", "y", 100m), Owns("y", C, 40m), Officer("ceo"));

        Assert.False(result.Blocked.Blocked);
        Assert.Equal(40m, result.Blocked.Percent);
        Assert.Equal("y", Assert.Single(result.Blocked.Contributors).Key);
    }

    [Fact]
    public void The_threshold_comes_from_the_rule_pack()
    {
        var pack = RulePack.Default with { Parameters = new Dictionary<string, string>(RulePack.Default.Parameters) { ["beneficialOwnershipPercent"] = "10" } };

        var result = OwnershipPolicy.Evaluate(new OwnershipGraph([Person("ann"), Person("ceo")], [Owns("ann", C, 12m), Officer("ceo")]), pack);

        Assert.Contains(result.BeneficialOwners, o => o.Key == "ann");
    }
}
