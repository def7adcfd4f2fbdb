using IaasKyc.Domain.Owners;
using IaasKyc.Domain.Rules;

namespace IaasKyc.Bench;

/// <summary>
/// Issue 4, Performance: OwnershipPolicy.Evaluate (validation, effective ownership, beneficial owners, OFAC 50 % rule) on a
/// 200-node structure in ≤ 5 ms. Builds realistic structures — three layers of intermediate entities under the customer,
/// individuals at every layer, diamonds (owners holding shares in two entities that both roll up to the customer), a few
/// confirmed-blocked owners and control-only officers — checks each is valid, then times Evaluate.
/// </summary>
public static class OwnersBench
{
    private const int Nodes = 200, Structures = 20, Warmup = 100, Runs = 1000;

    public static Task<int> RunAsync()
    {
        Console.WriteLine(Measure.Machine());
        var graphs = Enumerable.Range(0, Structures).Select(i => Build(new Random(4000 + i))).ToList();
        foreach (var g in graphs)
        {
            var check = OwnershipPolicy.Evaluate(g, RulePack.Default);
            if (!check.Valid)
            {
                Console.Error.WriteLine("Generated structure is invalid: " + string.Join("; ", check.Findings.Select(f => $"{f.Field}: {f.Message}")));
                return Task.FromResult(1);
            }
        }
        var sample = OwnershipPolicy.Evaluate(graphs[0], RulePack.Default);
        Console.WriteLine($"{Structures} structures of {Nodes} nodes, {graphs.Min(g => g.Edges.Count)}–{graphs.Max(g => g.Edges.Count)} edges; "
            + $"first: {graphs[0].Nodes.Count(n => n.Kind == OwnerKind.Entity)} entities, {sample.BeneficialOwners.Count} beneficial owners, "
            + $"blocked owners {OwnershipPolicy.Format(sample.Blocked.Percent)} %");

        var owners = 0;
        var times = Measure.RepeatAsync(Warmup, Runs, i =>
        {
            var result = OwnershipPolicy.Evaluate(graphs[i % graphs.Count], RulePack.Default);
            owners += result.BeneficialOwners.Count;
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
        Console.WriteLine($"Evaluate (validate + effective ownership + owners + OFAC 50 %): {Measure.Describe(times)}; target p95 ≤ 5 ms "
            + (Measure.Percentile(times, 95) <= 5 ? "met" : "MISSED"));
        GC.KeepAlive(owners);
        return Task.FromResult(0);
    }

    /// <summary>One structure: layers of entities (4, 10, 20), 4 control-only officers, the rest individuals spread over every layer.</summary>
    public static OwnershipGraph Build(Random random)
    {
        int[] layerSizes = [4, 10, 20];
        var nodes = new List<OwnerNode>();
        var layers = new List<List<string>> { new() { OwnershipGraph.CustomerKey } };
        var n = 0;
        foreach (var size in layerSizes)
        {
            var layer = new List<string>();
            for (var i = 0; i < size; i++)
            {
                var key = $"e{++n}";
                nodes.Add(new OwnerNode(key, OwnerKind.Entity, $"Holding {n} Ltd", "US", $"REG-{n}"));
                layer.Add(key);
            }
            layers.Add(layer);
        }

        // Owner → targets (one shallower layer, or two for a diamond).
        var owns = new List<(string From, string To)>();
        for (var l = 1; l < layers.Count; l++)
        {
            for (var i = 0; i < layers[l].Count; i++)
            {
                var above = layers[l - 1];
                owns.Add((layers[l][i], above[i % above.Count]));
                if (l > 1 && random.Next(3) == 0) owns.Add((layers[l][i], above[(i + 1) % above.Count])); // diamond
            }
        }

        const int officers = 4;
        var individuals = Nodes - nodes.Count - officers;
        var targets = layers.SelectMany(x => x).ToList();
        for (var i = 0; i < individuals; i++)
        {
            var key = $"p{i + 1}";
            nodes.Add(new OwnerNode(key, OwnerKind.Individual, $"Person {i + 1}", random.Next(10) == 0 ? "DE" : "US", ConfirmedBlocked: i % 50 == 7));
            // Mostly the deepest layer; a few direct holders of the customer and of the middle layers.
            var target = i < 3 ? OwnershipGraph.CustomerKey : i < 40 ? targets[1 + random.Next(targets.Count - 1)] : layers[^1][random.Next(layers[^1].Count)];
            owns.Add((key, target));
            if (random.Next(8) == 0) owns.Add((key, layers[^1][random.Next(layers[^1].Count)])); // diamond through two entities
        }

        var edges = new List<OwnershipEdge>();
        foreach (var group in owns.Distinct().GroupBy(o => o.To))
        {
            var owners = group.ToList();
            var total = 60 + random.Next(41); // the owners listed hold 60–100 % of the entity
            var weights = owners.Select(_ => 1 + random.Next(10)).ToList();
            var sum = weights.Sum();
            for (var i = 0; i < owners.Count; i++)
            {
                var percent = Math.Max(0.01m, Math.Round((decimal)total * weights[i] / sum, 2, MidpointRounding.ToZero));
                edges.Add(new OwnershipEdge(owners[i].From, owners[i].To, percent));
            }
        }

        ControlRole[] roles = [ControlRole.SeniorOfficer, ControlRole.Director, ControlRole.Director, ControlRole.AppointsOrRemovesOfficers];
        for (var i = 0; i < officers; i++)
        {
            var key = $"o{i + 1}";
            nodes.Add(new OwnerNode(key, OwnerKind.Individual, $"Officer {i + 1}", "US"));
            edges.Add(new OwnershipEdge(key, OwnershipGraph.CustomerKey, null, roles[i]));
        }
        // One shareholder is also a director.
        edges.Add(new OwnershipEdge("p1", OwnershipGraph.CustomerKey, null, ControlRole.Director));
        return new OwnershipGraph(nodes, edges.OrderBy(_ => random.Next()).ToList());
    }

}
