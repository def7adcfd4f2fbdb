using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Screening;

namespace IaasKyc.Tests.Domain.Screening;

public sealed class SpecialMeasureImpactTests
{
    private static SpecialMeasureTerms Jurisdiction(string country, MeasureAction action = MeasureAction.Prohibit) =>
        new(MeasureTarget.Jurisdiction, action, country, null, [], null, new DateOnly(2026, 1, 5), new DateOnly(2026, 7, 4), new DateOnly(2027, 7, 4),
            "91 FR 1001", null);

    private static SpecialMeasureTerms Person(string name, string? country = null, params string[] aliases) =>
        new(MeasureTarget.Person, MeasureAction.Prohibit, country, name, aliases, null, new DateOnly(2026, 1, 5), new DateOnly(2026, 7, 4),
            new DateOnly(2027, 7, 4), "91 FR 1002", null);

    /// <summary>A German company paying by a German card, with a German phone and no owners: touched by nothing foreign to it.</summary>
    private static ImpactSubject German(CustomerKind kind = CustomerKind.Entity, string name = "Nordlicht Rechenzentrum GmbH") =>
        new(name, kind, null, "DE", "DE", "DE", [new("NL-1", "DE")], []);

    private static List<string> Codes(IReadOnlyList<ImpactReason> reasons) => [.. reasons.Select(r => r.Code)];

    [Fact]
    public void A_measure_on_another_country_touches_nothing()
    {
        Assert.Empty(SpecialMeasureImpact.Reasons(Jurisdiction("RU"), German()));
    }

    [Fact]
    public void The_jurisdiction_of_organisation_touches_an_entity()
    {
        var reasons = SpecialMeasureImpact.Reasons(Jurisdiction("RU"), German() with { CitizenshipOrJurisdiction = "RU" });

        Assert.Equal(["customerCountry"], Codes(reasons));
        Assert.Equal("Organised in Russian Federation", reasons[0].Text);
    }

    [Fact]
    public void The_citizenship_touches_an_individual()
    {
        var reasons = SpecialMeasureImpact.Reasons(Jurisdiction("RU"), German(CustomerKind.Individual, "Anna Schmid") with { CitizenshipOrJurisdiction = "RU" });

        Assert.Equal("Citizen of Russian Federation", Assert.Single(reasons).Text);
    }

    [Fact]
    public void A_US_state_jurisdiction_is_never_a_foreign_country()
    {
        Assert.Empty(SpecialMeasureImpact.Reasons(Jurisdiction("DE"), German() with { CitizenshipOrJurisdiction = "US-DE", AddressCountry = "US", PhoneCountry = "US", Accounts = [] }));
    }

    [Fact]
    public void The_address_country_touches_the_customer()
    {
        var reasons = SpecialMeasureImpact.Reasons(Jurisdiction("BY"), German() with { AddressCountry = "BY" });

        Assert.Equal(["addressCountry"], Codes(reasons));
        Assert.Equal("Address in Belarus", reasons[0].Text);
    }

    [Fact]
    public void Each_account_paying_through_an_issuer_there_is_named()
    {
        var subject = German() with { Accounts = [new("A-1", "HK"), new("A-2", "DE"), new("A-3", "HK")] };

        var reasons = SpecialMeasureImpact.Reasons(Jurisdiction("HK"), subject);

        Assert.Equal(["paymentIssuer", "paymentIssuer"], Codes(reasons));
        Assert.Equal(["A-1", "A-3"], reasons.Select(r => r.AccountReference));
        Assert.Equal("Account A-1 pays through an issuer in Hong Kong", reasons[0].Text);
    }

    [Fact]
    public void The_phone_country_touches_the_customer()
    {
        var reasons = SpecialMeasureImpact.Reasons(Jurisdiction("IR"), German() with { PhoneCountry = "IR" });

        Assert.Equal(["phoneCountry"], Codes(reasons));
    }

