namespace IaasKyc.Portal.Features.Dashboard;

/// <summary>The entity kinds whose saves change what the dashboard and the deadline board show (live updates).</summary>
public static class DashboardKinds
{
    public static readonly IReadOnlySet<string> Deadlines = new HashSet<string>(StringComparer.Ordinal)
    {
        "Customer", "TrainingCase", "NonComplianceFinding", "Attestation", "CipProductionRequest", "SpecialMeasure", "Reseller", "RulePackVersion",
    };

    public static readonly IReadOnlySet<string> Home = new HashSet<string>(Deadlines, StringComparer.Ordinal)
    {
        "StatusChange", "ScreeningAlert", "ScreeningBatch", "ListSnapshot", "PortalUser", "ApiKey",
    };

    public static readonly IReadOnlySet<string> Notifications = new HashSet<string>(StringComparer.Ordinal) { nameof(Notification) };
}
