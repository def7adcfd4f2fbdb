using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.RulePacks;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Home;

public sealed record HomeSummary(string RulePackVersion, DateOnly RulePackEffectiveFrom, int AuditEntriesToday, long AuditEntriesTotal,
    int Users, int LockedOutUsers, int ActiveApiKeys, int Customers, int AwaitingDecision, int Escalated, int MyDrafts,
    int HitsToReview = 0, int HitsAwaitingDecision = 0);

/// <summary>The figures on the Home page, all counted from stored data. The dashboard issue grows this page.</summary>
public sealed class HomeService(IDbContextFactory<PortalDbContext> dbFactory, PortalTime time)
{
    public async Task<HomeSummary> SummaryAsync(string? userName = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        var startOfToday = TimeZoneInfo.ConvertTimeToUtc(time.Today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), time.Zone);
        var now = time.UtcNow;
        return new HomeSummary(
            pack.Version, pack.EffectiveFrom,
            await db.AuditEntries.CountAsync(e => e.AtUtc >= startOfToday, ct),
            (await db.AuditHeads.AsNoTracking().Where(h => h.Id == 1).FirstOrDefaultAsync(ct))?.Sequence ?? 0,
            await db.Users.CountAsync(ct),
            (await db.Users.Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd).ToListAsync(ct)).Count(e => e > now),
            await db.ApiKeys.CountAsync(k => k.RevokedAtUtc == null, ct),
            await db.Customers.CountAsync(ct),
            await db.Customers.CountAsync(c => c.Status == CustomerStatus.Submitted || c.Status == CustomerStatus.Restricted, ct),
            await db.Customers.CountAsync(c => c.Status == CustomerStatus.Escalated, ct),
            userName is null ? 0 : await db.Customers.CountAsync(c => c.Status == CustomerStatus.Draft && c.CreatedBy == userName, ct),
            await db.ScreeningAlerts.CountAsync(a => a.Status == Screening.AlertStatus.Open, ct),
            await db.ScreeningAlerts.CountAsync(a => a.Status == Screening.AlertStatus.Proposed, ct));
    }
}
