using IaasKyc.Portal.Features.Dashboard;

namespace IaasKyc.Portal.Data;

/// <summary>
/// A background job that runs at start-up and then every <see cref="Interval"/>: in a scope of its own, as its own audit actor,
/// once per period across every instance sharing the database, and storing each run with the <see cref="JobMonitor"/> shown
/// on the Admin's dashboard. A failed run is logged and retried at the next tick; the portal keeps serving.
/// </summary>
/// <remarks>
/// Once per period: the run takes the job's lease (<see cref="JobLeases"/>) for the interval plus a grace period and keeps it
/// after the run, so the other instances' ticks within the period find it held and skip; the holder's next tick renews it.
/// When the holder stops (or dies), the lease lapses (or is released) and another instance takes the job over.
/// </remarks>
public abstract class PeriodicJob(IServiceProvider services, JobLeases leases, JobMonitor monitor, TimeProvider clock, ILogger logger)
    : BackgroundService
{
    /// <summary>How late the holder's next tick may be before another instance takes the job over.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromMinutes(2);

    /// <summary>The job's name on the Admin's dashboard and in the logs.</summary>
    public abstract string Name { get; }

    /// <summary>Who the job's changes are attributed to in the audit trail (also the lease's name).</summary>
    public abstract string Actor { get; }

    public abstract TimeSpan Interval { get; }

    /// <summary>One run's work, in a fresh scope whose <see cref="AuditActor"/> is <see cref="Actor"/>; returns what it did, in a line.</summary>
    protected abstract Task<string> RunAsync(IServiceProvider scope, CancellationToken ct);

    /// <summary>
    /// Runs the job now unless another instance holds it for this period; records the outcome. True when this instance ran it
    /// (successfully or not).
    /// </summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct = default)
    {
        try
        {
            string? detail = null;
            var ran = await leases.RunExclusiveAsync(Actor, Interval + Grace, async token =>
            {
                await using var scope = services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<AuditActor>().Use(Actor);
                detail = await RunAsync(scope.ServiceProvider, token);
            }, ct, keepAfterRun: true);
            // A tick that finds the job held by another instance records nothing: the holder's run is the one to show.
            if (ran)
            {
                await monitor.RecordAsync(Name, clock.GetUtcNow().UtcDateTime, true, detail ?? "", leases.Holder, ct);
                logger.LogDebug("{Job}: {Detail}.", Name, detail);
            }
            return ran;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(e, "The {Job} run failed.", Name);
            try
            {
                await monitor.RecordAsync(Name, clock.GetUtcNow().UtcDateTime, false, e.Message, leases.Holder, CancellationToken.None);
            }
            catch (Exception recording)
            {
                logger.LogError(recording, "Recording the failed {Job} run failed too (the database is unavailable).", Name);
            }
            return true;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQLite's async calls complete synchronously: yield first, so the first run never holds up the host's start.
        await Task.Yield();
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // Another instance need not wait for the period to end.
            await leases.ReleaseAsync(Actor, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Releasing the lease of {Job} at shutdown failed; it lapses by itself.", Name);
        }
    }
}
