namespace IaasKyc.Portal.Components.Shared;

/// <summary>
/// A list compared in a <see cref="ConcurrencyConflict"/>: one field per row, named by a label a person reads (a name, an
/// account reference), blank on the side where the row does not exist. Rows sharing a label are shown as one, joined by "; ".
/// </summary>
public static class ConflictRows
{
    public static IReadOnlyList<ConflictField> Between(IEnumerable<(string Label, string Line)> theirs, IEnumerable<(string Label, string Line)> mine)
    {
        var order = new List<string>();
        var stored = Lines(theirs, order);
        var typed = Lines(mine, order);
        return [.. order.Select(label => new ConflictField(label, stored.GetValueOrDefault(label), typed.GetValueOrDefault(label)))];
    }

    /// <summary>The lines by label; labels not seen before are appended to <paramref name="order"/>.</summary>
    private static Dictionary<string, string> Lines(IEnumerable<(string Label, string Line)> rows, List<string> order)
    {
        var lines = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (label, line) in rows)
        {
            if (!order.Contains(label)) order.Add(label);
            lines[label] = lines.TryGetValue(label, out var before) ? $"{before}; {line}" : line;
        }
        return lines;
    }
}
