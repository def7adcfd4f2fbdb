using IaasKyc.Portal.Data;

namespace IaasKyc.Portal.Features.Resellers;

/// <summary>Runs the attestation renewal (reminders, expiry findings) at start-up and then every hour; each run acts once per reminder and expiry.</summary>
/// With several instances on one PostgreSQL database, one of them runs it (<see cref="JobLeases"/>).
public sealed class AttestationRenewalJob(IServiceProvider services, JobLeases leases, Dashboard.JobMonitor monitor, TimeProvider clock, ILogger<AttestationRenewalJob> logger) : BackgroundService
{
    public const string Actor = "system:attestation-renewal";
    public const string Job = "Attestation renewal";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1));
        do
        {
            try
            {
                await leases.RunExclusiveAsync("attestation-renewal", TimeSpan.FromMinutes(90), async ct =>
                {
                    await using var scope = services.CreateAsyncScope();
                    scope.ServiceProvider.GetRequiredService<AuditActor>().Use(Actor);
                    var run = await scope.ServiceProvider.GetRequiredService<AttestationService>().RunRenewalsAsync(ct);
                    if (run.RemindersMailed + run.FindingsOpened > 0)
                        logger.LogInformation("Attestation renewal: {Reminders} reminder(s), {Findings} expiry finding(s).", run.RemindersMailed, run.FindingsOpened);
                    monitor.Record(Job, clock.GetUtcNow().UtcDateTime, true, $"{run.RemindersMailed} reminder(s) mailed, {run.FindingsOpened} expiry finding(s) opened");
                }, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed run is retried at the next tick; the portal keeps serving.
                monitor.Record(Job, clock.GetUtcNow().UtcDateTime, false, e.Message);
                logger.LogError(e, "The attestation renewal run failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
