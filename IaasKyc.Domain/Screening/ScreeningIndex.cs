namespace IaasKyc.Domain.Screening;

/// <summary>What is screened: a name, and optional qualifiers that can only lower a score.</summary>
/// <param name="Type">Individual or Entity (null: unknown).</param>
/// <param name="Country">ISO 3166-1 alpha-2 of the subject's country (null: unknown).</param>
/// <param name="DateOfBirth">An individual's date of birth (null: unknown).</param>
public sealed record ScreeningQuery(string Name, ListEntryType? Type = null, string? Country = null, DateOnly? DateOfBirth = null);

/// <summary>One query token paired with one list token, and their Jaro-Winkler similarity (0..1).</summary>
public sealed record TokenPair(string QueryToken, string ListToken, double Similarity);

/// <summary>A qualifier that lowered a score: which one (<c>country</c>, <c>dateOfBirth</c>, <c>type</c>), why, and the factor applied (&lt; 1).</summary>
public sealed record QualifierEffect(string Qualifier, string Reason, double Factor);

/// <summary>
/// Why a name scored what it did: the token pairs, the tokens left unmatched on either side, the name score before
/// qualifiers, and each qualifier that lowered it. <see cref="Text"/> says it in one readable line for reviewers.
/// </summary>
public sealed record MatchExplanation(
    IReadOnlyList<TokenPair> Pairs,
    IReadOnlyList<string> UnmatchedQueryTokens,
    IReadOnlyList<string> UnmatchedListTokens,
    double NameScore,
    IReadOnlyList<QualifierEffect> Qualifiers,
    string Text);

/// <summary>A list entry that scored at or above the threshold, through its primary name or one of its aliases.</summary>
public sealed record ScreeningHit(ListEntry Entry, string MatchedName, bool ThroughAlias, double Score, MatchExplanation Explanation);

/// <summary>
/// The in-memory matcher over the active snapshots' entries: normalisation (diacritics, case, punctuation, legal forms,
/// initials), token-wise Jaro-Winkler with penalties, candidate retrieval through an index so that a query does not score
/// every name, and qualifiers that can only lower a score. Immutable once built; safe to search from many threads.
/// </summary>
/// <remarks>
/// Retrieval: every distinct token of every name is kept once in a dictionary, with the names it occurs in (postings) and
/// its padded character trigrams ("^mo", "moh", ..., "ed$"). A query token is compared with Jaro-Winkler only against the
/// dictionary tokens that share a trigram with it; the names posted under the tokens it pairs with are the candidates, and
/// a candidate that cannot reach the threshold with the query tokens it shares (an upper bound from the penalties) is
/// skipped before scoring.
/// </remarks>
public sealed class ScreeningIndex
{
    /// <summary>Written on screening results and certificates, so a result can be tied to the algorithm that produced it.</summary>
    public const string MatcherVersion = "token-jw-1";

    /// <summary>The default alert threshold (documented in the Screening README).</summary>
    public const double DefaultThreshold = 0.88;

    private readonly record struct IndexedName(int Entry, string Name, bool Alias, int[] Tokens, string[] LegalForms);

    private readonly ListEntry[] _entries;
    private readonly IndexedName[] _names;
    private readonly string[] _tokens;
    private readonly int[][] _postings;
    private readonly Dictionary<long, int[]> _trigrams;
    private readonly Dictionary<(ListSource, string), ListEntry> _byId;

    private readonly HashSet<string> _common;

    private ScreeningIndex(ListEntry[] entries, IndexedName[] names, string[] tokens, int[][] postings, Dictionary<long, int[]> trigrams,
        HashSet<string> common)
    {
        _common = common;
        _entries = entries;
        _names = names;
        _tokens = tokens;
        _postings = postings;
        _trigrams = trigrams;
        _byId = new Dictionary<(ListSource, string), ListEntry>(entries.Length);
        foreach (var e in entries) _byId.TryAdd((e.Source, e.EntryId), e);
    }

    public static ScreeningIndex Empty { get; } = Build([]);

