using IaasKyc.Domain.Owners;
using IaasKyc.Portal.Features.Owners;

namespace IaasKyc.Tests.Features.Owners;

/// <summary>The chart's layout: percentage and role labels never sit on a box.</summary>
public sealed class OwnershipChartTests
{
    private static List<OwnershipChartSvg.Box> NodeBoxes(IEnumerable<OwnershipChartSvg.Placed> nodes) =>
        [.. nodes.Select(n => new OwnershipChartSvg.Box(n.X, n.Y, OwnershipChartSvg.NodeWidth, OwnershipChartSvg.NodeHeight))];

    private static void AssertNoLabelOnABox(OwnershipGraph graph)
    {
        var nodes = OwnershipChartSvg.Place(graph, [], "The customer");
        var boxes = NodeBoxes(nodes);

        var labels = OwnershipChartSvg.EdgeLabels(graph, nodes);

        Assert.Equal(graph.Edges.Count, labels.Count);
        foreach (var l in labels)
        {
            var covered = boxes.Where(b => b.Overlaps(l.Box)).ToList();
            Assert.True(covered.Count == 0, $"The label '{l.Text}' of {l.Edge.From} → {l.Edge.To} at {l.Box} covers a box at {string.Join(", ", covered)}.");
        }
    }

    /// <summary>Chen owns the customer directly (control) and 75 % of Pearl, which owns 40 % of the customer: the Shenzhen demo structure.</summary>
    [Fact]
    public void A_direct_owner_beside_an_intermediate_entity_gets_its_labels_between_the_layers()
    {
        var graph = new OwnershipGraph(
            [
                new("zhang", OwnerKind.Individual, "Wei Zhang", "CN"), new("li", OwnerKind.Individual, "Li Na", "HK"),
                new("chen", OwnerKind.Individual, "Chen Jie", "CN"),
                new("hk", OwnerKind.Entity, "Lianhe Holdings (HK) Limited", "HK"), new("pearl", OwnerKind.Entity, "Pearl Delta Ventures Ltd", "VG"),
            ],
            [
                new("zhang", "hk", 50m), new("li", "hk", 50m), new("zhang", "pearl", 25m), new("chen", "pearl", 75m),
                new("hk", OwnershipGraph.CustomerKey, 60m), new("pearl", OwnershipGraph.CustomerKey, 40m),
                new("chen", OwnershipGraph.CustomerKey, null, ControlRole.SeniorOfficer),
            ]);

        var layers = OwnershipChartSvg.Layers(graph);

        Assert.True(layers["chen"] > layers["pearl"]);
        AssertNoLabelOnABox(graph);
    }

    /// <summary>30 nodes: five holdings of five owners each, five of whom also own the customer directly, one a director.</summary>
    [Fact]
    public void A_30_node_structure_has_no_label_on_a_box_and_no_two_labels_on_each_other()
    {
        var nodes = new List<OwnerNode>();
        var edges = new List<OwnershipEdge>();
        for (var h = 1; h <= 5; h++)
        {
            nodes.Add(new($"h{h}", OwnerKind.Entity, $"Holding {h} Beteiligungsgesellschaft mbH", "DE"));
            edges.Add(new($"h{h}", OwnershipGraph.CustomerKey, 15m));
        }
        for (var i = 1; i <= 25; i++)
        {
            nodes.Add(new($"p{i}", OwnerKind.Individual, $"Person {i}", "DE"));
            edges.Add(new($"p{i}", $"h{(i - 1) % 5 + 1}", 20m));
            if (i <= 5) edges.Add(new($"p{i}", OwnershipGraph.CustomerKey, 5m, i == 1 ? ControlRole.Director : null));
        }
        var graph = new OwnershipGraph(nodes, edges);
        Assert.Empty(OwnershipPolicy.Validate(graph));

        AssertNoLabelOnABox(graph);
        var labels = OwnershipChartSvg.EdgeLabels(graph, OwnershipChartSvg.Place(graph, [], "The customer"));
        for (var a = 0; a < labels.Count; a++)
        {
            for (var b = a + 1; b < labels.Count; b++)
                Assert.False(labels[a].Box.Overlaps(labels[b].Box), $"'{labels[a].Text}' ({labels[a].Edge.From}) and '{labels[b].Text}' ({labels[b].Edge.From}) overlap.");
        }
    }
}
