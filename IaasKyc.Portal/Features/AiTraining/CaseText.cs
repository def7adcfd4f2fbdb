using IaasKyc.Domain.AiTraining;

namespace IaasKyc.Portal.Features.AiTraining;

/// <summary>How case triggers and states read on the pages.</summary>
public static class CaseText
{
    public static string Trigger(CaseTrigger t) => t switch
    {
        CaseTrigger.UsageSignal => "Usage signal",
        CaseTrigger.ResellerReport => "Reseller's report",
        CaseTrigger.OfficerObservation => "Officer's observation",
        _ => "Changed arrangement",
    };

    public static string State(CaseState s) => s switch
    {
        CaseState.Open => "Open",
        CaseState.DraftReady => "Draft ready",
        CaseState.Approved => "Approved",
        CaseState.Filed => "Filed",
        _ => "Closed: not reportable",
    };
}