    [Fact]
    public void A_beneficial_owner_there_touches_the_customer_by_name()
    {
        var subject = German() with { Owners = [new("Wei Zhang", "CN"), new("Li Na", "HK")] };

        var reasons = SpecialMeasureImpact.Reasons(Jurisdiction("CN"), subject);

        Assert.Equal("Beneficial owner Wei Zhang in China", Assert.Single(reasons).Text);
        Assert.Equal("ownerCountry", reasons[0].Code);
    }

    [Fact]
    public void Every_fact_that_ties_the_customer_there_is_a_reason_of_its_own()
    {
        var subject = new ImpactSubject("Volga Cloud Services LLC", CustomerKind.Entity, null, "RU", "RU", "RU", [new("VC-1", "RU")], [new("Ivan Petrov", "RU")]);

        var reasons = SpecialMeasureImpact.Reasons(Jurisdiction("RU"), subject);

        Assert.Equal(["customerCountry", "addressCountry", "paymentIssuer", "phoneCountry", "ownerCountry"], Codes(reasons));
    }

    [Fact]
    public void A_prohibition_in_effect_blocks_verification_naming_the_measure_and_why_and_a_condition_does_not()
    {
        var prohibit = new MeasureEffect("SM-001", MeasureAction.Prohibit, "North Korea", null, [new("addressCountry", "Address in North Korea")]);
        var condition = new MeasureEffect("SM-002", MeasureAction.Condition, "Belarus", "No GPU", [new("addressCountry", "Address in Belarus")]);

        var finding = Assert.Single(SpecialMeasureImpact.VerifyBlockers([prohibit, condition]));

        Assert.Equal(("verify.specialMeasure", "risk"), (finding.Code, finding.Field));
        Assert.Contains("SM-001", finding.Message);
        Assert.Contains("Address in North Korea", finding.Message);
    }

    // ---- Persons, through the screening matcher (NameMatcher.Compare at ScreeningIndex.DefaultThreshold) ----

    [Fact]
    public void A_person_matches_the_customer_name_with_the_names_swapped()
    {
        var reasons = SpecialMeasureImpact.Reasons(Person("Ivan Petrov", "RU"), German(CustomerKind.Individual, "Petrov Ivan") with { CitizenshipOrJurisdiction = "RU" });

        var reason = Assert.Single(reasons);
        Assert.Equal("nameMatch", reason.Code);
        Assert.Contains("Petrov Ivan matches Ivan Petrov", reason.Text);
    }

    [Fact]
    public void A_person_matches_through_an_alias()
    {
        var reasons = SpecialMeasureImpact.Reasons(Person("Grigory Volkov", null, "Dark Harbor Hosting"), German(name: "Dark Harbor Hosting Ltd"));

        Assert.Contains("matches Dark Harbor Hosting", Assert.Single(reasons).Text);
    }

    [Fact]
    public void A_person_matches_a_beneficial_owner()
    {
        var subject = German() with { Owners = [new("Wei Zhang", "CN"), new("Li Na", "HK")] };

        var reasons = SpecialMeasureImpact.Reasons(Person("Zhang Wei", "CN"), subject);

        var reason = Assert.Single(reasons);
        Assert.Equal("ownerNameMatch", reason.Code);
        Assert.StartsWith("Beneficial owner Wei Zhang matches Zhang Wei", reason.Text);
    }

    [Fact]
    public void A_different_person_with_a_common_first_name_does_not_match()
    {
        Assert.Empty(SpecialMeasureImpact.Reasons(Person("Ivan Petrov", "RU"), German(CustomerKind.Individual, "Ivan Sokolov")));
    }

    [Fact]
    public void The_customer_other_names_are_compared_too()
    {
        var subject = German(name: "Northern Lights Compute GmbH") with { OtherNames = "Nordlicht; Aurora Rechenzentrum" };

        var reasons = SpecialMeasureImpact.Reasons(Person("Aurora Rechenzentrum"), subject);

        Assert.Contains("Customer name Aurora Rechenzentrum matches", Assert.Single(reasons).Text);
    }
}
