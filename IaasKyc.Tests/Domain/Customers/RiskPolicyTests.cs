using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Rules;
using IaasKyc.Domain.Screening;

namespace IaasKyc.Tests.Domain.Customers;

public sealed class RiskPolicyTests
{
    private static RiskAccount Card(string issuer = "US", PaymentMeansType means = PaymentMeansType.Card, PaymentSource source = PaymentSource.Customer,
        bool prepaid = false) => new(means, prepaid, issuer, source);

    private static RiskInput Us(params RiskAccount[] accounts) => new(true, "US-DE", "US", "US", accounts.Length == 0 ? [Card()] : accounts);

    private static int PointsOf(RiskAssessment a, string code) => a.Factors.Where(f => f.Code == code).Sum(f => f.Points);

    [Fact]
    public void A_US_customer_paying_itself_by_card_has_no_factor_and_is_low()
    {
        var a = RiskPolicy.Evaluate(Us());

        Assert.Empty(a.Factors);
        Assert.Equal(0, a.Score);
        Assert.Equal(RiskLevel.Low, a.Level);
    }

    [Fact]
    public void A_foreign_person_adds_10()
    {
        var a = RiskPolicy.Evaluate(Us() with { UsPerson = false, CitizenshipOrJurisdiction = "DE", AddressCountry = "DE", PhoneCountry = "DE" });

        Assert.Equal(10, PointsOf(a, "foreignPerson"));
        Assert.Equal(10, a.Score);
    }

    [Theory]
    [InlineData("citizenship", 40)]
    [InlineData("address", 30)]
    [InlineData("phone", 15)]
    [InlineData("issuer", 25)]
    public void Each_tie_to_a_foreign_adversary_weighs_by_how_strongly_it_ties_the_customer_there(string where, int points)
    {
        var input = where switch
        {
            "citizenship" => Us() with { CitizenshipOrJurisdiction = "CN" },
            "address" => Us() with { AddressCountry = "CN" },
            "phone" => Us() with { PhoneCountry = "CN" },
            _ => Us(Card("CN")),
        };

        var a = RiskPolicy.Evaluate(input);

        Assert.Equal(points, PointsOf(a, "foreignAdversary"));
        Assert.Equal(points, a.Score);
    }

    [Fact]
    public void A_foreign_customer_at_a_Russian_address_with_a_Russian_phone_is_high()
    {
        var a = RiskPolicy.Evaluate(new RiskInput(false, "RU", "RU", "RU", [Card("RU")]));

        Assert.Equal(RiskLevel.High, a.Level);
        Assert.Equal(10 + 40 + 30 + 15 + 25, a.Score);
        Assert.Contains(a.Factors, f => f.Code == "foreignAdversary" && f.Description.Contains("Russian Federation"));
    }

    [Fact]
    public void A_Russian_address_alone_is_enough_for_high_for_a_foreign_person()
    {
        var a = RiskPolicy.Evaluate(new RiskInput(false, "DE", "RU", "DE", [Card("DE")]));

        Assert.Equal(40, a.Score);
        Assert.Equal(RiskLevel.Medium, a.Level);
        Assert.Equal(RiskLevel.High, RiskPolicy.Evaluate(new RiskInput(false, "DE", "RU", "DE", [Card("DE", source: PaymentSource.ParentCompany)])).Level);
    }

    [Fact]
    public void Payment_issuers_count_once_per_country()
    {
        var a = RiskPolicy.Evaluate(Us(Card("IR"), Card("IR"), Card("US")));

        Assert.Equal(25, PointsOf(a, "foreignAdversary"));
    }

    [Fact]
    public void A_virtual_currency_wallet_paid_by_a_third_party_adds_25_and_15_and_is_medium()
    {
        var a = RiskPolicy.Evaluate(Us(Card(means: PaymentMeansType.VirtualCurrencyWallet, source: PaymentSource.ThirdParty)));

        Assert.Equal(25, PointsOf(a, "virtualCurrency"));
        Assert.Equal(15, PointsOf(a, "thirdPartyPayer"));
        Assert.Equal(40, a.Score);
        Assert.Equal(RiskLevel.Medium, a.Level);
    }

    [Fact]
    public void A_foreign_customer_paying_from_a_wallet_through_a_third_party_is_high()
    {
        var a = RiskPolicy.Evaluate(new RiskInput(false, "SG", "SG", "SG", [Card("SG", PaymentMeansType.VirtualCurrencyWallet, PaymentSource.ThirdParty)]));

        Assert.Equal(50, a.Score);
        Assert.Equal(RiskLevel.High, a.Level);
    }

    [Fact]
    public void Prepaid_adds_20_a_parent_payer_5_a_reseller_10_and_advanced_compute_15()
    {
        var prepaid = RiskPolicy.Evaluate(Us(Card(prepaid: true)));
        var parent = RiskPolicy.Evaluate(Us(Card(source: PaymentSource.ParentCompany)));
        var reseller = RiskPolicy.Evaluate(Us() with { ViaReseller = true });
        var gpu = RiskPolicy.Evaluate(Us() with { UsesAdvancedCompute = true });

        Assert.Equal(20, PointsOf(prepaid, "prepaid"));
        Assert.Equal(5, PointsOf(parent, "parentPayer"));
        Assert.Equal(10, PointsOf(reseller, "resellerChannel"));
        Assert.Equal(15, PointsOf(gpu, "advancedCompute"));
    }

