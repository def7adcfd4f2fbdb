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
public sealed class ScreeningIndex
{
    /// <summary>Written on screening results and certificates, so a result can be tied to the algorithm that produced it.</summary>
    public const string MatcherVersion = "token-jw-1";

    /// <summary>The default alert threshold (documented in the Screening README).</summary>
    public const double DefaultThreshold = 0.88;

    public static ScreeningIndex Empty { get; } = Build([]);

    public static ScreeningIndex Build(IEnumerable<ListEntry> entries) => throw new NotImplementedException();

    /// <summary>Entries indexed.</summary>
    public int EntryCount => throw new NotImplementedException();

    /// <summary>Names indexed (primary names and aliases).</summary>
    public int NameCount => throw new NotImplementedException();

    /// <summary>Hits scoring at or above <paramref name="threshold"/>, best first, at most <paramref name="limit"/>, one per entry (its best name).</summary>
    public IReadOnlyList<ScreeningHit> Search(ScreeningQuery query, double threshold = DefaultThreshold, int limit = 10)
        => throw new NotImplementedException();

    /// <summary>The entry with this source and identifier, or null.</summary>
    public ListEntry? Find(ListSource source, string entryId) => throw new NotImplementedException();
}

/// <summary>Pairwise scoring with the matcher's rules, for small sets (special-measure persons) where no index is needed.</summary>
public static class NameMatcher
{
    /// <summary>The score (0..1) of <paramref name="query"/> against one candidate name, with its explanation.</summary>
    public static (double Score, MatchExplanation Explanation) Compare(ScreeningQuery query, string candidateName, ListEntryType? candidateType = null,
        IReadOnlyList<string>? candidateCountries = null, IReadOnlyList<string>? candidateDatesOfBirth = null)
        => throw new NotImplementedException();
}
