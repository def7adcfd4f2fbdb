using IaasKyc.Domain.Screening;

namespace IaasKyc.Tests.Domain.Screening;

public sealed class ScreeningIndexTests(RealListsFixture lists) : IClassFixture<RealListsFixture>
{
    private ScreeningHit Top(string name, ListEntryType? type = null, string? country = null, DateOnly? dob = null)
    {
        var hits = lists.Index.Search(new ScreeningQuery(name, type, country, dob));
        Assert.True(hits.Count > 0, $"\"{name}\" found nothing");
        return hits[0];
    }

    private ScreeningHit HitOn(string name, string entNum, ListEntryType? type = null, string? country = null, DateOnly? dob = null) =>
        Assert.Single(lists.Index.Search(new ScreeningQuery(name, type, country, dob), limit: 50), h => h.Entry.EntryId == entNum);

    [Fact]
    public void The_index_holds_every_primary_name_and_alias_of_sdn_and_dpl()
    {
        Assert.Equal(8976 + 581, lists.Index.EntryCount);
        // 8,976 + 11,910 + 581 names; an alias identical to another name of the same entry after normalisation counts once.
        Assert.InRange(lists.Index.NameCount, 20_500, 21_467);
    }

    [Fact]
    public void An_exact_name_scores_one()
    {
        var hit = Top("BANCO NACIONAL DE CUBA");

        Assert.Equal(("306", 1.0, false), (hit.Entry.EntryId, hit.Score, hit.ThroughAlias));
    }

    [Fact]
    public void Name_order_does_not_matter()
    {
        var hit = Top("Jong Un Kim");

        Assert.Equal(("20157", 1.0), (hit.Entry.EntryId, hit.Score));
    }

