using IaasKyc.Domain.Rules;
using IaasKyc.Domain.Screening;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Domain.Screening;

public sealed class SpecialMeasureRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 29);
    private static readonly DateOnly Determination = new(2026, 3, 2);

    private static SpecialMeasureInput Jurisdiction(DateOnly? effective = null, DateOnly? expiry = null, string country = "KP",
        MeasureAction action = MeasureAction.Prohibit, string? condition = null) =>
        new(MeasureTarget.Jurisdiction, action, country, null, null, condition, Determination, effective ?? Determination.AddDays(180), expiry,
            "91 FR 12345", null);

    private static List<string> Fields(List<IaasKyc.Domain.Finding> findings) => [.. findings.Select(f => f.Field)];

    [Fact]
    public void An_effective_date_exactly_180_days_after_the_determination_is_accepted()
    {
        var (terms, findings) = SpecialMeasureRules.Parse(Jurisdiction(Determination.AddDays(180)), RulePack.Default, Today);

        Assert.Empty(findings);
        Assert.Equal(new DateOnly(2026, 8, 29), terms!.EffectiveDate);
    }

    [Fact]
    public void An_effective_date_one_day_earlier_is_refused_at_the_field_with_the_earliest_allowed_date()
    {
        var (terms, findings) = SpecialMeasureRules.Parse(Jurisdiction(Determination.AddDays(179)), RulePack.Default, Today);

        Assert.Null(terms);
        var finding = Assert.Single(findings);
        Assert.Equal("effectiveDate", finding.Field);
        Assert.Equal("effectiveDate.tooEarly", finding.Code);
        Assert.Contains("2026-08-29", finding.Message);
    }

    [Fact]
    public void The_lead_time_comes_from_the_rule_pack()
    {
        var pack = Make.Pack("short lead", new DateOnly(2026, 1, 1), ("specialMeasureLeadDays", "30"));

        var (accepted, _) = SpecialMeasureRules.Parse(Jurisdiction(Determination.AddDays(30)), pack, Today);
        var (_, refused) = SpecialMeasureRules.Parse(Jurisdiction(Determination.AddDays(29)), pack, Today);

        Assert.NotNull(accepted);
        Assert.Contains("2026-04-01", Assert.Single(refused).Message);
    }

    [Fact]
    public void A_missing_expiry_defaults_to_365_days_after_the_effective_date()
    {
        var (terms, _) = SpecialMeasureRules.Parse(Jurisdiction(new DateOnly(2026, 9, 1)), RulePack.Default, Today);

        Assert.Equal(new DateOnly(2027, 9, 1), terms!.ExpiryDate);
    }

    [Fact]
    public void The_default_duration_comes_from_the_rule_pack()
    {
        var pack = Make.Pack("short", new DateOnly(2026, 1, 1), ("specialMeasureDurationDays", "90"));

        var (terms, _) = SpecialMeasureRules.Parse(Jurisdiction(new DateOnly(2026, 9, 1)), pack, Today);

        Assert.Equal(new DateOnly(2026, 11, 30), terms!.ExpiryDate);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void An_expiry_on_or_before_the_effective_date_is_refused(int daysAfterEffective)
    {
        var effective = new DateOnly(2026, 9, 1);

        var (_, findings) = SpecialMeasureRules.Parse(Jurisdiction(effective, effective.AddDays(daysAfterEffective)), RulePack.Default, Today);

        Assert.Equal(["expiryDate"], Fields(findings));
    }

    [Fact]
    public void An_expiry_one_day_after_the_effective_date_is_accepted()
    {
        var effective = new DateOnly(2026, 9, 1);

        var (terms, findings) = SpecialMeasureRules.Parse(Jurisdiction(effective, effective.AddDays(1)), RulePack.Default, Today);

        Assert.Empty(findings);
        Assert.Equal(effective.AddDays(1), terms!.ExpiryDate);
    }

    [Theory]
    [InlineData("US")]
    [InlineData("us")]
    [InlineData("PR")]
    [InlineData("GU")]
    public void The_United_States_and_its_territories_are_not_foreign_jurisdictions(string country)
    {
        var (_, findings) = SpecialMeasureRules.Parse(Jurisdiction(country: country), RulePack.Default, Today);

        var finding = Assert.Single(findings);
        Assert.Equal(("country", "country.notForeign"), (finding.Field, finding.Code));
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("RUS")]
    [InlineData("US-DE")]
    [InlineData("R")]
    public void A_country_must_be_an_ISO_alpha_2_code(string country)
    {
        var (_, findings) = SpecialMeasureRules.Parse(Jurisdiction(country: country), RulePack.Default, Today);

        Assert.Equal(("country", "country.unknown"), (Assert.Single(findings).Field, findings[0].Code));
    }

    [Fact]
    public void A_lower_case_country_is_stored_upper_case()
    {
        var (terms, _) = SpecialMeasureRules.Parse(Jurisdiction(country: " ru "), RulePack.Default, Today);

        Assert.Equal("RU", terms!.Country);
    }

    [Fact]
    public void A_jurisdiction_needs_its_country()
    {
        var (_, findings) = SpecialMeasureRules.Parse(Jurisdiction() with { Country = " " }, RulePack.Default, Today);

        Assert.Equal(["country"], Fields(findings));
    }

    [Fact]
    public void A_person_needs_a_name_but_not_a_country()
    {
        var input = new SpecialMeasureInput(MeasureTarget.Person, MeasureAction.Prohibit, null, "  ", null, null, Determination,
            Determination.AddDays(180), null, "91 FR 12345", null);

        var (_, findings) = SpecialMeasureRules.Parse(input, RulePack.Default, Today);

        Assert.Equal(["personName"], Fields(findings));
    }

    [Fact]
    public void A_person_keeps_its_aliases_split_on_semicolons_and_lines_without_blanks_or_duplicates()
    {
        var input = new SpecialMeasureInput(MeasureTarget.Person, MeasureAction.Prohibit, "RU", "Ivan Petrov", "Ivan Petroff; ;\nI. Petrov\nivan petroff",
            null, Determination, Determination.AddDays(180), null, "91 FR 12345", null);

        var (terms, findings) = SpecialMeasureRules.Parse(input, RulePack.Default, Today);

        Assert.Empty(findings);
        Assert.Equal(["Ivan Petroff", "I. Petrov"], terms!.Aliases);
        Assert.Equal("Ivan Petrov (Russian Federation)", terms.Subject);
    }

    [Fact]
    public void A_person_with_a_US_country_is_refused()
    {
        var input = new SpecialMeasureInput(MeasureTarget.Person, MeasureAction.Prohibit, "US", "John Doe", null, null, Determination,
            Determination.AddDays(180), null, "91 FR 12345", null);

        Assert.Equal(["country"], Fields(SpecialMeasureRules.Parse(input, RulePack.Default, Today).Findings));
    }

    [Fact]
    public void A_condition_needs_its_text_and_a_prohibition_does_not()
    {
        var (_, missing) = SpecialMeasureRules.Parse(Jurisdiction(action: MeasureAction.Condition), RulePack.Default, Today);
        var (condition, _) = SpecialMeasureRules.Parse(Jurisdiction(action: MeasureAction.Condition, condition: "No GPU products"), RulePack.Default, Today);
        var (prohibition, _) = SpecialMeasureRules.Parse(Jurisdiction(condition: "ignored for a prohibition"), RulePack.Default, Today);

        Assert.Equal(["conditionText"], Fields(missing));
        Assert.Equal("No GPU products", condition!.ConditionText);
        Assert.Null(prohibition!.ConditionText);
    }

    [Fact]
    public void A_source_reference_is_required()
    {
        var (_, findings) = SpecialMeasureRules.Parse(Jurisdiction() with { SourceReference = "" }, RulePack.Default, Today);

        Assert.Equal(["sourceReference"], Fields(findings));
    }

    [Fact]
    public void Every_missing_field_is_named_at_once()
    {
        var (_, findings) = SpecialMeasureRules.Parse(new SpecialMeasureInput(null, null, null, null, null, null, null, null, null, null, null),
            RulePack.Default, Today);

        Assert.Equal(["target", "action", "country", "determinationDate", "effectiveDate", "sourceReference"], Fields(findings));
    }

    [Fact]
    public void A_determination_in_the_future_is_refused()
    {
        var input = Jurisdiction() with { DeterminationDate = Today.AddDays(1), EffectiveDate = Today.AddDays(181) };

        Assert.Equal(["determinationDate"], Fields(SpecialMeasureRules.Parse(input, RulePack.Default, Today).Findings));
    }

    [Fact]
    public void A_missing_effective_date_is_asked_for_with_the_earliest_allowed_date()
    {
        var (_, findings) = SpecialMeasureRules.Parse(Jurisdiction() with { EffectiveDate = null }, RulePack.Default, Today);

        Assert.Contains("2026-08-29", Assert.Single(findings).Message);
    }

    [Fact]
    public void A_measure_is_pending_before_its_effective_date_in_effect_on_it_and_until_the_day_before_expiry_and_expired_from_expiry()
    {
        var effective = new DateOnly(2026, 9, 1);
        var expiry = new DateOnly(2027, 9, 1);

        Assert.Equal(MeasureState.Pending, SpecialMeasureRules.StateOn(effective, expiry, effective.AddDays(-1)));
        Assert.Equal(MeasureState.InEffect, SpecialMeasureRules.StateOn(effective, expiry, effective));
        Assert.Equal(MeasureState.InEffect, SpecialMeasureRules.StateOn(effective, expiry, expiry.AddDays(-1)));
        Assert.Equal(MeasureState.Expired, SpecialMeasureRules.StateOn(effective, expiry, expiry));
    }
}
