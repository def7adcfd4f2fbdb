namespace IaasKyc.Domain.Screening;

/// <summary>Jaro-Winkler similarity (0..1): Jaro's matching characters and transpositions, with Winkler's bonus for a common prefix of up to four characters (scaling 0.1, boost threshold 0.7).</summary>
public static class JaroWinkler
{
    public static double Similarity(string a, string b)
    {
        if (a.Length == 0 || b.Length == 0) return a.Length == b.Length ? 1 : 0;
        if (string.Equals(a, b, StringComparison.Ordinal)) return 1;
        if (a.Length > b.Length) (a, b) = (b, a);

        var window = Math.Max(0, b.Length / 2 - 1);
        Span<bool> aMatched = a.Length <= 64 ? stackalloc bool[a.Length] : new bool[a.Length];
        Span<bool> bMatched = b.Length <= 64 ? stackalloc bool[b.Length] : new bool[b.Length];
        var matches = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (bMatched[j] || a[i] != b[j]) continue;
                aMatched[i] = bMatched[j] = true;
                matches++;
                break;
            }
        }
        if (matches == 0) return 0;

        var transpositions = 0;
        for (int i = 0, k = 0; i < a.Length; i++)
        {
            if (!aMatched[i]) continue;
            while (!bMatched[k]) k++;
            if (a[i] != b[k]) transpositions++;
            k++;
        }
        double m = matches;
        var jaro = (m / a.Length + m / b.Length + (m - transpositions / 2.0) / m) / 3;

        // Winkler's boost applies only to strings already similar (Jaro above 0.7).
        if (jaro < 0.7) return jaro;
        var prefix = 0;
        while (prefix < Math.Min(4, a.Length) && a[prefix] == b[prefix]) prefix++;
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
