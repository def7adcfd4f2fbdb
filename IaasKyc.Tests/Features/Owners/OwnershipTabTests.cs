using Bunit;
using IaasKyc.Domain.Owners;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Owners;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Features.Owners;

public sealed class OwnershipTabTests : ComponentTestBase
{
    private OwnershipService Ownership => Services.GetRequiredService<OwnershipService>();

    private async Task<CustomerDetail> EntityCustomerAsync()
    {
        SignInAs("officer@example.test", Roles.Officer);
        var id = await Support.Customers.SubmittedForeignAsync(Services.GetRequiredService<CustomerService>(), Services.GetRequiredService<CustomerQueries>());
        return (await Services.GetRequiredService<CustomerQueries>().GetAsync(id))!;
    }

    /// <summary>Holding (60 %) is owned 50/50 by Anna and Ben; Anna also owns 40 % directly; Clara is the senior officer.</summary>
    private static OwnershipGraph TwoLevels() => new(
        [
            new("anna", OwnerKind.Individual, "Anna Schmidt", "DE"),
            new("holding", OwnerKind.Entity, "Schmidt Holding GmbH", "DE", "HRB 1"),
            new("ben", OwnerKind.Individual, "Ben Krause", "AT"),
            new("clara", OwnerKind.Individual, "Clara Vogel", "DE"),
        ],
        [
            new("anna", OwnershipGraph.CustomerKey, 40m),
            new("holding", OwnershipGraph.CustomerKey, 60m),
            new("anna", "holding", 50m),
            new("ben", "holding", 50m),
            new("clara", OwnershipGraph.CustomerKey, null, ControlRole.SeniorOfficer),
        ]);

    private IRenderedComponent<OwnershipTab> Open(CustomerDetail detail) => Render<OwnershipTab>(p => p.Add(c => c.Detail, detail));

    private static AngleSharp.Dom.IElement InputIn(IRenderedComponent<OwnershipTab> cut, string testId) =>
        cut.Find($"[data-testid='{testId}'] input, input[data-testid='{testId}']");

    [Fact]
    public async Task A_percent_over_100_is_shown_at_that_links_percent_field_and_nothing_is_stored()
    {
        var detail = await EntityCustomerAsync();
        var cut = Open(detail);
        cut.WaitForAssertion(() => cut.Find("[data-testid=ownership-editor]"));

        cut.Find("[data-testid=add-node]").Click();
        InputIn(cut, "nodes[0].name").Change("Anna Schmidt");
        cut.Find("[data-testid=add-edge]").Click();
        InputIn(cut, "edges[0].percent").Change("120");
        cut.Find("[data-testid=ownership-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("a percentage is above 0 and at most 100",
            cut.Find("[data-testid='edges[0].percent'] .mud-input-helper-text").TextContent));
        Assert.Contains("was not saved", cut.Find("[data-testid=ownership-summary]").TextContent);
        // The typed structure is kept.
        Assert.Equal("Anna Schmidt", InputIn(cut, "nodes[0].name").GetAttribute("value"));
        Assert.Equal("120", InputIn(cut, "edges[0].percent").GetAttribute("value"));
        var view = await Ownership.GetAsync(detail.Id);
        Assert.False(view!.Stored);
    }

    [Fact]
    public async Task A_two_level_structure_shows_its_beneficial_owners_with_reasons_and_one_chart_node_per_person()
    {
        var detail = await EntityCustomerAsync();
        var saved = await Ownership.ReplaceAsync(detail.Id, TwoLevels());
        Assert.True(saved.Ok, saved.Message);
        var result = (await Ownership.GetAsync(detail.Id))!.Result;

        var cut = Open(detail);

        cut.WaitForAssertion(() => Assert.Contains("Anna Schmidt", cut.Find("[data-testid=beneficial-owners]").TextContent));
        var table = cut.Find("[data-testid=beneficial-owners]").TextContent;
        Assert.Contains("70.00 %", table);
        Assert.Contains("Ben Krause", table);
        Assert.Contains("30.00 %", table);
        Assert.Contains("Clara Vogel", table);
        foreach (var reason in result.BeneficialOwners.SelectMany(o => o.Reasons)) Assert.Contains(reason, table);
        Assert.DoesNotContain("Schmidt Holding GmbH", table);

        var chart = cut.Find("[data-testid=ownership-chart] svg");
        Assert.Equal(4, chart.QuerySelectorAll("g.own-node").Length);
        Assert.Single(chart.QuerySelectorAll("g.own-customer"));
        Assert.Equal(3, chart.QuerySelectorAll("g.own-bo").Length);
        Assert.Equal(5, chart.QuerySelectorAll("g.own-edge").Length);
    }

    [Fact]
    public async Task An_auditor_sees_the_table_and_chart_but_no_editor()
    {
        var detail = await EntityCustomerAsync();
        Assert.True((await Ownership.ReplaceAsync(detail.Id, TwoLevels())).Ok);
        SignInAs("auditor@example.test", Roles.Auditor);

        var cut = Open(detail);

        cut.WaitForAssertion(() => Assert.Contains("Anna Schmidt", cut.Find("[data-testid=beneficial-owners]").TextContent));
        Assert.NotNull(cut.Find("[data-testid=ownership-chart] svg"));
        Assert.Empty(cut.FindAll("[data-testid=ownership-editor]"));
        Assert.Empty(cut.FindAll("[data-testid=ownership-save]"));
    }

    [Fact]
    public void The_chart_layers_each_owner_above_what_it_holds_and_truncates_long_names_with_a_title()
    {
        var graph = TwoLevels() with { Nodes = [.. TwoLevels().Nodes.Select(n => n.Key == "ben" ? n with { Name = new string('B', 60) } : n)] };
        var layers = OwnershipChartSvg.Layers(graph);
        // Anna owns the customer directly and Holding too: she sits above Holding, not beside it.
        Assert.Equal(1, layers["holding"]);
        Assert.Equal(2, layers["anna"]);
        Assert.Equal(2, layers["ben"]);
        Assert.Equal(1, layers["clara"]);
        var svg = OwnershipChartSvg.Render(graph, ["anna"], "Customer");
        Assert.Contains($"<title>{new string('B', 60)}</title>", svg);
        Assert.Contains(new string('B', 19) + "…", svg);
    }
}
