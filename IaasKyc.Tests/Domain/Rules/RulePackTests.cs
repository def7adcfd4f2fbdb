using IaasKyc.Domain.Rules;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Domain.Rules;

public sealed class RulePackTests
{
    [Fact]
    public void Default_pack_holds_every_parameter_of_the_regulation_table()
    {
        var pack = RulePack.Default;

        Assert.Equal(RulePack.Catalogue.Count, pack.Parameters.Count);
        Assert.Equal(25m, pack.BeneficialOwnershipPercent);
        Assert.Equal(15, pack.AiReportDeadlineDays);
        Assert.Equal(1e26, pack.AiComputeThresholdOps);
        Assert.Equal([60, 30, 7], pack.AttestationReminderDays);
        Assert.True(pack.AiModuleEnabled);
        Assert.Empty(RulePack.Validate(pack.Version, pack.EffectiveFrom, pack.Parameters));
    }

    [Theory]
    [InlineData("aiReportDeadlineDays", "0")]
    [InlineData("aiReportDeadlineDays", "15.5")]
    [InlineData("retentionYears", "100001")]
    [InlineData("beneficialOwnershipPercent", "0")]
    [InlineData("beneficialOwnershipPercent", "100.01")]
    [InlineData("aiComputeThresholdOps", "-1e26")]
    [InlineData("aiComputeThresholdOps", "Infinity")]
    [InlineData("aiEarlyWarningFraction", "1.5")]
    [InlineData("aiModuleEnabled", "yes")]
    [InlineData("attestationReminderDays", "60,,7")]
    [InlineData("attestationReminderDays", "60, thirty, 7")]
    public void An_invalid_value_gives_one_finding_that_names_the_parameter(string key, string value)
    {
        var parameters = Make.Parameters((key, value));

        var findings = RulePack.Validate("2026 final rule", new DateOnly(2026, 7, 1), parameters);

        var finding = Assert.Single(findings);
        Assert.Equal("rulePack.parameterInvalid", finding.Code);
        Assert.Equal(key, finding.Field);
        Assert.Contains(key, finding.Message);
    }

    [Theory]
    [InlineData("aiReportDeadlineDays", "10")]
    [InlineData("beneficialOwnershipPercent", "10.5")]
    [InlineData("beneficialOwnershipPercent", "100")]
    [InlineData("aiComputeThresholdOps", "5e25")]
    [InlineData("aiEarlyWarningFraction", "1")]
    [InlineData("aiModuleEnabled", "false")]
    [InlineData("attestationReminderDays", "90,30, 7, 1")]
    public void A_valid_changed_value_gives_no_finding(string key, string value)
    {
        var findings = RulePack.Validate("2026 final rule", new DateOnly(2026, 7, 1), Make.Parameters((key, value)));

        Assert.Empty(findings);
    }

    [Fact]
    public void A_missing_or_blank_parameter_is_required_at_its_key()
    {
        var parameters = Make.Parameters(("dueSoonDays", " "));
        parameters.Remove("cipProductionDays");

        var findings = RulePack.Validate("2026 final rule", new DateOnly(2026, 7, 1), parameters);

        Assert.Equal(["cipProductionDays", "dueSoonDays"], findings.Select(f => f.Field).Order());
        Assert.All(findings, f => Assert.Equal("rulePack.parameterRequired", f.Code));
    }

    [Fact]
    public void An_unknown_parameter_is_named_in_its_finding()
    {
        var findings = RulePack.Validate("2026 final rule", new DateOnly(2026, 7, 1), Make.Parameters(("ownershipPercent", "25")));

        var finding = Assert.Single(findings);
        Assert.Equal("rulePack.unknownParameter", finding.Code);
        Assert.Equal("ownershipPercent", finding.Field);
    }

    [Fact]
    public void A_version_needs_a_short_name_and_an_effective_date()
    {
        var blank = RulePack.Validate(" ", null, Make.Parameters());
        var tooLong = RulePack.Validate(new string('v', 101), new DateOnly(2026, 7, 1), Make.Parameters());

        Assert.Equal(["version", "effectiveFrom"], blank.Select(f => f.Field));
        Assert.Equal("rulePack.versionTooLong", Assert.Single(tooLong).Code);
    }

    [Fact]
    public void Typed_values_read_the_stored_parameters()
    {
        var pack = Make.Pack("2026 final rule", new DateOnly(2026, 7, 1),
            ("beneficialOwnershipPercent", "10.5"), ("aiReportDeadlineDays", "30"), ("attestationReminderDays", "90, 1"), ("aiModuleEnabled", "false"));

        Assert.Equal(10.5m, pack.BeneficialOwnershipPercent);
        Assert.Equal(30, pack.AiReportDeadlineDays);
        Assert.Equal([90, 1], pack.AttestationReminderDays);
        Assert.False(pack.AiModuleEnabled);
    }

    [Theory]
    [InlineData("2024-01-28", null)]
    [InlineData("2024-01-29", "2024-01-29 NPRM")]
    [InlineData("2025-12-31", "2024-01-29 NPRM")]
    [InlineData("2026-01-01", "2026 final rule")]
    [InlineData("2026-06-15", "2026 final rule")]
    [InlineData("2027-03-01", "2027 amendment")]
    public void ActiveOn_picks_the_latest_version_in_effect_and_ignores_future_ones(string day, string? expected)
    {
        RulePack[] versions =
        [
            Make.Pack("2026 final rule", new DateOnly(2026, 1, 1)),
            Make.Pack("2027 amendment", new DateOnly(2027, 3, 1)),
            RulePack.Default,
        ];

        var active = RulePack.ActiveOn(versions, DateOnly.Parse(day));

        Assert.Equal(expected, active?.Version);
    }
}
