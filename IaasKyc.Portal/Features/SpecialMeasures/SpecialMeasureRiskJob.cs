using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Dashboard;

namespace IaasKyc.Portal.Features.SpecialMeasures;

/// <summary>
/// Every hour (and at start-up) brings the stored risk of the customers touched by a special measure up to date once the
/// measure takes effect or expires: approval stores the risk as it stands that day, and a measure approved ahead of its
/// effective date would otherwise leave lists and queues showing the old risk (pages, verification and the provisioning
/// gate evaluate measures live in any case).
/// </summary>
public sealed class SpecialMeasureRiskJob(IServiceProvider services, JobLeases leases, JobMonitor monitor, TimeProvider clock, ILogger<SpecialMeasureRiskJob> logger)
    : PeriodicJob(services, leases, monitor, clock, logger)
{
    public const string Job = "Special measure risk";
    public const string ActorName = "system:special-measures";

    public override string Name => Job;
    public override string Actor => ActorName;
    public override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task<string> RunAsync(IServiceProvider scope, CancellationToken ct)
    {
        var measures = await scope.GetRequiredService<SpecialMeasureService>().RefreshRiskOfMeasuresChangingStandingAsync(ct);
        return $"{measures} measure(s) taking effect or expiring this week; their customers' risk brought up to date";
    }
}