    public static ScreeningIndex Build(IEnumerable<ListEntry> entries)
    {
        var all = entries.ToArray();
        var tokenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokens = new List<string>();
        var postings = new List<List<int>>();
        var names = new List<IndexedName>(all.Length * 2);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var e = 0; e < all.Length; e++)
        {
            var entry = all[e];
            var keepLegal = entry.Type == ListEntryType.Individual;
            seen.Clear();
            foreach (var (name, alias) in entry.Aliases.Select(a => (a.Name, true)).Prepend((entry.Name, false)))
            {
                var normalized = NameNormalizer.Normalize(name, keepLegal);
                if (normalized.Tokens.Count == 0 || !seen.Add(string.Join(' ', normalized.Tokens))) continue;
                var ids = new int[normalized.Tokens.Count];
                for (var t = 0; t < ids.Length; t++)
                {
                    var token = normalized.Tokens[t];
                    if (!tokenIds.TryGetValue(token, out var id))
                    {
                        id = tokens.Count;
                        tokenIds.Add(token, id);
                        tokens.Add(token);
                        postings.Add([]);
                    }
                    ids[t] = id;
                    var list = postings[id];
                    if (list.Count == 0 || list[^1] != names.Count) list.Add(names.Count);
                }
                names.Add(new IndexedName(e, name, alias, ids, [.. normalized.LegalForms]));
            }
        }

