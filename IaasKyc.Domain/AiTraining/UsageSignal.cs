using IaasKyc.Domain.Rules;

namespace IaasKyc.Domain.AiTraining;

/// <summary>What a usage signal leads to: nothing more than being stored, joining the account's open case, or opening one.</summary>
public enum SignalDecision { StoreOnly, AttachToOpenCase, OpenCase }

/// <summary>
/// A provider system's report of accelerator use on an account (issue 7 item 6), stored with the estimate it gave under the
/// rule pack then in effect and the case it joined, if any.
/// </summary>
public sealed class UsageSignal
{
    private UsageSignal() { }

    public UsageSignal(Guid id, Guid accountId, Guid customerId, string accelerator, double acceleratorCount, double hours, double utilization,
        DateTime startUtc, DateTime? endUtc, double? networkGbps, bool biologicalData, ComputeEstimate estimate, string rulePackVersion, DateTime receivedAtUtc)
    {
        (Id, AccountId, CustomerId, Accelerator, AcceleratorCount, Hours, Utilization) = (id, accountId, customerId, accelerator, acceleratorCount, hours, utilization);
        (StartUtc, EndUtc, NetworkGbps, BiologicalData, RulePackVersion, ReceivedAtUtc) = (startUtc, endUtc, networkGbps, biologicalData, rulePackVersion, receivedAtUtc);
        (EstimatedOperations, ClusterOpsPerSecond, ThresholdsMet) = (estimate.EstimatedOperations, estimate.ClusterOpsPerSecond ?? 0, string.Join(",", estimate.ThresholdsMet));
    }

    public Guid Id { get; private set; }
    public Guid AccountId { get; private set; }
    public Guid CustomerId { get; private set; }
    public string Accelerator { get; private set; } = "";
    public double AcceleratorCount { get; private set; }
    public double Hours { get; private set; }
    /// <summary>The utilisation the estimate used: the signal's, or the rule pack's default.</summary>
    public double Utilization { get; private set; }
    public DateTime StartUtc { get; private set; }
    public DateTime? EndUtc { get; private set; }
    public double? NetworkGbps { get; private set; }
    public bool BiologicalData { get; private set; }
    public double EstimatedOperations { get; private set; }
    public double ClusterOpsPerSecond { get; private set; }
    public string ThresholdsMet { get; private set; } = "";
    public string RulePackVersion { get; private set; } = "";
    public DateTime ReceivedAtUtc { get; private set; }
    public Guid? CaseId { get; private set; }

    public void AttachTo(Guid caseId) => CaseId = caseId;
}

/// <summary>When a usage signal opens a case (issue 7 item 6; regulation.md § 6 early warning).</summary>
public static class SignalPolicy
{
    /// <summary>
    /// The compute at which a case opens: <c>aiEarlyWarningFraction</c> of the training-compute threshold, or of the
    /// biological-sequence threshold when any of the account's signals says the run is mainly biological data.
    /// </summary>
    public static double EarlyWarningOps(RulePack rules, bool biological) =>
        rules.AiEarlyWarningFraction * (biological ? rules.AiBioComputeThresholdOps : rules.AiComputeThresholdOps);

    /// <summary>
    /// One open case per account: a later signal joins it. Otherwise a case opens once the account's cumulative estimate
    /// reaches the early-warning level ("reaches … or more": at or above), only for a foreign customer and with the module on.
    /// </summary>
    public static SignalDecision Decide(double cumulativeOps, bool biological, bool foreignCustomer, bool hasOpenCase, RulePack rules)
    {
        if (!rules.AiModuleEnabled) return SignalDecision.StoreOnly;
        if (hasOpenCase) return SignalDecision.AttachToOpenCase;
        return foreignCustomer && cumulativeOps >= EarlyWarningOps(rules, biological) ? SignalDecision.OpenCase : SignalDecision.StoreOnly;
    }
}
