using System.Globalization;
using IaasKyc.Domain.Rules;

namespace IaasKyc.Domain.Owners;

/// <summary>
/// Beneficial owners of an entity customer (regulation.md "beneficial owner"; proposed § 7.302): every individual who,
/// directly or indirectly, owns at least the rule pack's threshold (25 %) — the sum over every path of the product of the
/// percentages along it — and every individual with substantial control. Bad structures are refused with a finding naming
/// the node (<c>nodes[i]</c>) or edge (<c>edges[i]</c>, <c>edges[i].percent</c>).
/// </summary>
public static class OwnershipPolicy
{
    public static OwnershipResult Evaluate(OwnershipGraph graph, RulePack pack, bool customerIsEntity = true)
    {
        var findings = Validate(graph, customerIsEntity);
        if (findings.Count > 0)
            return new OwnershipResult(findings, [], new Dictionary<string, decimal>(), new BlockedOwnership(false, 0m, []));

        var effective = EffectiveOwnership(graph);
        var owners = new List<BeneficialOwner>();
        var controls = graph.Edges.Where(e => e.To == OwnershipGraph.CustomerKey && e.Control is not null).ToLookup(e => e.From, StringComparer.Ordinal);
        foreach (var node in graph.Nodes.Where(n => n.Kind == OwnerKind.Individual))
        {
            var share = effective.GetValueOrDefault(node.Key);
            var reasons = new List<string>();
            if (share >= pack.BeneficialOwnershipPercent)
                reasons.Add($"owns {Format(share)} % (at or above {Format(pack.BeneficialOwnershipPercent)} %)");
            foreach (var e in controls[node.Key])
                reasons.Add("control: " + Describe(e));
            if (reasons.Count > 0) owners.Add(new BeneficialOwner(node.Key, node.Name, node.Country, share, reasons));
        }

        // Each blocked person counts for the paths that do not pass through another blocked person (whose share already includes them).
        var blockedKeys = graph.Nodes.Where(n => n.ConfirmedBlocked).Select(n => n.Key).ToHashSet(StringComparer.Ordinal);
        var direct = graph.Nodes.Where(n => n.ConfirmedBlocked)
            .Select(n => (n.Key, n.Name, Percent: ShareAvoiding(graph, n.Key, blockedKeys) * 100m))
            .Where(x => x.Percent > 0).ToList();
        var total = direct.Sum(b => b.Percent);
        return new OwnershipResult([], [.. owners.OrderByDescending(o => o.EffectivePercent).ThenBy(o => o.Name, StringComparer.Ordinal)], effective,
            new BlockedOwnership(total >= pack.BlockedOwnershipPercent, total, direct));
    }

    /// <summary>Each node's effective percentage of the customer: Σ over paths of Π (percent / 100), times 100.</summary>
    public static Dictionary<string, decimal> EffectiveOwnership(OwnershipGraph graph)
    {
        var outgoing = graph.Edges.Where(e => e.Percent is not null).ToLookup(e => e.From);
        var memo = new Dictionary<string, decimal> { [OwnershipGraph.CustomerKey] = 1m };
        decimal Fraction(string key)
        {
            if (memo.TryGetValue(key, out var known)) return known;
            var sum = outgoing[key].Sum(e => e.Percent!.Value / 100m * Fraction(e.To));
            memo[key] = sum;
            return sum;
        }
        return graph.Nodes.ToDictionary(n => n.Key, n => Fraction(n.Key) * 100m);
    }

    public static List<Finding> Validate(OwnershipGraph graph, bool customerIsEntity = true)
    {
        var f = new List<Finding>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < graph.Nodes.Count; i++)
        {
            var n = graph.Nodes[i];
            if (string.IsNullOrWhiteSpace(n.Key) || n.Key == OwnershipGraph.CustomerKey)
                f.Add(new("ownership.key", $"Node {i + 1} needs a key other than \"{OwnershipGraph.CustomerKey}\".", $"nodes[{i}].key"));
            else if (!index.TryAdd(n.Key, i))
                f.Add(new("ownership.duplicateKey", $"Key \"{n.Key}\" is used twice.", $"nodes[{i}].key"));
            if (string.IsNullOrWhiteSpace(n.Name)) f.Add(new("ownership.name", $"Node \"{n.Key}\" needs a name.", $"nodes[{i}].name"));
        }
        if (f.Count > 0) return f;

