using IaasKyc.Domain;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Owners;

namespace IaasKyc.Portal.Features.Owners;

/// <summary>An ownership structure as a person or a system sends it: strings wherever the value can be wrong, so each mistake is a finding at its field.</summary>
public sealed record OwnershipInput(IReadOnlyList<OwnerNodeInput?>? Nodes, IReadOnlyList<OwnershipEdgeInput?>? Edges);

/// <summary><c>kind</c> is <c>individual</c> or <c>entity</c> (case-insensitive); <c>country</c> ISO 3166-1 alpha-2.</summary>
public sealed record OwnerNodeInput(string? Key, string? Kind, string? Name, string? Country, string? RegistrationNumber = null, bool? ConfirmedBlocked = null);

/// <summary>
/// "From owns Percent % of To" and/or "From controls To"; the customer is <c>"customer"</c>. <c>control</c> is
/// <c>seniorOfficer</c>, <c>director</c>, <c>appointsOrRemovesOfficers</c> or <c>other</c> (with a description), case-insensitive.
/// </summary>
public sealed record OwnershipEdgeInput(string? From, string? To, decimal? Percent, string? Control = null, string? ControlDescription = null);

public static class OwnershipInputRules
{
    /// <summary>More than this many nodes or edges is refused (the performance target is 200 nodes).</summary>
    public const int MaxItems = 1000;

    /// <summary>Reads the input into a graph; the graph is null when any field is wrong (findings keyed <c>nodes[i].kind</c>, <c>edges[i].control</c>).</summary>
    public static (OwnershipGraph? Graph, List<Finding> Findings) Parse(OwnershipInput? input)
    {
        var f = new List<Finding>();
        var nodes = new List<OwnerNode>();
        var edges = new List<OwnershipEdge>();
        var rawNodes = input?.Nodes ?? [];
        var rawEdges = input?.Edges ?? [];
        if (rawNodes.Count > MaxItems) f.Add(new("ownership.tooMany", $"At most {MaxItems} nodes.", "nodes"));
        if (rawEdges.Count > MaxItems) f.Add(new("ownership.tooMany", $"At most {MaxItems} edges.", "edges"));
        if (f.Count > 0) return (null, f);

        for (var i = 0; i < rawNodes.Count; i++)
        {
            var field = $"nodes[{i}]";
            if (rawNodes[i] is not { } n)
            {
                f.Add(new("required", "Send a node object here.", field));
                continue;
            }
            var before = f.Count;
            var key = IntakeRules.Text(n.Key, field + ".key", 64, f, required: true, "Give the node a key the edges can refer to.");
            var name = IntakeRules.Text(n.Name, field + ".name", 300, f, required: true, "Enter the name.");
            var kind = Kind(n.Kind, field + ".kind", f);
            string? country = null;
            if (!string.IsNullOrWhiteSpace(n.Country)) country = IntakeRules.Country(n.Country, field + ".country", f);
            var registration = IntakeRules.Text(n.RegistrationNumber, field + ".registrationNumber", 64, f);
            if (f.Count == before) nodes.Add(new OwnerNode(key!, kind!.Value, name!, country, registration, n.ConfirmedBlocked ?? false));
        }

        for (var i = 0; i < rawEdges.Count; i++)
        {
            var field = $"edges[{i}]";
            if (rawEdges[i] is not { } e)
            {
                f.Add(new("required", "Send an edge object here.", field));
                continue;
            }
            var before = f.Count;
            var from = IntakeRules.Text(e.From, field + ".from", 64, f, required: true, "Name the owner's key.");
            var to = IntakeRules.Text(e.To, field + ".to", 64, f, required: true, $"Name the key of what is owned (\"{OwnershipGraph.CustomerKey}\" for the customer).");
            ControlRole? control = null;
            if (!string.IsNullOrWhiteSpace(e.Control))
            {
                control = Control(e.Control, field + ".control", f);
            }
            var description = IntakeRules.Text(e.ControlDescription, field + ".controlDescription", 500, f);
            if (f.Count == before) edges.Add(new OwnershipEdge(from!, to!, e.Percent, control, description));
        }
        return f.Count > 0 ? (null, f) : (new OwnershipGraph(nodes, edges), f);
    }

    private static OwnerKind? Kind(string? raw, string field, List<Finding> f)
    {
        switch (raw?.Trim().ToLowerInvariant())
        {
            case "individual": return OwnerKind.Individual;
            case "entity": return OwnerKind.Entity;
            default:
                f.Add(new("ownership.kind", "Choose individual or entity.", field));
                return null;
        }
    }

    private static ControlRole? Control(string raw, string field, List<Finding> f)
    {
        foreach (var role in Enum.GetValues<ControlRole>())
        {
            if (string.Equals(role.ToString(), raw.Trim(), StringComparison.OrdinalIgnoreCase)) return role;
        }
        f.Add(new("ownership.control", "Choose seniorOfficer, director, appointsOrRemovesOfficers or other.", field));
        return null;
    }
}
