using System.Globalization;
using IaasKyc.Domain;
using IaasKyc.Domain.Owners;
using IaasKyc.Portal.Components.Shared;

namespace IaasKyc.Portal.Features.Owners;

/// <summary>The editor's typed structure: rows as the user sees them, kept as typed when the service refuses them.</summary>
public sealed class OwnershipDraft
{
    public sealed class NodeRow
    {
        public string Key { get; set; } = "";
        public string Kind { get; set; } = "individual";
        public string? Name { get; set; }
        public string? Country { get; set; }
        public string? RegistrationNumber { get; set; }
        public bool ConfirmedBlocked { get; set; }
    }

    public sealed class EdgeRow
    {
        public string From { get; set; } = "";
        public string To { get; set; } = OwnershipGraph.CustomerKey;
        public decimal? Percent { get; set; }
        public string Control { get; set; } = "";
        public string? ControlDescription { get; set; }
    }

    public List<NodeRow> Nodes { get; } = [];
    public List<EdgeRow> Edges { get; } = [];

    public static OwnershipDraft From(OwnershipGraph graph)
    {
        var d = new OwnershipDraft();
        d.Nodes.AddRange(graph.Nodes.Select(n => new NodeRow
        {
            Key = n.Key,
            Kind = n.Kind == OwnerKind.Entity ? "entity" : "individual",
            Name = n.Name,
            Country = n.Country,
            RegistrationNumber = n.RegistrationNumber,
            ConfirmedBlocked = n.ConfirmedBlocked,
        }));
        d.Edges.AddRange(graph.Edges.Select(e => new EdgeRow
        {
            From = e.From,
            To = e.To,
            Percent = e.Percent,
            Control = e.Control is { } c ? Camel(c) : "",
            ControlDescription = e.ControlDescription,
        }));
        return d;
    }

    /// <summary>The editor's rows held against the stored structure: another save on the tab (the owners statement) keeps them.</summary>
    public static EditedRecord<OwnershipView, OwnershipDraft> Edit(string customerName) =>
        new(v => From(v.Graph), (theirs, mine) => ConflictRows.Between(theirs.Lines(customerName), mine.Lines(customerName)));

    public static string Camel(ControlRole role) { var s = role.ToString(); return char.ToLowerInvariant(s[0]) + s[1..]; }

    /// <summary>Adds a node with a fresh key (n1, n2, ...).</summary>
    public NodeRow AddNode()
    {
        var used = Nodes.Select(n => n.Key).ToHashSet(StringComparer.Ordinal);
        var i = Nodes.Count + 1;
        while (used.Contains($"n{i}")) i++;
        var row = new NodeRow { Key = $"n{i}" };
        Nodes.Add(row);
        return row;
    }

    /// <summary>Adds an edge from the last node to the customer.</summary>
    public void AddEdge() => Edges.Add(new EdgeRow { From = Nodes.LastOrDefault()?.Key ?? "" });

    /// <summary>Removes a node and the edges that refer to it (findings are keyed by row index, so they no longer apply).</summary>
    public void RemoveNode(NodeRow row)
    {
        Nodes.Remove(row);
        Edges.RemoveAll(e => e.From == row.Key || e.To == row.Key);
    }

    public OwnershipInput ToInput() => new(
        Nodes.Select(n => (OwnerNodeInput?)new OwnerNodeInput(n.Key, n.Kind, n.Name, Blank(n.Country)?.ToUpperInvariant(),
            n.Kind == "entity" ? Blank(n.RegistrationNumber) : null, n.ConfirmedBlocked)).ToList(),
        Edges.Select(e => (OwnershipEdgeInput?)new OwnershipEdgeInput(e.From, e.To, e.Percent, Blank(e.Control),
            e.Control == "other" ? Blank(e.ControlDescription) : null)).ToList());

    /// <summary>
    /// The structure as lines a person compares (a concurrency conflict): one per individual or entity, by name, and one per link,
    /// "owner → owned", with its share and control.
    /// </summary>
    public IEnumerable<(string Label, string Line)> Lines(string customerName)
    {
        var names = Nodes.ToDictionary(n => n.Key, Name, StringComparer.Ordinal);
        names.TryAdd(OwnershipGraph.CustomerKey, $"{customerName} (the customer)");
        string NameOf(string key) => names.GetValueOrDefault(key) ?? key;
        foreach (var n in Nodes)
        {
            yield return (Name(n), string.Join(", ", new[]
            {
                n.Kind == "entity" ? "Entity" : "Individual", Blank(n.Country)?.ToUpperInvariant(), n.Kind == "entity" && Blank(n.RegistrationNumber) is { } r ? $"registration {r}" : null,
                n.ConfirmedBlocked ? "confirmed blocked" : null,
            }.Where(x => x is not null)));
        }
        foreach (var e in Edges)
        {
            var control = Blank(e.Control) switch
            {
                null => null,
                "other" => $"controls ({Blank(e.ControlDescription) ?? "other"})",
                var c => $"controls as {Spaced(c)}",
            };
            yield return ($"{NameOf(e.From)} → {NameOf(e.To)}", string.Join(", ",
                new[] { e.Percent is { } p ? $"owns {p.ToString("0.##", CultureInfo.InvariantCulture)} %" : null, control }.Where(x => x is not null)));
        }
    }

    private static string Name(NodeRow n) => Blank(n.Name) ?? $"({n.Key}, no name yet)";

    /// <summary>"seniorOfficer" → "senior officer".</summary>
    private static string Spaced(string camel) => string.Concat(camel.Select(ch => char.IsUpper(ch) ? $" {char.ToLowerInvariant(ch)}" : ch.ToString()));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The findings at one row (<c>nodes[2]</c>) or one field of it (<c>nodes[2].name</c>).</summary>
    public static string? At(IReadOnlyList<Finding> findings, string field)
    {
        var messages = findings.Where(f => f.Field == field).Select(f => f.Message).Distinct().ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }
}
