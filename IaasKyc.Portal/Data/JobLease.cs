using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaasKyc.Portal.Data;

/// <summary>Which portal instance runs a background job until when (one row per job).</summary>
public sealed class JobLease
{
    public string Name { get; set; } = "";
    public string Holder { get; set; } = "";
    public DateTime ExpiresAtUtc { get; set; }
}

public sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.HasKey(e => e.Name);
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.Holder).HasMaxLength(200);
    }
}

/// <summary>
/// Runs a background job on one instance at a time when several portals share a PostgreSQL database (issue 10): a job
/// takes the lease row named after it, renews it while it works, and lets it go at the end; a lease whose holder died
/// expires and another instance takes it. One atomic upsert works on SQLite and PostgreSQL alike.
/// </summary>
public sealed class JobLeases(IServiceScopeFactory scopes, TimeProvider clock, ILogger<JobLeases> logger)
{
    /// <summary>This process, as it appears in the lease rows.</summary>
    public string Holder { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Takes or renews the lease on <paramref name="job"/> for <paramref name="duration"/>; false when another live instance holds it.</summary>
    public async Task<bool> TryAcquireAsync(string job, TimeSpan duration, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        var taken = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "JobLeases" ("Name", "Holder", "ExpiresAtUtc") VALUES ({job}, {Holder}, {until})
            ON CONFLICT ("Name") DO UPDATE SET "Holder" = excluded."Holder", "ExpiresAtUtc" = excluded."ExpiresAtUtc"
            WHERE "JobLeases"."Holder" = excluded."Holder" OR "JobLeases"."ExpiresAtUtc" < {now}
            """, ct);
        return taken == 1;
    }

    /// <summary>Gives the lease up (when this instance holds it), so another instance need not wait for it to expire.</summary>
    public async Task ReleaseAsync(string job, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlAsync($"""DELETE FROM "JobLeases" WHERE "Name" = {job} AND "Holder" = {Holder}""", ct);
    }

    /// <summary>
    /// Runs <paramref name="work"/> when this instance gets the lease, renewing it every third of
    /// <paramref name="duration"/> while it runs, and releasing it after. Returns false (without running) when another
    /// instance holds it. If a renewal fails the work is cancelled: another instance may take over. With
    /// <paramref name="keepAfterRun"/> the lease is kept until it lapses, so that no instance runs the job again within
    /// <paramref name="duration"/> (a periodic job's period).
    /// </summary>
    public async Task<bool> RunExclusiveAsync(string job, TimeSpan duration, Func<CancellationToken, Task> work, CancellationToken ct = default,
        bool keepAfterRun = false)
    {
        if (!await TryAcquireAsync(job, duration, ct)) return false;
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var done = new CancellationTokenSource();
        var renewals = RenewAsync(job, duration, lost, done.Token);
        try
        {
            await work(lost.Token);
        }
        finally
        {
            await done.CancelAsync();
            await renewals;
            if (!keepAfterRun) await ReleaseAsync(job, CancellationToken.None);
        }
        return true;
    }

    private async Task RenewAsync(string job, TimeSpan duration, CancellationTokenSource lost, CancellationToken done)
    {
        try
        {
            while (true)
            {
                await Task.Delay(duration / 3, clock, done);
                if (await TryAcquireAsync(job, duration, done)) continue;
                logger.LogWarning("The lease on job {Job} was lost; stopping the run.", job);
                await lost.CancelAsync();
                return;
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
            // The work finished.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Renewing the lease on job {Job} failed; stopping the run.", job);
            await lost.CancelAsync();
        }
    }
}
