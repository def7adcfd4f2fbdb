using System.Globalization;
using System.Text;

namespace IaasKyc.Domain.Screening;

/// <summary>
/// The scoring rules of issue 5 item 2, shared by <see cref="ScreeningIndex"/> and <see cref="NameMatcher"/>. Every constant
/// is explained in <c>IaasKyc.Domain/Screening/README.md</c>.
/// </summary>
public static class NameScorer
{
    /// <summary>Two tokens less similar than this are not paired (each is then unmatched).</summary>
    public const double PairFloor = 0.80;

    /// <summary>An initial ("J") paired with a name starting with that letter ("John").</summary>
    public const double InitialSimilarity = 0.90;

    /// <summary>A non-identical pair in which a token has <see cref="ShortTokenLength"/> letters or fewer: Jaro-Winkler is lenient on short strings ("john" ~ "jong" 0.87).</summary>
    public const double ShortTokenFactor = 0.90;

    public const int ShortTokenLength = 4;

    /// <summary>A non-identical pair whose shorter token is under 60 % of the longer's length ("tran" ~ "transportes" 0.87 by Jaro-Winkler's prefix bonus).</summary>
    public const double LengthRatioFactor = 0.90;

    public const double LengthRatioFloor = 0.6;

    /// <summary>
    /// Below this length ratio no pair reaches <see cref="PairFloor"/>: the pair takes <see cref="LengthRatioFactor"/>, so
    /// Jaro-Winkler must reach 0.8 / 0.9; Winkler's bonus gives at most 0.4 × (1 − Jaro), so Jaro must reach 0.815, and
    /// Jaro ≤ (2 + ratio) / 3 needs ratio ≥ 0.444.
    /// </summary>
    public const double MinLengthRatio = 0.44;

    /// <summary>Each query token left unmatched multiplies the score by (1 − this × its weight).</summary>
    public const double UnmatchedQueryPenalty = 0.08;

    /// <summary>Each list token left unmatched multiplies the score by (1 − this × its weight): a dropped middle name costs 6 %.</summary>
    public const double UnmatchedListPenalty = 0.06;

    /// <summary>
    /// Only one full name part matched while the query or the list name has two or more: one shared surname, given name or
    /// distinctive company word is weak evidence.
    /// </summary>
    public const double SinglePartFactor = 0.85;

    /// <summary>
    /// No full name part matched, only particles, generic words or initials, and the names are not identical: something is
    /// left over ("Delta Trading" ~ "A A TRADING") or spelled differently ("Global Trading" ~ "GLOBE TRADE").
    /// </summary>
    public const double WeakOnlyFactor = 0.70;

    /// <summary>
    /// Each side has a word the other lacks ("Pacific Holdings" ~ "International Pacific Trading", "Jose Antonio Lopez" ~
    /// "Lopez, Jose Francisco"): unlike a dropped middle name, the names disagree.
    /// </summary>
    public const double ConflictFactor = 0.92;

    /// <summary>
    /// The list name has full parts the query lacks and every full part that matched is a common name
    /// (<see cref="NameNormalizer.CommonNames"/>, or with an index one found in at least <see cref="CommonTokenShare"/> of
    /// the indexed names): "Jose Garcia" against "GIL GARCIA, Jose Alejandro" is weaker evidence than "Joaquin Guzman"
    /// against "GUZMAN LOERA, Joaquin Archivaldo".
    /// </summary>
    public const double CommonOnlyFactor = 0.92;

    /// <summary>The share of indexed names a token must occur in to count as common (0.2 %: 43 of the 21,467 SDN + DPL names).</summary>
    public const double CommonTokenShare = 0.002;

    /// <summary>An index smaller than this many names treats no token as common.</summary>
    public const int CommonTokenMinNames = 20;

    /// <summary>The subject's type (individual, entity) differs from the entry's (individual, entity, vessel, aircraft).</summary>
    public const double TypeMismatchFactor = 0.80;

    /// <summary>The subject's country is none of the entry's countries (addresses, nationalities, flag).</summary>
    public const double CountryMismatchFactor = 0.90;

    /// <summary>The subject's date of birth is more than a year from every date of birth the entry gives.</summary>
    public const double DateOfBirthMismatchFactor = 0.80;

    /// <summary>The subject's date of birth is outside the entry's dates but within a year of one (a recording slip?).</summary>
    public const double DateOfBirthNearFactor = 0.95;

