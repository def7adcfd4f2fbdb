using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Dashboard;

namespace IaasKyc.Portal.Features.Retention;

/// <summary>
/// Once a day (and at start-up) stores each closed customer's retention date for the deadline board and lists newly purgeable
/// records; it never purges.
/// </summary>
public sealed class RetentionJob(IServiceProvider services, JobLeases leases, JobMonitor monitor, TimeProvider clock, ILogger<RetentionJob> logger)
    : PeriodicJob(services, leases, monitor, clock, logger)
{
    public const string Job = "Retention listing";
    public const string ActorName = "system:retention";

    public override string Name => Job;
    public override string Actor => ActorName;
    public override TimeSpan Interval => TimeSpan.FromDays(1);

    protected override async Task<string> RunAsync(IServiceProvider scope, CancellationToken ct)
    {
        var (listed, dropped) = await scope.GetRequiredService<RetentionService>().ListPurgeableAsync(ct);
        return $"{listed} record(s) newly purgeable, {dropped} listing(s) no longer purgeable";
    }
}
