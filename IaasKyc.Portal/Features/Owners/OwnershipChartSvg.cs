using System.Globalization;
using System.Net;
using System.Text;
using IaasKyc.Domain.Owners;

namespace IaasKyc.Portal.Features.Owners;

/// <summary>
/// Lays out an ownership structure as inline SVG: the customer at the bottom, each owner one layer above the highest thing it
/// holds (so links always point down and labels sit in the gaps between layers, never on a box), nodes of a layer ordered by where their holdings sit (fewer crossings), long names truncated
/// with the full name in a <c>&lt;title&gt;</c> tooltip, beneficial owners highlighted.
/// </summary>
public static class OwnershipChartSvg
{
    public const int NodeWidth = 150, NodeHeight = 44, ColumnWidth = 176, LayerHeight = 120, Margin = 24, MaxNameLength = 20;

    public sealed record Placed(string Key, string Name, bool Individual, bool Beneficial, double X, double Y);

    /// <summary>
    /// Each node's layer (0 = the customer): one above the highest layer of anything it owns or controls, so every link points
    /// strictly downwards and never joins two boxes of one layer. Nodes not linked to the customer go one layer above the highest.
    /// </summary>
    public static Dictionary<string, int> Layers(OwnershipGraph graph)
    {
        var held = graph.Edges.GroupBy(e => e.From, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.To).ToList(), StringComparer.Ordinal);
        var layer = new Dictionary<string, int>(StringComparer.Ordinal) { [OwnershipGraph.CustomerKey] = 0 };
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        int? Of(string key)
        {
            if (layer.TryGetValue(key, out var known)) return known;
            // A stored structure has no cycles (it was validated); the guard keeps a bad one from looping.
            if (!visiting.Add(key)) return null;
            var below = (held.GetValueOrDefault(key) ?? []).Select(Of).Where(l => l is not null).Select(l => l!.Value).ToList();
            visiting.Remove(key);
            if (below.Count == 0) return null;
            return layer[key] = below.Max() + 1;
        }
        foreach (var n in graph.Nodes) Of(n.Key);
        var top = layer.Values.Max() + 1;
        foreach (var n in graph.Nodes) layer.TryAdd(n.Key, top);
        return layer;
    }

    public static List<Placed> Place(OwnershipGraph graph, IReadOnlyCollection<string> beneficial, string customerName)
    {
        var layers = Layers(graph);
        var names = graph.Nodes.GroupBy(n => n.Key).ToDictionary(g => g.Key, g => g.First());
        var depth = layers.Values.Max();
        var perLayer = layers.GroupBy(l => l.Value).ToDictionary(g => g.Key, g => g.Select(l => l.Key).ToList());
        var width = Math.Max(1, perLayer.Values.Max(l => l.Count)) * ColumnWidth;
        var x = new Dictionary<string, double>(StringComparer.Ordinal);
        var placed = new List<Placed>();
        for (var d = 0; d <= depth; d++)
        {
            if (!perLayer.TryGetValue(d, out var keys)) continue;
            // Barycentre of what each node holds in lower layers (graph order breaks ties).
            var ordered = keys.Select((k, i) => (k, i, c: Centre(graph, k, x))).OrderBy(t => t.c ?? double.MaxValue).ThenBy(t => t.i).Select(t => t.k).ToList();
            var offset = Margin + (width - ordered.Count * ColumnWidth) / 2.0;
            for (var i = 0; i < ordered.Count; i++)
            {
                var key = ordered[i];
                x[key] = offset + i * ColumnWidth + (ColumnWidth - NodeWidth) / 2.0;
                var node = names.GetValueOrDefault(key);
                placed.Add(new Placed(key, node?.Name ?? customerName, node?.Kind == OwnerKind.Individual, beneficial.Contains(key),
                    x[key], Margin + (depth - d) * LayerHeight));
            }
        }
        return placed;
    }

    private static double? Centre(OwnershipGraph graph, string key, Dictionary<string, double> x)
    {
        var held = graph.Edges.Where(e => e.From == key && x.ContainsKey(e.To)).Select(e => x[e.To]).ToList();
        return held.Count == 0 ? null : held.Average();
    }

    public static string Truncate(string name) => name.Length <= MaxNameLength ? name : name[..(MaxNameLength - 1)].TrimEnd() + "…";

    public static string Label(OwnershipEdge e)
    {
        var parts = new List<string>();
        if (e.Percent is { } p) parts.Add(OwnershipPolicy.Format(p) + " %");
        if (e.Control is { } c) parts.Add(c == ControlRole.Other && !string.IsNullOrWhiteSpace(e.ControlDescription) ? Truncate(e.ControlDescription) : Role(c));
        return string.Join(" · ", parts);
    }

    public static string Role(ControlRole role) => role switch
    {
        ControlRole.SeniorOfficer => "senior officer",
        ControlRole.Director => "director",
        ControlRole.AppointsOrRemovesOfficers => "appoints/removes officers",
        _ => "other control",
    };

    public static string Render(OwnershipGraph graph, IReadOnlyCollection<string> beneficial, string customerName)
    {
        var nodes = Place(graph, beneficial, customerName);
        var width = nodes.Max(n => n.X) + NodeWidth + Margin;
        var height = nodes.Max(n => n.Y) + NodeHeight + Margin;
        var s = new StringBuilder();
        s.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Ownership structure of {E(customerName)}\" width=\"{width:0}\" height=\"{height:0}\" viewBox=\"0 0 {width:0} {height:0}\" class=\"ownership-chart\" font-family=\"Roboto, Arial, sans-serif\" font-size=\"12\">");
        s.Append("<defs><marker id=\"own-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#78909c\"/></marker></defs>");
        foreach (var l in EdgeLabels(graph, nodes))
        {
            var (a, b, e) = (l.From, l.To, l.Edge);
            double x1 = a.X + NodeWidth / 2.0, y1 = a.Y + NodeHeight, x2 = b.X + NodeWidth / 2.0, y2 = b.Y;
            var dash = e.Percent is null ? " stroke-dasharray=\"5 4\"" : "";
            s.Append(CultureInfo.InvariantCulture, $"<g class=\"own-edge\"><title>{E(a.Name)} → {E(b.Name)}: {E(l.Text)}</title><line x1=\"{x1:0.#}\" y1=\"{y1:0.#}\" x2=\"{x2:0.#}\" y2=\"{y2:0.#}\" stroke=\"#78909c\" stroke-width=\"1.5\"{dash} marker-end=\"url(#own-arrow)\"/>");
            s.Append(CultureInfo.InvariantCulture, $"<text x=\"{l.Box.X + l.Box.Width / 2:0.#}\" y=\"{l.Box.Y + 12:0.#}\" text-anchor=\"middle\" fill=\"#37474f\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\">{E(l.Text)}</text></g>");
        }
        foreach (var n in nodes)
        {
            var customer = n.Key == OwnershipGraph.CustomerKey;
            var cls = customer ? "own-customer" : "own-node" + (n.Beneficial ? " own-bo" : "");
            var fill = customer ? "#e3f2fd" : n.Beneficial ? "#fff3e0" : "#ffffff";
            var stroke = customer ? "#1565c0" : n.Beneficial ? "#e65100" : "#90a4ae";
            var rx = n.Individual ? 22 : 4;
            var sub = customer ? "customer" : (n.Individual ? "individual" : "entity") + (n.Beneficial ? " · beneficial owner" : "");
            s.Append(CultureInfo.InvariantCulture, $"<g class=\"{cls}\" data-key=\"{E(n.Key)}\"><title>{E(n.Name)}</title><rect x=\"{n.X:0.#}\" y=\"{n.Y:0.#}\" width=\"{NodeWidth}\" height=\"{NodeHeight}\" rx=\"{rx}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{(n.Beneficial || customer ? 2.5 : 1)}\"/>");
            s.Append(CultureInfo.InvariantCulture, $"<text x=\"{n.X + NodeWidth / 2.0:0.#}\" y=\"{n.Y + 19:0.#}\" text-anchor=\"middle\" font-weight=\"{(n.Beneficial ? 700 : 500)}\" fill=\"#263238\">{E(Truncate(n.Name))}</text>");
            s.Append(CultureInfo.InvariantCulture, $"<text x=\"{n.X + NodeWidth / 2.0:0.#}\" y=\"{n.Y + 35:0.#}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#607d8b\">{E(sub)}</text></g>");
        }
        return s.Append("</svg>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    public readonly record struct Box(double X, double Y, double Width, double Height)
    {
        public bool Overlaps(Box o) => X < o.X + o.Width && o.X < X + Width && Y < o.Y + o.Height && o.Y < Y + Height;
    }

    public sealed record EdgeLabel(OwnershipEdge Edge, Placed From, Placed To, string Text, Box Box);

    /// <summary>Label height and the rough width of one character at 12 px (enough to keep labels apart).</summary>
    private const double LabelHeight = 16, CharWidth = 6.8;

    /// <summary>Where along its band a label may sit, as fractions of the gap between layers (first choice first).</summary>
    private static readonly double[] Slots = [0.5, 0.27, 0.73];

    /// <summary>
    /// Places each link's label in the gap just below its owner's layer, where no box is (links always point down a layer or
    /// more), on the link's line, moving it along the gap when it would cover another label.
    /// </summary>
    public static List<EdgeLabel> EdgeLabels(OwnershipGraph graph, IReadOnlyList<Placed> nodes)
    {
        var at = nodes.ToDictionary(n => n.Key, StringComparer.Ordinal);
        var labels = new List<EdgeLabel>();
        const double gap = LayerHeight - NodeHeight;
        foreach (var e in graph.Edges)
        {
            if (!at.TryGetValue(e.From, out var a) || !at.TryGetValue(e.To, out var b)) continue;
            var text = Label(e);
            double x1 = a.X + NodeWidth / 2.0, y1 = a.Y + NodeHeight, x2 = b.X + NodeWidth / 2.0, y2 = b.Y;
            var width = text.Length * CharWidth + 6;
            Box? chosen = null;
            foreach (var slot in Slots)
            {
                var cy = y1 + gap * slot;
                var cx = y2 > y1 ? x1 + (x2 - x1) * (cy - y1) / (y2 - y1) : (x1 + x2) / 2;
                var box = new Box(cx - width / 2, cy - LabelHeight / 2, width, LabelHeight);
                chosen ??= box;
                if (labels.All(l => !l.Box.Overlaps(box)))
                {
                    chosen = box;
                    break;
                }
            }
            labels.Add(new EdgeLabel(e, a, b, text, chosen!.Value));
        }
        return labels;
    }
}