        var grams = new Dictionary<long, List<int>>();
        for (var id = 0; id < tokens.Count; id++)
        {
            if (tokens[id].Length < 2) continue;
            foreach (var g in Trigrams(tokens[id]))
            {
                if (!grams.TryGetValue(g, out var list)) grams[g] = list = [];
                if (list.Count == 0 || list[^1] != id) list.Add(id);
            }
        }
        var commonAt = Math.Max(NameScorer.CommonTokenMinNames, (int)Math.Ceiling(NameScorer.CommonTokenShare * names.Count));
        var common = tokens.Where((_, id) => postings[id].Count >= commonAt).ToHashSet(StringComparer.Ordinal);
        return new ScreeningIndex(all, [.. names], [.. tokens], [.. postings.Select(p => p.ToArray())],
            grams.ToDictionary(g => g.Key, g => g.Value.ToArray()), common);
    }

    /// <summary>The padded trigrams of a token ("^mo", "moh", ..., "ed$"), each packed into a long (three UTF-16 units).</summary>
    private static long[] Trigrams(string token)
    {
        var grams = new long[token.Length];
        for (var i = 0; i < token.Length; i++)
        {
            long a = i == 0 ? '^' : token[i - 1], b = token[i], c = i + 1 < token.Length ? token[i + 1] : '$';
            grams[i] = (a << 32) | (b << 16) | c;
        }
        return grams;
    }

    /// <summary>Entries indexed.</summary>
    public int EntryCount => _entries.Length;

    /// <summary>Names indexed (primary names and aliases; an alias identical to another name of its entry after normalisation counts once).</summary>
    public int NameCount => _names.Length;

    /// <summary>Distinct tokens in the index's dictionary.</summary>
    public int TokenCount => _tokens.Length;

    /// <summary>Tokens common in the indexed names (<see cref="NameScorer.CommonTokenShare"/>), which make weaker partial matches.</summary>
    public IReadOnlySet<string> CommonTokens => _common;

    /// <summary>All entries, in the order they were given.</summary>
    public IReadOnlyList<ListEntry> Entries => _entries;

    // Per-thread scratch space for candidate collection: the index itself stays immutable and shareable.
    [ThreadStatic] private static int[]? s_nameStamp;
    [ThreadStatic] private static int[]? s_nameMask;
    [ThreadStatic] private static int[]? s_tokenStamp;
    [ThreadStatic] private static int s_generation;

    /// <summary>Hits scoring at or above <paramref name="threshold"/>, best first, at most <paramref name="limit"/>, one per entry (its best name).</summary>
    public IReadOnlyList<ScreeningHit> Search(ScreeningQuery query, double threshold = DefaultThreshold, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (limit <= 0 || _names.Length == 0 || string.IsNullOrWhiteSpace(query.Name)) return [];
        var normalized = NameNormalizer.Normalize(query.Name, query.Type == ListEntryType.Individual);
        var q = normalized.Tokens.Take(30).ToArray();
        if (q.Length == 0) return [];

        var generation = NextGeneration();
        var nameStamp = s_nameStamp!;
        var nameMask = s_nameMask!;
        var tokenStamp = s_tokenStamp!;

        // For each query token, the dictionary tokens it pairs with and their similarity.
        var similar = new Dictionary<int, double>[q.Length];
        var candidates = new List<int>();
        for (var i = 0; i < q.Length; i++)
        {
            var earlier = Array.IndexOf(q, q[i]);
            if (earlier < i)
            {
                // A repeated token ("Ali Ali") pairs with the same tokens: reuse them and mark the same names.
                similar[i] = similar[earlier];
                var bit = 1 << Math.Min(i, 30);
                var earlierBit = 1 << Math.Min(earlier, 30);
                foreach (var name in candidates)
                    if ((nameMask[name] & earlierBit) != 0) nameMask[name] |= bit;
                continue;
            }
            similar[i] = [];
            if (q[i].Length < 2) continue; // an initial pairs during scoring, it does not retrieve
            var stamp = generation * 64 + i;
            foreach (var g in Trigrams(q[i]))
            {
                if (!_trigrams.TryGetValue(g, out var ids)) continue;
                foreach (var id in ids)
                {
                    if (tokenStamp[id] == stamp) continue;
                    tokenStamp[id] = stamp;
                    // Lengths too far apart cannot reach the pairing floor (Jaro ≤ (2 + shorter/longer) / 3, then the factors).
                    var other = _tokens[id];
                    if (Math.Min(q[i].Length, other.Length) < NameScorer.MinLengthRatio * Math.Max(q[i].Length, other.Length)) continue;
                    var s = NameScorer.TokenSimilarity(q[i], other);
                    if (s <= 0) continue;
                    similar[i][id] = s;
                    foreach (var name in _postings[id])
                    {
                        if (nameStamp[name] != generation)
                        {
                            nameStamp[name] = generation;
                            nameMask[name] = 0;
                            candidates.Add(name);
                        }
                        nameMask[name] |= 1 << Math.Min(i, 30);
                    }
                }
            }
        }

        var weights = q.Select(NameNormalizer.Weight).ToArray();
        var strongQuery = weights.Count(w => w >= 1);
        // rank[i]: how many identical tokens come before q[i] in the query (0 for the first of each).
        var rank = q.Select((t, i) => q.Take(i).Count(u => string.Equals(u, t, StringComparison.Ordinal))).ToArray();
        var best = new Dictionary<int, ScreeningHit>();
        var sims = new double[q.Length * 8];
        foreach (var name in candidates)
        {
            var indexed = _names[name];
            if (UpperBound(nameMask[name], q, weights, strongQuery, rank, similar, indexed.Tokens) < threshold) continue;
            var entry = _entries[indexed.Entry];
            var m = indexed.Tokens.Length;
            var initials = entry.Type == ListEntryType.Individual && (query.Type is null or ListEntryType.Individual);
            if (sims.Length < q.Length * m) sims = new double[q.Length * m];
            for (var i = 0; i < q.Length; i++)
            {
                for (var j = 0; j < m; j++)
                {
                    var token = _tokens[indexed.Tokens[j]];
                    sims[i * m + j] = q[i].Length == 1 || token.Length == 1
                        ? NameScorer.TokenSimilarity(q[i], token, initials)
                        : similar[i].GetValueOrDefault(indexed.Tokens[j]);
                }
            }
            var listTokens = indexed.Tokens.Select(t => _tokens[t]).ToArray();
            var score = NameScorer.Score(q, listTokens, sims.AsSpan(0, q.Length * m), _common);
            if (score.Score < threshold) continue;
            var qualifiers = NameScorer.Qualify(query, entry.Type, entry.TypeInferred, EntryCountries(entry), entry.DatesOfBirth);
            var final = Math.Round(qualifiers.Aggregate(score.Score, (s, e) => s * e.Factor), 4);
            if (final < threshold) continue;
            if (best.TryGetValue(indexed.Entry, out var existing) && existing.Score >= final) continue;
            var legal = normalized.LegalForms.Concat(indexed.LegalForms).Distinct().ToList();
            best[indexed.Entry] = new ScreeningHit(entry, indexed.Name, indexed.Alias, final, NameScorer.Explain(score, legal, qualifiers, final));
        }
        return [.. best.Values.OrderByDescending(h => h.Score).ThenBy(h => h.Entry.Name, StringComparer.Ordinal).Take(limit)];
    }

    /// <summary>
    /// The most a name can score when only the query tokens in <paramref name="mask"/> found it (initials aside): each
    /// other query token stays unmatched; no full part found takes the weak-only factor and one alone the single-part
    /// factor; a query made only of generic words that is not found whole takes the weak-only factor. A repeated query
    /// token ("Karim Ali Ali") counts as found only as often as the name holds a token it pairs with.
    /// </summary>
    private static double UpperBound(int mask, string[] q, double[] weights, int strongQuery, int[] rank,
        Dictionary<int, double>[] similar, int[] nameTokens)
    {
        var bound = 1.0;
        var strongMatched = 0;
        var missing = false;
        for (var i = 0; i < q.Length; i++)
        {
            var found = (mask & (1 << Math.Min(i, 30))) != 0;
            if (found && rank[i] > 0)
            {
                var first = i - rank[i];
                var available = 0;
                foreach (var t in nameTokens) if (similar[first].ContainsKey(t)) available++;
                found = rank[i] < available;
            }
            if (found && weights[i] >= 1) strongMatched++;
            if (!found && q[i].Length > 1)
            {
                bound *= 1 - NameScorer.UnmatchedQueryPenalty * weights[i];
                missing = true;
            }
        }
        if (strongMatched == 0 && (strongQuery >= 1 || missing)) bound *= NameScorer.WeakOnlyFactor;
        else if (strongMatched == 1 && strongQuery >= 2) bound *= NameScorer.SinglePartFactor;
        return bound;
    }

    /// <summary>The countries a country qualifier compares with: addresses, flags and registrations, nationalities.</summary>
    internal static IReadOnlyList<string> EntryCountries(ListEntry entry) =>
        entry.Nationalities.Count == 0 ? entry.Countries : [.. entry.Countries.Concat(entry.Nationalities).Distinct()];

    private int NextGeneration()
    {
        if (s_nameStamp is null || s_nameStamp.Length < _names.Length) { s_nameStamp = new int[_names.Length]; s_nameMask = new int[_names.Length]; s_generation = 0; }
        if (s_tokenStamp is null || s_tokenStamp.Length < _tokens.Length) { s_tokenStamp = new int[_tokens.Length]; s_generation = 0; }
        // Token stamps are generation × 64 + query token; restart (clearing) before they overflow.
        if (s_generation >= int.MaxValue / 64 - 1)
        {
            Array.Clear(s_nameStamp);
            Array.Clear(s_tokenStamp);
            s_generation = 0;
        }
        return ++s_generation;
    }

    /// <summary>The entry with this source and identifier, or null.</summary>
    public ListEntry? Find(ListSource source, string entryId) => _byId.GetValueOrDefault((source, entryId));
}

