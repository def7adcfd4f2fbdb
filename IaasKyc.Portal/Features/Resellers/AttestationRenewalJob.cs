using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Dashboard;

namespace IaasKyc.Portal.Features.Resellers;

/// <summary>Runs the attestation renewal (reminders, expiry findings) at start-up and then every hour; each run acts once per reminder and expiry.</summary>
public sealed class AttestationRenewalJob(IServiceProvider services, JobLeases leases, JobMonitor monitor, TimeProvider clock, ILogger<AttestationRenewalJob> logger)
    : PeriodicJob(services, leases, monitor, clock, logger)
{
    public const string Job = "Attestation renewal";
    public const string ActorName = "system:attestation-renewal";

    public override string Name => Job;
    public override string Actor => ActorName;
    public override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task<string> RunAsync(IServiceProvider scope, CancellationToken ct)
    {
        var run = await scope.GetRequiredService<AttestationService>().RunRenewalsAsync(ct);
        return $"{run.RemindersMailed} reminder(s) mailed, {run.FindingsOpened} expiry finding(s) opened";
    }
}