    /// <summary>
    /// The similarity the matcher uses for one token pair, 0 when they are not paired: Jaro-Winkler, lowered for short tokens
    /// and for a token that is only a prefix-like part of a much longer one; an initial pairs with a name of that letter when
    /// <paramref name="initials"/> (a person's name: in a company name a single letter is an abbreviation).
    /// </summary>
    public static double TokenSimilarity(string query, string list, bool initials = true)
    {
        if (query.Length == 1 || list.Length == 1)
        {
            if (query[0] != list[0]) return 0;
            return query.Length == list.Length ? 1 : initials ? InitialSimilarity : 0;
        }
        var s = JaroWinkler.Similarity(query, list);
        if (s >= 1) return 1;
        int shorter = Math.Min(query.Length, list.Length), longer = Math.Max(query.Length, list.Length);
        if (shorter <= ShortTokenLength) s *= ShortTokenFactor;
        if (shorter < LengthRatioFloor * longer) s *= LengthRatioFactor;
        return s >= PairFloor ? s : 0;
    }

    /// <summary>
    /// The name score of two token lists, given their pairwise similarities (<paramref name="sims"/>[i × list count + j],
    /// 0 where not pairable): greedy one-to-one pairing from the most similar pair down, weighted mean of the paired
    /// similarities, then the penalties for unmatched tokens and for a single matched name part.
    /// </summary>
    public static NameScore Score(IReadOnlyList<string> query, IReadOnlyList<string> list, ReadOnlySpan<double> sims,
        IReadOnlySet<string>? commonTokens = null)
    {
        int n = query.Count, m = list.Count;
        Span<bool> qUsed = stackalloc bool[n];
        Span<bool> lUsed = stackalloc bool[m];
        Span<bool> qWeak = stackalloc bool[n];
        Span<bool> lWeak = stackalloc bool[m];
        var pairs = new List<TokenPair>(Math.Min(n, m));
        double weighted = 0, weights = 0;
        int strongPairs = 0, rarePairs = 0;
        while (true)
        {
            int bi = -1, bj = -1;
            double best = 0;
            for (var i = 0; i < n; i++)
            {
                if (qUsed[i]) continue;
                for (var j = 0; j < m; j++)
                {
                    if (lUsed[j]) continue;
                    var s = sims[i * m + j];
                    // Ties go to the pair in the same position, then to the earlier query token.
                    if (s > best || (s > 0 && s == best && i == j && bi != bj)) (best, bi, bj) = (s, i, j);
                }
            }
            if (bi < 0) break;
            qUsed[bi] = lUsed[bj] = true;
            pairs.Add(new TokenPair(query[bi], list[bj], best));
            var wq = NameNormalizer.Weight(query[bi]);
            var wl = NameNormalizer.Weight(list[bj]);
            var w = (wq + wl) / 2;
            weighted += w * best;
            weights += w;
            // A full-weight token spelled nearly like a generic word or particle ("industires" ~ "industries", "first" ~
            // "finrost") is that word misspelt: neither side counts it as a full name part.
            if ((wq >= 1) != (wl >= 1) && best >= 0.9) qWeak[bi] = lWeak[bj] = true;
            if (wq >= 1 && wl >= 1)
            {
                strongPairs++;
                if (!IsCommon(query[bi], commonTokens) && !IsCommon(list[bj], commonTokens)) rarePairs++;
            }
        }

        var unmatchedQuery = new List<string>();
        var unmatchedList = new List<string>();
        var factor = 1.0;
        int strongQuery = 0, strongList = 0;
        for (var i = 0; i < n; i++)
        {
            var w = NameNormalizer.Weight(query[i]);
            if (w >= 1 && !qWeak[i]) strongQuery++;
            if (qUsed[i]) continue;
            unmatchedQuery.Add(query[i]);
            factor *= 1 - UnmatchedQueryPenalty * w;
        }
        for (var j = 0; j < m; j++)
        {
            var w = NameNormalizer.Weight(list[j]);
            if (w >= 1 && !lWeak[j]) strongList++;
            if (lUsed[j]) continue;
            unmatchedList.Add(list[j]);
            factor *= 1 - UnmatchedListPenalty * w;
        }
        var weakOnly = strongPairs == 0 && pairs.Count > 0
            && (unmatchedQuery.Count > 0 || unmatchedList.Count > 0 || pairs.Any(p => p.Similarity < 1));
        var singlePart = strongPairs == 1 && (strongQuery >= 2 || strongList >= 2);
        var conflict = unmatchedQuery.Any(t => NameNormalizer.Weight(t) >= 0.5) && unmatchedList.Any(t => NameNormalizer.Weight(t) >= 0.5);
        if (weakOnly) factor *= WeakOnlyFactor;
        if (singlePart) factor *= SinglePartFactor;
        if (conflict) factor *= ConflictFactor;
        var commonOnly = strongPairs > 0 && rarePairs == 0 && unmatchedList.Any(t => NameNormalizer.Weight(t) >= 1);
        if (commonOnly) factor *= CommonOnlyFactor;
        var score = weights == 0 ? 0 : weighted / weights * factor;
        return new NameScore(Math.Round(score, 4), pairs, unmatchedQuery, unmatchedList, singlePart, weakOnly, conflict, commonOnly);
    }

