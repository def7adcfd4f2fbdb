using IaasKyc.Portal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaasKyc.Portal.Features.Dashboard;

/// <summary>The last run of a background job, on whichever instance ran it: when, whether it succeeded and what it did.</summary>
public sealed class JobRun
{
    public string Job { get; set; } = "";
    public DateTime AtUtc { get; set; }
    public bool Ok { get; set; }
    public string Detail { get; set; } = "";

    /// <summary>The portal instance that ran it (<see cref="JobLeases.Holder"/>).</summary>
    public string Instance { get; set; } = "";
}

public sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> b)
    {
        b.HasKey(e => e.Job);
        b.Property(e => e.Job).HasMaxLength(100);
        b.Property(e => e.Detail).HasMaxLength(JobMonitor.MaxDetail);
        b.Property(e => e.Instance).HasMaxLength(200);
    }
}

/// <summary>
/// Where the background jobs stand, for the Admin's dashboard: each run is stored in the database (one row per job), so with
/// several instances on PostgreSQL every instance shows the last run wherever it happened. Infrastructure, not audited: the
/// jobs' own changes are audited under their actors.
/// </summary>
public sealed class JobMonitor(IServiceScopeFactory scopes)
{
    public const int MaxDetail = 1000;

    public async Task RecordAsync(string job, DateTime atUtc, bool ok, string detail, string instance, CancellationToken ct = default)
    {
        detail = detail.Length > MaxDetail ? detail[..(MaxDetail - 1)] + "…" : detail;
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "JobRuns" ("Job", "AtUtc", "Ok", "Detail", "Instance") VALUES ({job}, {atUtc}, {ok}, {detail}, {instance})
            ON CONFLICT ("Job") DO UPDATE SET "AtUtc" = excluded."AtUtc", "Ok" = excluded."Ok", "Detail" = excluded."Detail", "Instance" = excluded."Instance"
            """, ct);
    }

    public async Task<IReadOnlyDictionary<string, JobRun>> LastRunsAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        return await db.JobRuns.AsNoTracking().ToDictionaryAsync(r => r.Job, StringComparer.Ordinal, ct);
    }
}