    [Fact]
    public void A_third_party_payer_counts_instead_of_a_parent_payer()
    {
        var a = RiskPolicy.Evaluate(Us(Card(source: PaymentSource.ParentCompany), Card(source: PaymentSource.ThirdParty)));

        Assert.Equal(15, a.Score);
        Assert.DoesNotContain(a.Factors, f => f.Code == "parentPayer");
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(5, 60)]
    public void Open_screening_hits_add_30_each_up_to_60(int hits, int points)
    {
        var a = RiskPolicy.Evaluate(Us() with { OpenScreeningHits = hits });

        Assert.Equal(points, PointsOf(a, "screeningHits"));
    }

    [Fact]
    public void A_special_measure_prohibition_makes_the_customer_prohibited_and_names_the_measure()
    {
        var measure = new MeasureEffect("SM-007", MeasureAction.Prohibit, "Germany", null, [new("paymentIssuer", "Account A-1 pays through an issuer in Germany", "A-1")]);

        var a = RiskPolicy.Evaluate(Us(Card("DE")) with { SpecialMeasures = [measure] });

        Assert.Equal(RiskLevel.Prohibited, a.Level);
        Assert.Equal(100, PointsOf(a, "specialMeasureProhibition"));
        Assert.Contains("SM-007", a.Factors.Single(f => f.Code == "specialMeasureProhibition").Description);
        Assert.Contains("Account A-1 pays through an issuer in Germany", a.Factors.Single(f => f.Code == "specialMeasureProhibition").Description);
    }

    [Fact]
    public void A_special_measure_condition_raises_a_low_customer_to_high_with_its_condition_text()
    {
        var measure = new MeasureEffect("SM-008", MeasureAction.Condition, "Belarus", "No GPU products; monthly review of access records",
            [new("addressCountry", "Address in Belarus")]);

        var a = RiskPolicy.Evaluate(Us() with { AddressCountry = "BY", SpecialMeasures = [measure] });

        Assert.Equal(RiskLevel.High, a.Level);
        Assert.Equal(RiskPolicy.HighFrom, PointsOf(a, "specialMeasureCondition"));
        Assert.Contains("No GPU products; monthly review of access records", a.Factors.Single(f => f.Code == "specialMeasureCondition").Description);
    }

    [Fact]
    public void A_confirmed_sanctions_match_makes_the_customer_prohibited_whatever_else()
    {
        var a = RiskPolicy.Evaluate(Us() with { ConfirmedSanctionsMatch = true });

        Assert.Equal(RiskLevel.Prohibited, a.Level);
        Assert.Equal(100, a.Score);
    }

    [Theory]
    [InlineData(0, RiskLevel.Low)]
    [InlineData(19, RiskLevel.Low)]
    [InlineData(20, RiskLevel.Medium)]
    [InlineData(44, RiskLevel.Medium)]
    [InlineData(45, RiskLevel.High)]
    [InlineData(300, RiskLevel.High)]
    public void Scores_fall_in_levels_at_the_boundaries(int score, RiskLevel level)
    {
        Assert.Equal(level, RiskPolicy.LevelOf(score));
        Assert.Equal(RiskLevel.Prohibited, RiskPolicy.LevelOf(score, prohibition: true));
    }

    [Fact]
    public void Real_factors_cross_the_boundaries_where_the_thresholds_say()
    {
        var fifteen = RiskPolicy.Evaluate(Us(Card(source: PaymentSource.ThirdParty)));
        var twenty = RiskPolicy.Evaluate(Us(Card(prepaid: true)));
        var forty = RiskPolicy.Evaluate(Us(Card(means: PaymentMeansType.VirtualCurrencyWallet, source: PaymentSource.ThirdParty)));
        var fortyFive = RiskPolicy.Evaluate(Us(Card(means: PaymentMeansType.VirtualCurrencyWallet, prepaid: true)));

        Assert.Equal((15, RiskLevel.Low), (fifteen.Score, fifteen.Level));
        Assert.Equal((20, RiskLevel.Medium), (twenty.Score, twenty.Level));
        Assert.Equal((40, RiskLevel.Medium), (forty.Score, forty.Level));
        Assert.Equal((45, RiskLevel.High), (fortyFive.Score, fortyFive.Level));
    }

    [Theory]
    [InlineData(RiskLevel.High, 2027)]
    [InlineData(RiskLevel.Prohibited, 2027)]
    [InlineData(RiskLevel.Medium, 2028)]
    [InlineData(RiskLevel.Low, 2029)]
    public void Reverification_falls_due_by_risk_from_the_rule_pack(RiskLevel level, int year)
    {
        Assert.Equal(new DateOnly(year, 11, 29), RiskPolicy.ReverifyDue(new DateOnly(2026, 11, 29), level, RulePack.Default));
    }
}