    private static bool IsCommon(string token, IReadOnlySet<string>? commonTokens) =>
        NameNormalizer.CommonNames.Contains(token) || commonTokens?.Contains(token) == true;

    /// <summary>The qualifiers that lower a score: type, country, date of birth. Unknown on either side: no effect.</summary>
    public static List<QualifierEffect> Qualify(ScreeningQuery query, ListEntryType? type, bool typeInferred,
        IReadOnlyList<string>? countries, IReadOnlyList<string>? datesOfBirth)
    {
        var effects = new List<QualifierEffect>();
        // A subject is a person or a company, never a vessel or an aircraft: any difference of type lowers the score.
        if (query.Type is { } wanted && type is { } listed && !typeInferred && wanted != listed)
            effects.Add(new QualifierEffect("type", $"the subject is {Article(wanted)}, the entry {Article(listed)}", TypeMismatchFactor));

        if (query.Country is { Length: > 0 } country && countries is { Count: > 0 }
            && !countries.Contains(country.ToUpperInvariant(), StringComparer.Ordinal))
            effects.Add(new QualifierEffect("country", $"country {country.ToUpperInvariant()} is not among the entry's {string.Join(", ", countries)}",
                CountryMismatchFactor));

        if (query.DateOfBirth is { } dob && datesOfBirth is { Count: > 0 })
        {
            var ranges = datesOfBirth.Select(d => ListFacts.TryRange(d, out var f, out var t) ? (f, t) : ((DateOnly, DateOnly)?)null)
                .OfType<(DateOnly From, DateOnly To)>().ToList();
            var shown = dob.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            if (ranges.Count > 0 && !ranges.Any(r => dob >= r.From && dob <= r.To))
            {
                effects.Add(ranges.Any(r => dob >= r.From.AddYears(-1) && dob <= r.To.AddYears(1))
                    ? new QualifierEffect("dateOfBirth", $"born {shown}, within a year of the entry's {string.Join(", ", datesOfBirth)}", DateOfBirthNearFactor)
                    : new QualifierEffect("dateOfBirth", $"born {shown}, the entry gives {string.Join(", ", datesOfBirth)}", DateOfBirthMismatchFactor));
            }
        }
        return effects;
    }

    private static string Article(ListEntryType type) => type switch
    {
        ListEntryType.Individual => "an individual",
        ListEntryType.Entity => "an entity",
        ListEntryType.Vessel => "a vessel",
        _ => "an aircraft",
    };

    /// <summary>The explanation of a score, with its one-line text for reviewers.</summary>
    public static MatchExplanation Explain(NameScore name, IReadOnlyList<string> legalForms, IReadOnlyList<QualifierEffect> qualifiers, double final)
    {
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendJoin("; ", name.Pairs.Select(p => p.Similarity >= 1
            ? $"\"{p.QueryToken}\" = \"{p.ListToken}\""
            : string.Create(inv, $"\"{p.QueryToken}\" ~ \"{p.ListToken}\" {p.Similarity:0.00}")));
        if (name.UnmatchedQuery.Count > 0) sb.Append("; not in the list name: ").AppendJoin(", ", name.UnmatchedQuery);
        if (name.UnmatchedList.Count > 0) sb.Append("; not in the subject's name: ").AppendJoin(", ", name.UnmatchedList);
        if (name.SinglePart) sb.Append("; only one name part matched");
        if (name.WeakOnly) sb.Append("; only particles, generic words or initials matched");
        if (name.Conflict) sb.Append("; each name has words the other lacks");
        if (name.CommonOnly) sb.Append("; a partial match on names common in the lists");
        if (legalForms.Count > 0) sb.Append("; legal forms ignored: ").AppendJoin(", ", legalForms);
        sb.Append(string.Create(inv, $"; name score {name.Score:0.00}"));
        foreach (var q in qualifiers) sb.Append(string.Create(inv, $"; {q.Reason} (×{q.Factor:0.00})"));
        if (qualifiers.Count > 0) sb.Append(string.Create(inv, $"; score {final:0.00}"));
        return new MatchExplanation(name.Pairs, name.UnmatchedQuery, name.UnmatchedList, name.Score, qualifiers, sb.ToString());
    }
}

/// <summary>A name score before qualifiers: the pairs, the tokens left over on each side, and whether only one part matched.</summary>
public sealed record NameScore(double Score, IReadOnlyList<TokenPair> Pairs, IReadOnlyList<string> UnmatchedQuery,
    IReadOnlyList<string> UnmatchedList, bool SinglePart, bool WeakOnly, bool Conflict, bool CommonOnly);