    [Fact]
    public void A_dropped_middle_name_still_alerts_and_is_named_in_the_explanation()
    {
        var hit = HitOn("Sanjivan Ruprah", "8294");

        Assert.InRange(hit.Score, ScreeningIndex.DefaultThreshold, 0.99);
        Assert.Equal(["singh"], hit.Explanation.UnmatchedListTokens);
        Assert.Empty(hit.Explanation.UnmatchedQueryTokens);
        Assert.Contains("not in the subject's name: singh", hit.Explanation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Mohammed_and_muhammad_are_the_same_name_in_another_transliteration()
    {
        var hit = HitOn("Abdul Majeed Noor Mohammed", "10587");

        var pair = Assert.Single(hit.Explanation.Pairs, p => p.QueryToken == "mohammed");
        Assert.Equal("muhammad", pair.ListToken);
        Assert.InRange(pair.Similarity, 0.8, 0.99);
        Assert.True(hit.Score >= ScreeningIndex.DefaultThreshold);
    }

    [Fact]
    public void Diacritics_and_case_are_ignored()
    {
        var hit = Top("Joaquín GUZMÁN loera");

        Assert.Equal(("6861", 1.0), (hit.Entry.EntryId, hit.Score));
    }

    [Fact]
    public void A_different_legal_form_neither_hides_nor_creates_a_match()
    {
        var anglo = HitOn("Anglo Caribbean Company Limited", "173");
        var bank = HitOn("Banco Nacional de Cuba S.A.", "306");
        var (score, _) = NameMatcher.Compare(new ScreeningQuery("Acme Trading LLC"), "Zenith Trading LLC");

        Assert.Equal(1.0, anglo.Score);
        Assert.Contains("legal forms ignored", anglo.Explanation.Text, StringComparison.Ordinal);
        Assert.Equal(1.0, bank.Score);
        Assert.True(score < 0.7, $"only 'trading' and the legal form are shared, scored {score}");
    }

    [Fact]
    public void An_alias_scores_like_a_primary_name()
    {
        var hit = HitOn("National Bank of Cuba", "306");

        Assert.Equal((1.0, true, "NATIONAL BANK OF CUBA"), (hit.Score, hit.ThroughAlias, hit.MatchedName));
    }

    [Fact]
    public void An_initial_pairs_with_a_given_name_of_that_letter()
    {
        var hit = HitOn("J. Guzman Loera", "6861");

        Assert.Contains(new TokenPair("j", "joaquin", NameScorer.InitialSimilarity), hit.Explanation.Pairs);
        Assert.True(hit.Score >= ScreeningIndex.DefaultThreshold);
        Assert.DoesNotContain(lists.Index.Search(new ScreeningQuery("K. Guzman Loera")), h => h.Entry.EntryId == "6861" && h.Score >= hit.Score);
    }

    [Theory]
    // Population-common names that are not on the lists: a partial match on them (JOHN B. PRIDMORE-SMITH, GARCIA ALBERT,
    // Maria Remedios) is weaker than one on rare names, so they do not alert.
    [InlineData("John Smith")]
    [InlineData("Maria Garcia")]
    [InlineData("Jose Rodriguez")]
    [InlineData("Michael Brown")]
    [InlineData("Priya Sharma")]
    // Generic company words: one distinctive word at most, or none.
    [InlineData("Global Trading Company")]
    [InlineData("International Holdings Ltd")]
    [InlineData("General Trading LLC")]
    [InlineData("Pacific Logistics GmbH")]
    [InlineData("Summit Technologies Inc.")]
    public void Common_names_and_generic_company_words_do_not_alert(string name)
    {
        var hits = lists.Index.Search(new ScreeningQuery(name));

        Assert.True(hits.Count == 0, $"{name}: {string.Join(" | ", hits.Select(h => $"{h.MatchedName} {h.Score}: {h.Explanation.Text}"))}");
    }

    [Fact]
    public void A_common_name_that_is_on_a_list_as_such_alerts()
    {
        // "WEI, Zhang" (ofac-sdn 23647) and "'ALI, Muhammad" (22113) are listed names: however common, a customer of that
        // name must be reviewed; Mohammed is Muhammad in another transliteration.
        Assert.Equal(("23647", 1.0), (Top("Wei Zhang").Entry.EntryId, Top("Wei Zhang").Score));
        Assert.True(HitOn("Mohammed Ali", "22113").Score >= ScreeningIndex.DefaultThreshold);
    }

    [Fact]
    public void Qualifiers_only_lower_a_score_and_say_why()
    {
        const string name = "Kim Jong Un";
        ScreeningHit With(ListEntryType? type = null, string? country = null, DateOnly? dob = null) =>
            lists.Index.Search(new ScreeningQuery(name, type, country, dob), 0, 50).Single(h => h.Entry.EntryId == "20157");

        var plain = With();
        var agreeing = With(ListEntryType.Individual, "KP", new DateOnly(1984, 1, 8));
        var foreign = With(country: "US");
        var otherBirth = With(dob: new DateOnly(1980, 1, 1));
        var nearBirth = With(dob: new DateOnly(1984, 6, 1));
        var company = With(ListEntryType.Entity);

        Assert.Equal(1.0, plain.Score);
        Assert.Equal(1.0, agreeing.Score);
        Assert.Empty(agreeing.Explanation.Qualifiers);
        Assert.Equal(NameScorer.CountryMismatchFactor, foreign.Score);
        Assert.Equal("country", Assert.Single(foreign.Explanation.Qualifiers).Qualifier);
        Assert.Equal(NameScorer.DateOfBirthMismatchFactor, otherBirth.Score);
        Assert.Contains("born 1980-01-01, the entry gives 1984-01-08", otherBirth.Explanation.Text, StringComparison.Ordinal);
        Assert.Equal(NameScorer.DateOfBirthNearFactor, nearBirth.Score);
        Assert.Equal(NameScorer.TypeMismatchFactor, company.Score);
        Assert.Equal("type", Assert.Single(company.Explanation.Qualifiers).Qualifier);
        Assert.All([foreign, otherBirth, nearBirth, company], h => Assert.Equal(1.0, h.Explanation.NameScore));
    }

    [Fact]
    public void A_guessed_type_never_lowers_a_score()
    {
        var ash = lists.Dpl.Entries.First(e => e.Name == "I. ASH");
        var hit = Assert.Single(lists.Index.Search(new ScreeningQuery("I. Ash", ListEntryType.Entity), 0.5, 50), h => h.Entry.EntryId == ash.EntryId);

        Assert.Empty(hit.Explanation.Qualifiers);
    }

    [Fact]
    public void The_explanation_lists_pairs_unmatched_tokens_and_reads_as_one_line()
    {
        var hit = lists.Index.Search(new ScreeningQuery("Ruprah Sanjivan Kumar"), 0.5, 50).Single(h => h.Entry.EntryId == "8294");

        Assert.Equal([new TokenPair("ruprah", "ruprah", 1), new TokenPair("sanjivan", "sanjivan", 1)], hit.Explanation.Pairs);
        Assert.Equal(["kumar"], hit.Explanation.UnmatchedQueryTokens);
        Assert.Equal(["singh"], hit.Explanation.UnmatchedListTokens);
        Assert.StartsWith("\"ruprah\" = \"ruprah\"; \"sanjivan\" = \"sanjivan\"; not in the list name: kumar; "
            + "not in the subject's name: singh; each name has words the other lacks; name score 0.", hit.Explanation.Text);
    }

    [Fact]
    public void Hits_come_best_first_one_per_entry_within_the_limit()
    {
        var hits = lists.Index.Search(new ScreeningQuery("Muhammad Ali"), 0.8, 5);

        Assert.InRange(hits.Count, 1, 5);
        Assert.Equal(hits.OrderByDescending(h => h.Score).Select(h => h.Score), hits.Select(h => h.Score));
        Assert.Equal(hits.Count, hits.Select(h => h.Entry).Distinct().Count());
        Assert.All(hits, h => Assert.True(h.Score >= 0.8));
        Assert.Empty(lists.Index.Search(new ScreeningQuery("  ")));
        Assert.Empty(ScreeningIndex.Empty.Search(new ScreeningQuery("Muhammad Ali")));
    }

    [Fact]
    public void The_index_finds_what_scoring_every_name_finds()
    {
        string[] queries = ["Leontyev Vladislav", "Joaquin Guzman", "Banco Nacional Cuba", "Kim Jong", "Sanjivan Ruprah"];
        var names = lists.Index.Entries.SelectMany(e => e.Aliases.Select(a => a.Name).Prepend(e.Name).Select(n => (Entry: e, Name: n))).ToList();

        foreach (var q in queries)
        {
            var query = new ScreeningQuery(q);
            var everyName = names.Where(n => NameMatcher.Compare(query, n.Name, n.Entry.Type).Score >= 0.85).Select(n => n.Entry).ToHashSet();
            var viaIndex = lists.Index.Search(query, 0.85, int.MaxValue).Select(h => h.Entry).ToHashSet();

            Assert.True(everyName.IsSubsetOf(viaIndex), $"{q}: the index missed {string.Join(", ", everyName.Except(viaIndex).Select(e => e.Name))}");
        }
    }

    [Fact]
    public void Find_returns_the_entry_of_a_source_and_id()
    {
        Assert.Equal("BANCO NACIONAL DE CUBA", lists.Index.Find(ListSource.OfacSdn, "306")?.Name);
        Assert.Null(lists.Index.Find(ListSource.BisDpl, "306"));
        Assert.Equal(lists.Dpl.Entries[0], lists.Index.Find(ListSource.BisDpl, lists.Dpl.Entries[0].EntryId));
    }
}