/// <summary>Pairwise scoring with the matcher's rules, for small sets (special-measure persons) where no index is needed.</summary>
public static class NameMatcher
{
    /// <summary>The score (0..1) of <paramref name="query"/> against one candidate name, with its explanation.</summary>
    public static (double Score, MatchExplanation Explanation) Compare(ScreeningQuery query, string candidateName, ListEntryType? candidateType = null,
        IReadOnlyList<string>? candidateCountries = null, IReadOnlyList<string>? candidateDatesOfBirth = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        var q = NameNormalizer.Normalize(query.Name ?? "", query.Type == ListEntryType.Individual);
        var c = NameNormalizer.Normalize(candidateName ?? "", candidateType == ListEntryType.Individual);
        var qt = q.Tokens.Take(30).ToArray();
        var ct = c.Tokens.Take(60).ToArray();
        var sims = new double[qt.Length * ct.Length];
        var initials = (candidateType is null or ListEntryType.Individual) && (query.Type is null or ListEntryType.Individual);
        for (var i = 0; i < qt.Length; i++)
            for (var j = 0; j < ct.Length; j++)
                sims[i * ct.Length + j] = NameScorer.TokenSimilarity(qt[i], ct[j], initials);
        var name = NameScorer.Score(qt, ct, sims);
        var qualifiers = NameScorer.Qualify(query, candidateType, false, candidateCountries, candidateDatesOfBirth);
        var final = Math.Round(qualifiers.Aggregate(name.Score, (s, e) => s * e.Factor), 4);
        var legal = q.LegalForms.Concat(c.LegalForms).Distinct().ToList();
        return (final, NameScorer.Explain(name, legal, qualifiers, final));
    }
}
