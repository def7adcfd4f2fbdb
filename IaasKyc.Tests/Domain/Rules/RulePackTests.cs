using IaasKyc.Domain.Rules;

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
}