        OwnerKind? KindOf(string key) => key == OwnershipGraph.CustomerKey ? OwnerKind.Entity : index.TryGetValue(key, out var i) ? graph.Nodes[i].Kind : null;
        for (var i = 0; i < graph.Edges.Count; i++)
        {
            var e = graph.Edges[i];
            if (KindOf(e.From) is null) f.Add(new("ownership.unknownNode", $"Edge {i + 1} starts at unknown node \"{e.From}\".", $"edges[{i}].from"));
            if (KindOf(e.To) is null) f.Add(new("ownership.unknownNode", $"Edge {i + 1} ends at unknown node \"{e.To}\".", $"edges[{i}].to"));
            if (e.From == OwnershipGraph.CustomerKey) f.Add(new("ownership.customerOwns", "The customer is the root: it cannot own or control its owners.", $"edges[{i}].from"));
            if (e.From == e.To) f.Add(new("ownership.self", $"\"{e.From}\" cannot own or control itself.", $"edges[{i}]"));
            if (e.Percent is null && e.Control is null)
                f.Add(new("ownership.empty", $"Edge {Name(graph, e.From)} → {Name(graph, e.To)} needs a percentage, a control role, or both.", $"edges[{i}]"));
            if (e.Percent is { } p && (p <= 0m || p > 100m))
                f.Add(new("ownership.percent", $"{Name(graph, e.From)} → {Name(graph, e.To)}: a percentage is above 0 and at most 100.", $"edges[{i}].percent"));
            if (e.Control == ControlRole.Other && string.IsNullOrWhiteSpace(e.ControlDescription))
                f.Add(new("ownership.controlDescription", "Describe the control when the role is \"other\".", $"edges[{i}].controlDescription"));
            if (KindOf(e.To) == OwnerKind.Individual)
                f.Add(new("ownership.individualOwned", $"{Name(graph, e.To)} is an individual: individuals have no owners.", $"edges[{i}].to"));
        }
        if (f.Count > 0) return f;

        // An entity's owners hold at most 100 %.
        foreach (var group in graph.Edges.Where(e => e.Percent is not null).GroupBy(e => e.To))
        {
            var sum = group.Sum(e => e.Percent!.Value);
            if (sum > 100m)
                f.Add(new("ownership.over100", $"The owners of {Name(graph, group.Key)} hold {Format(sum)} %, more than 100 %.",
                    group.Key == OwnershipGraph.CustomerKey ? "edges" : $"nodes[{index[group.Key]}]"));
        }

        // Ownership and control run towards the customer: a cycle has no meaning.
        var state = new Dictionary<string, int>();
        var next = graph.Edges.Select((e, i) => (e, i)).ToLookup(x => x.e.From);
        bool Cycle(string key)
        {
            state[key] = 1;
            foreach (var (e, i) in next[key])
            {
                var s = state.GetValueOrDefault(e.To);
                if (s == 1)
                {
                    f.Add(new("ownership.cycle", $"Ownership runs in a circle through {Name(graph, e.From)} → {Name(graph, e.To)}.", $"edges[{i}]"));
                    return true;
                }
                if (s == 0 && Cycle(e.To)) return true;
            }
            state[key] = 2;
            return false;
        }
        foreach (var n in graph.Nodes)
        {
            if (state.GetValueOrDefault(n.Key) == 0 && Cycle(n.Key)) return f;
        }

        // Every node reaches the customer.
        var reaches = new HashSet<string>(StringComparer.Ordinal) { OwnershipGraph.CustomerKey };
        var into = graph.Edges.ToLookup(e => e.To, StringComparer.Ordinal);
        var pending = new Stack<string>([OwnershipGraph.CustomerKey]);
        while (pending.TryPop(out var reached))
        {
            foreach (var e in into[reached])
            {
                if (reaches.Add(e.From)) pending.Push(e.From);
            }
        }
        for (var i = 0; i < graph.Nodes.Count; i++)
        {
            if (!reaches.Contains(graph.Nodes[i].Key))
                f.Add(new("ownership.dangling", $"{graph.Nodes[i].Name} is not linked to the customer.", $"nodes[{i}]"));
        }

        if (customerIsEntity && !graph.Edges.Any(e => e.To == OwnershipGraph.CustomerKey && e.Control is not null && KindOf(e.From) == OwnerKind.Individual))
            f.Add(new("ownership.noControlPerson", "An entity customer needs at least one individual with substantial control (a senior officer, for example).", "edges"));
        return f;
    }

    private static decimal ShareAvoiding(OwnershipGraph graph, string key, HashSet<string> blocked) =>
        graph.Edges.Where(e => e.From == key && e.Percent is not null)
            .Sum(e => e.Percent!.Value / 100m * (e.To == OwnershipGraph.CustomerKey ? 1m : blocked.Contains(e.To) ? 0m : ShareAvoiding(graph, e.To, blocked)));

    private static string Name(OwnershipGraph g, string key) =>
        key == OwnershipGraph.CustomerKey ? "the customer" : g.Nodes.FirstOrDefault(n => n.Key == key)?.Name ?? key;

    private static string Describe(OwnershipEdge e) => e.Control switch
    {
        ControlRole.SeniorOfficer => "senior officer",
        ControlRole.Director => "director",
        ControlRole.AppointsOrRemovesOfficers => "appoints or removes officers",
        _ => e.ControlDescription ?? "other",
    };

    /// <summary>Two decimal places for display; sums keep full precision.</summary>
    public static string Format(decimal percent) => percent.ToString("0.00", CultureInfo.InvariantCulture);
}
