using IaasKyc.Domain.Screening;

namespace IaasKyc.Tests.Domain.Screening;

public sealed class NameMatcherTests
{
    [Theory]
    [InlineData("Müller-Lüdenscheidt", "muller ludenscheidt")]
    [InlineData("O'Brien & Sons", "obrien sons")]
    [InlineData("ANGLO-CARIBBEAN CO., LTD.", "anglo caribbean co ltd")]
    [InlineData("Cecoex, S.A.", "cecoex sa")]
    [InlineData("Straße Œuvre Łódź", "strasse oeuvre lodz")]
    [InlineData("J.P. Morgan", "jp morgan")]
    [InlineData("ＡＢＣ　Ｔｒａｄｉｎｇ", "abc trading")]
    public void Folding_removes_diacritics_case_and_punctuation(string name, string folded)
    {
        Assert.Equal(folded, NameNormalizer.Fold(name));
    }

    [Theory]
    [InlineData("OOO Romashka", "romashka", "ooo")]
    [InlineData("Gazprom Neft PAO", "gazprom neft", "pao")]
    [InlineData("Closed Joint-Stock Company Alfa", "alfa", "closed joint stock company")]
    [InlineData("Tabak S. de R.L. de C.V.", "tabak", "s de rl de cv")]
    [InlineData("Acme Trading Limited Liability Company", "acme trading", "limited liability company")]
    [InlineData("Havin Bank Liimted", "havin bank", "liimted")]
    public void Legal_forms_are_set_aside(string name, string tokens, string legal)
    {
        var normalized = NameNormalizer.Normalize(name);

        Assert.Equal(tokens, string.Join(' ', normalized.Tokens));
        Assert.Equal(legal, string.Join(' ', normalized.LegalForms));
    }

    [Fact]
    public void A_persons_name_keeps_words_that_look_like_legal_forms()
    {
        Assert.Equal(["ao", "wei"], NameNormalizer.Normalize("Ao Wei", keepLegalForms: true).Tokens);
        Assert.Equal(["ao"], NameNormalizer.Normalize("AO").Tokens);
    }

    [Fact]
    public void Jaro_winkler_gives_the_textbook_values()
    {
        Assert.Equal(0.961, JaroWinkler.Similarity("martha", "marhta"), 3);
        Assert.Equal(0.840, JaroWinkler.Similarity("dwayne", "duane"), 3);
        Assert.Equal(0.813, JaroWinkler.Similarity("dixon", "dicksonx"), 3);
        Assert.Equal(1.0, JaroWinkler.Similarity("same", "same"));
        Assert.Equal(0.0, JaroWinkler.Similarity("abc", "xyz"));
    }

    [Fact]
    public void Compare_scores_an_order_swap_and_a_dropped_middle_name()
    {
        var (swapped, _) = NameMatcher.Compare(new ScreeningQuery("Vladislav Leontyev"), "LEONTYEV, Vladislav", ListEntryType.Individual);
        var (dropped, explanation) = NameMatcher.Compare(new ScreeningQuery("Vladislav Leontyev"), "LEONTYEV, Vladislav Vladimirovich", ListEntryType.Individual);

        Assert.Equal(1.0, swapped);
        Assert.Equal(1 - NameScorer.UnmatchedListPenalty, dropped);
        Assert.Equal(["vladimirovich"], explanation.UnmatchedListTokens);
    }

    [Fact]
    public void Compare_applies_the_qualifiers_it_is_given()
    {
        var query = new ScreeningQuery("Vladislav Leontyev", ListEntryType.Individual, "DE", new DateOnly(1971, 7, 5));

        var (score, explanation) = NameMatcher.Compare(query, "Vladislav Leontyev", ListEntryType.Individual, ["RU"], ["1971-07-05"]);

        Assert.Equal(NameScorer.CountryMismatchFactor, score);
        Assert.Equal(1.0, explanation.NameScore);
        var effect = Assert.Single(explanation.Qualifiers);
        Assert.Equal(("country", NameScorer.CountryMismatchFactor), (effect.Qualifier, effect.Factor));
        Assert.Contains("country DE is not among the entry's RU", explanation.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_token_must_be_spelled_alike_and_a_prefix_is_not_a_name()
    {
        Assert.True(NameScorer.TokenSimilarity("john", "jong") < NameScorer.PairFloor);
        Assert.True(NameScorer.TokenSimilarity("tran", "transportes") < NameScorer.PairFloor);
        Assert.Equal(1.0, NameScorer.TokenSimilarity("li", "li"));
        Assert.Equal(0.0, NameScorer.TokenSimilarity("j", "joaquin", initials: false));
    }

    [Fact]
    public void Names_sharing_only_generic_words_score_low()
    {
        var (score, explanation) = NameMatcher.Compare(new ScreeningQuery("Delta Trading Inc."), "A A TRADING FZCO");

        Assert.True(score < 0.7, $"{score}: {explanation.Text}");
        Assert.Contains("only particles, generic words or initials matched", explanation.Text, StringComparison.Ordinal);
    }
}
