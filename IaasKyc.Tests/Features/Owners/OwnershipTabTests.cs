using Bunit;
using IaasKyc.Domain.Owners;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Owners;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

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

    /// <summary>Opens the editor on the stored two-level structure; another user then moves Ben to Switzerland and makes Clara a director.</summary>
    private async Task<(CustomerDetail Detail, IRenderedComponent<OwnershipTab> Cut)> StructureConflictAsync()
    {
        var detail = await EntityCustomerAsync();
        Assert.True((await Ownership.ReplaceAsync(detail.Id, TwoLevels())).Ok);
        var cut = Open(detail);
        cut.WaitForAssertion(() => cut.Find("[data-testid=ownership-editor]"));
        var seen = (await Ownership.GetAsync(detail.Id))!.Version;
        await using (var other = Services.CreateAsyncScope())
        {
            other.ServiceProvider.GetRequiredService<AuditActor>().Use("officer2@example.test");
            var theirs = TwoLevels() with
            {
                Nodes = [.. TwoLevels().Nodes.Select(n => n.Key == "ben" ? n with { Country = "CH" } : n)],
                Edges = [.. TwoLevels().Edges.Select(e => e.From == "clara" ? e with { Control = ControlRole.Director } : e)],
            };
            var saved = await other.ServiceProvider.GetRequiredService<OwnershipService>().ReplaceAsync(detail.Id, theirs, seen);
            Assert.True(saved.Ok, saved.Message);
        }
        InputIn(cut, "nodes[1].name").Change("Schmidt Holding AG");

        cut.Find("[data-testid=ownership-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict]"));
        return (detail, cut);
    }

    [Fact]
    public async Task A_structure_refused_because_someone_else_saved_first_compares_each_person_and_link_and_keep_mine_stores_the_input()
    {
        var (detail, cut) = await StructureConflictAsync();

        BothVersions.Row(cut, "Ben Krause", "Individual, CH", "Individual, AT");
        BothVersions.Row(cut, "Anna Schmidt", "Individual, DE", "Individual, DE");
        BothVersions.Row(cut, $"Clara Vogel → {detail.Name} (the customer)", "controls as director", "controls as senior officer");
        BothVersions.Row(cut, "Schmidt Holding GmbH", "Entity, DE, registration HRB 1", "(empty)");
        BothVersions.Row(cut, "Ben Krause → Schmidt Holding AG", "(empty)", "owns 50 %");
        Assert.Contains("Saved by officer2@example.test", cut.Find("[data-testid=conflict-by]").TextContent);
        Assert.Equal("Schmidt Holding AG", InputIn(cut, "nodes[1].name").GetAttribute("value"));
        Assert.Equal("CH", (await Ownership.GetAsync(detail.Id))!.Graph.Nodes.Single(n => n.Key == "ben").Country);

        cut.Find("[data-testid=keep-mine]").Click();

        await cut.WaitForAssertionAsync(async () => Assert.Contains((await Ownership.GetAsync(detail.Id))!.Graph.Nodes, n => n.Name == "Schmidt Holding AG"));
        var stored = (await Ownership.GetAsync(detail.Id))!.Graph;
        Assert.Equal("AT", stored.Nodes.Single(n => n.Key == "ben").Country);
        Assert.Equal(ControlRole.SeniorOfficer, stored.Edges.Single(e => e.From == "clara").Control);
    }

    [Fact]
    public async Task Take_theirs_puts_the_stored_structure_in_the_editor_and_saves_nothing()
    {
        var (detail, cut) = await StructureConflictAsync();
        var version = (await Ownership.GetAsync(detail.Id))!.Version;

        cut.Find("[data-testid=take-theirs]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
        Assert.Equal("Schmidt Holding GmbH", InputIn(cut, "nodes[1].name").GetAttribute("value"));
        Assert.Equal("CH", InputIn(cut, "nodes[2].country").GetAttribute("value"));
        Assert.Equal(version, (await Ownership.GetAsync(detail.Id))!.Version);
    }

    /// <summary>Types Dora Lang, senior officer with 30 %, into an editor opened on a customer without a structure.</summary>
    private static async Task TypeDoraAsync(IRenderedComponent<OwnershipTab> cut)
    {
        cut.WaitForAssertion(() => cut.Find("[data-testid=ownership-editor]"));
        cut.Find("[data-testid=add-node]").Click();
        InputIn(cut, "nodes[0].name").Change("Dora Lang");
        cut.Find("[data-testid=add-edge]").Click();
        InputIn(cut, "edges[0].percent").Change("30");
        var control = cut.FindComponents<MudSelect<string>>().Single(c => Equals(c.Instance.UserAttributes.GetValueOrDefault("data-testid"), "edges[0].control"));
        await cut.InvokeAsync(() => control.Instance.SelectOption("seniorOfficer"));
    }

    [Fact]
    public async Task A_first_structure_typed_in_the_editor_is_stored()
    {
        var detail = await EntityCustomerAsync();
        var cut = Open(detail);
        await TypeDoraAsync(cut);

        cut.Find("[data-testid=ownership-save]").Click();

        await cut.WaitForAssertionAsync(async () => Assert.True((await Ownership.GetAsync(detail.Id))!.Stored));
        Assert.Equal("Dora Lang", (await Ownership.GetAsync(detail.Id))!.Graph.Nodes.Single().Name);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
    }

    [Fact]
    public async Task A_first_structure_saved_while_someone_else_stored_one_is_a_conflict_not_an_overwrite()
    {
        var detail = await EntityCustomerAsync();
        var cut = Open(detail);
        await TypeDoraAsync(cut);
        Assert.True((await Ownership.ReplaceAsync(detail.Id, TwoLevels())).Ok);

        cut.Find("[data-testid=ownership-save]").Click();

        cut.WaitForAssertion(() => BothVersions.Row(cut, "Dora Lang", "(empty)", "Individual"));
        Assert.Equal(4, (await Ownership.GetAsync(detail.Id))!.Graph.Nodes.Count);
    }

    [Fact]
    public async Task Rows_being_typed_stay_when_the_tab_reloads_after_the_owners_statement_changes_and_then_save_over_it()
    {
        var detail = await EntityCustomerAsync();
        Assert.True((await Ownership.ReplaceAsync(detail.Id, TwoLevels())).Ok);
        var stated = await Ownership.RecordAllUsPersonsAsync(detail.Id, "Register of members seen.");
        Assert.True(stated.Ok, stated.Message);
        var cut = Open(detail);
        cut.WaitForAssertion(() => cut.Find("[data-testid=ownership-editor]"));
        var before = (await Ownership.GetAsync(detail.Id))!.Version;
        InputIn(cut, "nodes[1].name").Change("Schmidt Holding AG");

        cut.FindAll("[data-testid=us-persons-statement] button").Single(b => b.TextContent.Contains("Withdraw")).Click();

        cut.WaitForAssertion(() => Assert.Contains("Not stated", cut.Find("[data-testid=us-persons-statement]").TextContent));
        Assert.NotEqual(before, (await Ownership.GetAsync(detail.Id))!.Version);
        Assert.Equal("Schmidt Holding AG", InputIn(cut, "nodes[1].name").GetAttribute("value"));

        cut.Find("[data-testid=ownership-save]").Click();

        await cut.WaitForAssertionAsync(async () => Assert.Contains((await Ownership.GetAsync(detail.Id))!.Graph.Nodes, n => n.Name == "Schmidt Holding AG"));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
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
