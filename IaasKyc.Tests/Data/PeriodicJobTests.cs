using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Dashboard;
using IaasKyc.Portal.Features.Retention;
using IaasKyc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IaasKyc.Tests.Data;

/// <summary>
/// The background jobs' common loop: once per period across instances sharing the database (two instances here: two lease
/// holders and two monitors over one database), its own audit actor, and every run, skipped or failed, shown to the Admin.
/// Runs on SQLite and PostgreSQL.
/// </summary>
public sealed class PeriodicJobTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();

    public ValueTask DisposeAsync() => db.DisposeAsync();

    /// <summary>One portal instance's job: its own lease holder and monitor over the shared database.</summary>
    private (T Job, JobMonitor Monitor, JobLeases Leases) Instance<T>(Func<IServiceProvider, JobLeases, JobMonitor, T> make)
    {
        var monitor = new JobMonitor(db.Get<IServiceScopeFactory>());
        var leases = new JobLeases(db.Get<IServiceScopeFactory>(), db.Clock, NullLogger<JobLeases>.Instance);
        return (make(db.Get<IServiceProvider>(), leases, monitor), monitor, leases);
    }

    private (RetentionJob Job, JobMonitor Monitor, JobLeases Leases) Retention() =>
        Instance((sp, leases, monitor) => new RetentionJob(sp, leases, monitor, db.Clock, NullLogger<RetentionJob>.Instance));

    [Fact]
    public async Task A_job_runs_once_per_period_across_instances_and_another_takes_over_when_its_holder_stops_running_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var (a, _, leasesA) = Retention();
        var (b, monitorB, _) = Retention();

        Assert.True(await a.RunOnceAsync(ct));
        Assert.False(await b.RunOnceAsync(ct));
        // Both instances show the run, wherever it happened: the skipped tick on B records nothing over it.
        var seenFromB = (await monitorB.LastRunsAsync(ct))[RetentionJob.Job];
        Assert.Equal((true, "0 record(s) newly purgeable, 0 listing(s) no longer purgeable", leasesA.Holder), (seenFromB.Ok, seenFromB.Detail, seenFromB.Instance));

        // The holder's next tick, a day later, renews its hold: the other instance still stands by.
        db.Clock.Advance(TimeSpan.FromDays(1));
        Assert.False(await b.RunOnceAsync(ct));
        Assert.True(await a.RunOnceAsync(ct));
        Assert.False(await b.RunOnceAsync(ct));

        // The holder stops ticking (its process died): once the period and the grace have passed, the other instance runs it.
        db.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.False(await b.RunOnceAsync(ct));
        db.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await b.RunOnceAsync(ct));
        Assert.False(await a.RunOnceAsync(ct));
    }

    [Fact]
    public async Task Stopping_the_holder_lets_another_instance_run_the_job_at_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var (a, _, _) = Retention();
        var (b, _, _) = Retention();
        Assert.True(await a.RunOnceAsync(ct));

        await a.StopAsync(ct);

        Assert.True(await b.RunOnceAsync(ct));
    }

    [Fact]
    public async Task A_failed_run_is_shown_to_the_Admin_with_its_reason_and_the_next_run_goes_ahead()
    {
        var ct = TestContext.Current.CancellationToken;
        var (job, monitor, _) = Instance((sp, leases, m) => new FlakyJob(sp, leases, m, db.Clock));

        Assert.True(await job.RunOnceAsync(ct));
        Assert.Equal((false, "The list store is unreachable."), await LastAsync(monitor, FlakyJob.Job));

        db.Clock.Advance(job.Interval);
        Assert.True(await job.RunOnceAsync(ct));
        Assert.Equal((true, "ran as system:flaky"), await LastAsync(monitor, FlakyJob.Job));
    }

    /// <summary>Fails its first run; later runs report the audit actor they ran as.</summary>
    private static async Task<(bool, string)> LastAsync(JobMonitor monitor, string job) =>
        (await monitor.LastRunsAsync(TestContext.Current.CancellationToken))[job] is var run ? (run.Ok, run.Detail) : default;

    private sealed class FlakyJob(IServiceProvider services, JobLeases leases, JobMonitor monitor, TimeProvider clock)
        : PeriodicJob(services, leases, monitor, clock, NullLogger.Instance)
    {
        public const string Job = "Flaky";
        private int runs;

        public override string Name => Job;
        public override string Actor => "system:flaky";
        public override TimeSpan Interval => TimeSpan.FromMinutes(5);

        protected override async Task<string> RunAsync(IServiceProvider scope, CancellationToken ct)
        {
            if (runs++ == 0) throw new InvalidOperationException("The list store is unreachable.");
            return "ran as " + await scope.GetRequiredService<AuditActor>().NameAsync();
        }
    }
}
