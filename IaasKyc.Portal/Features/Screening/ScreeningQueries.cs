using System.Text.Json;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Screening;
using IaasKyc.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Screening;

public sealed record AlertListItem(Guid Id, Guid CustomerId, string CustomerName, ScreeningSubjectKind SubjectKind, string SubjectName, string Source,
    string EntryId, string EntryName, string MatchedName, double Score, AlertStatus Status, AlertDecision? Proposed, string? ProposedBy, DateTime OpenedAtUtc);

/// <summary>A hit with everything a reviewer weighs: the subject, the list entry's facts (from the active snapshot), the score's explanation and the decisions.</summary>
public sealed record AlertDetail(ScreeningAlert Alert, string CustomerName, CustomerStatus CustomerStatus, ListEntry? Entry, string? SubjectCountry, string SubjectType);

public sealed record RunView(Guid Id, Guid CustomerId, ScreeningSubjectKind SubjectKind, string SubjectKey, string SubjectName, string? SubjectCountry,
    string SubjectType, ScreeningTrigger Trigger, DateTime ScreenedAtUtc, string ScreenedBy, IReadOnlyList<SnapshotUsed> Snapshots, string MatcherVersion,
    double Threshold, int Hits, int Suppressed);

/// <summary>A customer's screening: the latest run of each subject and every hit, newest first.</summary>
public sealed record CustomerScreening(IReadOnlyList<RunView> LatestRuns, IReadOnlyList<AlertListItem> Alerts);

/// <summary>A screening certificate's content: the run, the customer, and the hits on that subject with their decisions.</summary>
public sealed record CertificateData(RunView Run, string CustomerName, IReadOnlyList<ScreeningAlert> Alerts);

public enum AlertFilter { ToReview, AwaitingDecision, Decided, All }

/// <summary>Reads of screening results and hits for pages, documents and the customer rules.</summary>
public sealed class ScreeningQueries(IDbContextFactory<PortalDbContext> dbFactory, ScreeningIndexHolder holder)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<AlertListItem>> AlertsAsync(AlertFilter filter, Guid? customerId = null, int take = 500, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = db.ScreeningAlerts.AsNoTracking();
        if (customerId is { } id) q = q.Where(a => a.CustomerId == id);
        q = filter switch
        {
            AlertFilter.ToReview => q.Where(a => a.Status == AlertStatus.Open || a.Status == AlertStatus.Proposed),
            AlertFilter.AwaitingDecision => q.Where(a => a.Status == AlertStatus.Proposed),
            AlertFilter.Decided => q.Where(a => a.Status == AlertStatus.ConfirmedMatch || a.Status == AlertStatus.Cleared),
            _ => q,
        };
        var rows = await q.OrderByDescending(a => a.OpenedAtUtc).ThenByDescending(a => a.Score).Take(take)
            .Join(db.Customers, a => a.CustomerId, c => c.Id, (a, c) => new AlertListItem(a.Id, a.CustomerId, c.LegalName, a.SubjectKind, a.SubjectName,
                a.Source, a.EntryId, a.EntryName, a.MatchedName, a.Score, a.Status, a.Proposed, a.ProposedBy, a.OpenedAtUtc))
            .ToListAsync(ct);
        return rows;
    }

    public async Task<AlertDetail?> AlertAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var alert = await db.ScreeningAlerts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        if (alert is null) return null;
        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == alert.CustomerId).Select(c => new { c.LegalName, c.Status }).FirstAsync(ct);
        var run = await db.ScreeningRuns.AsNoTracking().Where(r => r.Id == alert.RunId).Select(r => new { r.SubjectCountry, r.SubjectType }).FirstOrDefaultAsync(ct);
        var entry = ListSources.TryParse(alert.Source, out var source) ? holder.Current.Index.Find(source, alert.EntryId) : null;
        return new AlertDetail(alert, customer.LegalName, customer.Status, entry, run?.SubjectCountry, run?.SubjectType ?? "");
    }

    public async Task<CustomerScreening> CustomerAsync(Guid customerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var runs = await db.ScreeningRuns.AsNoTracking().Where(r => r.CustomerId == customerId).ToListAsync(ct);
        var latest = runs.GroupBy(r => r.SubjectKey).Select(g => g.OrderByDescending(r => r.ScreenedAtUtc).First())
            .OrderBy(r => r.SubjectKind).ThenBy(r => r.SubjectName, StringComparer.CurrentCultureIgnoreCase).Select(View).ToList();
        return new CustomerScreening(latest, await AlertsAsync(AlertFilter.All, customerId, ct: ct));
    }

    public async Task<CertificateData?> CertificateAsync(Guid runId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var run = await db.ScreeningRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        if (run is null) return null;
        var name = await db.Customers.Where(c => c.Id == run.CustomerId).Select(c => c.LegalName).FirstAsync(ct);
        // The hits on this subject raised up to this run, with their decisions as they stand.
        var alerts = await db.ScreeningAlerts.AsNoTracking()
            .Where(a => a.CustomerId == run.CustomerId && a.SubjectKey == run.SubjectKey && a.OpenedAtUtc <= run.ScreenedAtUtc)
            .OrderByDescending(a => a.Score).ToListAsync(ct);
        return new CertificateData(View(run), name, alerts);
    }

    /// <summary>Every hit on a customer and its owners with the decisions on it, highest score first (the customer dossier).</summary>
    public async Task<IReadOnlyList<ScreeningAlert>> AlertRecordsAsync(Guid customerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ScreeningAlerts.AsNoTracking().Where(a => a.CustomerId == customerId)
            .OrderByDescending(a => a.Score).ThenBy(a => a.OpenedAtUtc).ToListAsync(ct);
    }

    /// <summary>Open hits of a customer and whether a match on the customer itself is confirmed, counting changes not yet saved in <paramref name="db"/>.</summary>
    public static async Task<(int Open, bool ConfirmedOnCustomer)> HitStateAsync(PortalDbContext db, Guid customerId, CancellationToken ct)
    {
        var states = (await db.ScreeningAlerts.AsNoTracking().Where(a => a.CustomerId == customerId)
                .Select(a => new { a.Id, a.Status, a.SubjectKind }).ToListAsync(ct))
            .ToDictionary(a => a.Id, a => (a.Status, a.SubjectKind));
        foreach (var e in db.ChangeTracker.Entries<ScreeningAlert>().Where(e => e.Entity.CustomerId == customerId && e.State != EntityState.Deleted))
            states[e.Entity.Id] = (e.Entity.Status, e.Entity.SubjectKind);
        return (states.Values.Count(s => s.Status is AlertStatus.Open or AlertStatus.Proposed),
            states.Values.Any(s => s.Status == AlertStatus.ConfirmedMatch && s.SubjectKind == ScreeningSubjectKind.Customer));
    }

    public static async Task<int> OpenHitsAsync(PortalDbContext db, Guid customerId, CancellationToken ct) =>
        (await HitStateAsync(db, customerId, ct)).Open;

    public static RunView View(ScreeningRun r) => new(r.Id, r.CustomerId, r.SubjectKind, r.SubjectKey, r.SubjectName, r.SubjectCountry, r.SubjectType,
        r.Trigger, r.ScreenedAtUtc, r.ScreenedBy, JsonSerializer.Deserialize<List<SnapshotUsed>>(r.SnapshotsJson, Json) ?? [], r.MatcherVersion,
        r.Threshold, r.Hits, r.Suppressed);
}
