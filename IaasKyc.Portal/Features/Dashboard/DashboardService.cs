using IaasKyc.Domain.AiTraining;
using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Screening;
using IaasKyc.Portal.Features.SpecialMeasures;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Dashboard;

/// <summary>Which parts of the dashboard a user gets: one per role held.</summary>
public sealed record DashboardRoles(bool Officer, bool Approver, bool Auditor, bool Admin);

public sealed record OfficerWork(int MyDrafts, int Returned, int HitsToReview, int MyClocksDue);

/// <summary>Items waiting for this Approver: never the ones they submitted, proposed or drafted themselves (four-eyes).</summary>
public sealed record ApproverWork(int Customers, int Hits, int SpecialMeasures, int AiCases)
{
    public int Total => Customers + Hits + SpecialMeasures + AiCases;
}

public sealed record RecentDecision(string Customer, CustomerStatus Outcome, string By, DateTime AtUtc, Guid CustomerId);

public sealed record AuditorWork(DateOnly Since, int CustomerDecisions, int HitDecisions, int Exports, IReadOnlyList<RecentDecision> Recent);

public sealed record ListAge(string Source, DateTime? ImportedAtUtc, int? AgeDays, int Entries);

public sealed record JobState(string Job, string State, DateTime? AtUtc, bool Ok);

public sealed record AdminWork(IReadOnlyList<ListAge> Lists, IReadOnlyList<JobState> Jobs, int LockedOut);

public sealed record DashboardWork(OfficerWork? Officer, ApproverWork? Approver, AuditorWork? Auditor, AdminWork? Admin);

public sealed record ChartBar(string Label, int Count);

public sealed record DashboardCharts(IReadOnlyList<ChartBar> ByStatus, IReadOnlyList<ChartBar> ByRisk, IReadOnlyList<ChartBar> ForeignByCountry,
    IReadOnlyList<ChartBar> VerifiedPerWeek, IReadOnlyList<ChartBar> HitsByDecision);

/// <summary>Everything Home shows: the summary cards, the work by role, the compact board (30 days, 8 rows) and the charts.</summary>
public sealed record HomeDashboard(Home.HomeSummary Summary, DashboardWork Work, DeadlineBoard Board, DashboardCharts Charts);

/// <summary>The Home dashboard by role (issue 9 item 1) and its charts (item 3): every figure counted from stored data.</summary>
public sealed class DashboardService(IDbContextFactory<PortalDbContext> dbFactory, DeadlineService deadlines, Home.HomeService home, JobMonitor jobs,
    PortalTime time)
{
    public const int HomeBoardDays = 30;
    public const int HomeBoardRows = 8;

    public const int RecentDays = 7;
    public const int ThroughputWeeks = 12;
    public const int TopCountries = 15;
    public static readonly IReadOnlyList<string> ListSources = ["ofac-sdn", "bis-dpl", "csl"];

    /// <summary>
    /// What Home loads: the summary, the compact board, the work by role (which takes the user's clocks due from the board,
    /// one pass over the clocks) and the charts. One after another: each part reads through a context of its own, but tests
    /// share one in-memory SQLite connection, and running them side by side gained only about 10 ms (docs/performance.md).
    /// </summary>
    public async Task<HomeDashboard> HomeAsync(string me, DashboardRoles roles, CancellationToken ct = default)
    {
        var summary = await home.SummaryAsync(me, ct);
        var board = await deadlines.BoardAsync(new DeadlineFilter(HorizonDays: HomeBoardDays, Take: HomeBoardRows, Me: me), ct);
        var work = await WorkAsync(me, roles, board.MineDue, ct);
        return new(summary, work, board, await ChartsAsync(ct));
    }

    /// <param name="myClocksDue">The user's clocks due soon or overdue when the caller has the board already (Home does); counted here otherwise.</param>
    public async Task<DashboardWork> WorkAsync(string user, DashboardRoles roles, int? myClocksDue = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new DashboardWork(
            roles.Officer ? await OfficerAsync(db, user, myClocksDue, ct) : null,
            roles.Approver ? await ApproverAsync(db, user, ct) : null,
            roles.Auditor ? await AuditorAsync(db, ct) : null,
            roles.Admin ? await AdminAsync(db, ct) : null);
    }

    private async Task<OfficerWork> OfficerAsync(PortalDbContext db, string user, int? myClocksDue, CancellationToken ct)
    {
        var mine = myClocksDue ?? (await deadlines.ComingDueAsync(ct)).Count(r => string.Equals(r.Item.Whose, user, StringComparison.OrdinalIgnoreCase));
        return new OfficerWork(
            await db.Customers.CountAsync(c => c.Status == CustomerStatus.Draft && c.CreatedBy == user, ct),
            await db.Customers.CountAsync(c => c.Status == CustomerStatus.Rejected && (c.CreatedBy == user || c.SubmittedBy == user), ct),
            await db.ScreeningAlerts.CountAsync(a => a.Status == AlertStatus.Open, ct),
            mine);
    }

    private static async Task<ApproverWork> ApproverAsync(PortalDbContext db, string user, CancellationToken ct) => new(
        await db.Customers.CountAsync(c => (c.Status == CustomerStatus.Submitted || c.Status == CustomerStatus.Escalated || c.Status == CustomerStatus.Restricted)
            && c.SubmittedBy != user, ct),
        await db.ScreeningAlerts.CountAsync(a => a.Status == AlertStatus.Proposed && a.ProposedBy != user, ct),
        await db.SpecialMeasures.CountAsync(m => m.Status == MeasureStatus.Proposed && m.RecordedBy != user, ct),
        await db.TrainingCases.CountAsync(c => (c.State == CaseState.DraftReady && c.DraftBy != user)
            || (c.CloseProposedBy != null && c.CloseProposedBy != user && c.State != CaseState.ClosedNotReportable && c.State != CaseState.Filed), ct));

    private async Task<AuditorWork> AuditorAsync(PortalDbContext db, CancellationToken ct)
    {
        var since = time.Today.AddDays(-RecentDays);
        var sinceUtc = new Domain.Rules.Deadline(since.AddDays(-1), time.Zone).EndsAtUtc;
        var decisions = db.StatusChanges.Where(s => s.AtUtc >= sinceUtc
            && (s.To == CustomerStatus.Verified || s.To == CustomerStatus.Rejected || s.To == CustomerStatus.Restricted));
        var recent = await decisions.OrderByDescending(s => s.AtUtc).Take(5)
            .Join(db.Customers, s => s.CustomerId, c => c.Id, (s, c) => new RecentDecision(c.LegalName, s.To, s.By, s.AtUtc, c.Id))
            .ToListAsync(ct);
        return new AuditorWork(since,
            await decisions.CountAsync(ct),
            await db.ScreeningAlerts.CountAsync(a => a.DecidedAtUtc >= sinceUtc, ct),
            await db.AuditEntries.CountAsync(e => e.Action == "export" && e.AtUtc >= sinceUtc, ct),
            [.. recent.OrderByDescending(r => r.AtUtc)]);
    }

    private async Task<AdminWork> AdminAsync(PortalDbContext db, CancellationToken ct)
    {
        var active = await db.ListSnapshots.Where(s => s.Active)
            .GroupBy(s => s.Source).Select(g => new { Source = g.Key, At = g.Max(s => s.ImportedAtUtc), Entries = g.Sum(s => s.Entries) })
            .ToListAsync(ct);
        var today = time.Today;
        var lists = ListSources.Select(source => active.FirstOrDefault(a => a.Source == source) is { } a
            ? new ListAge(source, a.At, today.DayNumber - Domain.Rules.Deadline.LocalDate(a.At, time.Zone).DayNumber, a.Entries)
            : new ListAge(source, null, null, 0)).ToList();

        var batch = await db.ScreeningBatches.AsNoTracking().OrderByDescending(b => b.QueuedAtUtc).FirstOrDefaultAsync(ct);
        var rescreen = batch is null
            ? new JobState("Re-screening", "No run yet", null, true)
            : new JobState("Re-screening", batch.State switch
            {
                BatchState.Running => $"Running: {batch.Done:N0} of {batch.Total:N0}",
                BatchState.Queued => "Queued",
                _ => batch.Error is null ? $"{batch.State}: {batch.Done:N0} screened, {batch.NewHits:N0} new hit(s)" : $"{batch.State}: {batch.Error}",
            }, batch.FinishedAtUtc ?? batch.StartedAtUtc ?? batch.QueuedAtUtc, batch.Error is null);
        var jobStates = new List<JobState> { rescreen };
        var runs = await jobs.LastRunsAsync(ct);
        foreach (var job in new[] { Resellers.AttestationRenewalJob.Job, DeadlineNotifier.Job, Retention.RetentionJob.Job, SpecialMeasures.SpecialMeasureRiskJob.Job })
        {
            jobStates.Add(runs.TryGetValue(job, out var run)
                ? new JobState(job, run.Detail, run.AtUtc, run.Ok)
                : new JobState(job, "No run yet", null, true));
        }

        var now = time.UtcNow;
        var lockouts = await db.Users.Where(u => u.LockoutEnd != null).Select(u => u.LockoutEnd).ToListAsync(ct);
        return new AdminWork(lists, jobStates, lockouts.Count(e => e > now));
    }

    /// <summary>
    /// The charts from GROUP BY queries, no entity read: the three customer charts from one pass over the covering index
    /// (status, risk, U.S. person, country), folded here; the weekly throughput groups by hour in SQL and folds hours into local weeks.
    /// </summary>
    public async Task<DashboardCharts> ChartsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var groups = await db.Customers.GroupBy(c => new { c.Status, c.ComputedRisk, c.UsPerson, c.Country })
            .Select(g => new { g.Key.Status, g.Key.ComputedRisk, g.Key.UsPerson, g.Key.Country, Count = g.Count() }).ToListAsync(ct);
        var byStatus = groups.GroupBy(g => g.Status).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var byRisk = groups.GroupBy(g => g.ComputedRisk).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
        var byCountry = groups.Where(g => g.UsPerson == false && g.Country != null)
            .GroupBy(g => g.Country!).Select(g => (Key: g.Key, Count: g.Sum(x => x.Count)))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).Take(TopCountries).ToList();
        var hits = await db.ScreeningAlerts.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);

        // Weeks end today (local): week 0 is the last seven days.
        var today = time.Today;
        var firstDay = today.AddDays(-(7 * ThroughputWeeks) + 1);
        var fromUtc = new Domain.Rules.Deadline(firstDay.AddDays(-1), time.Zone).EndsAtUtc;
        // Grouped by UTC hour in SQL (at most 24 × 84 rows), each hour then placed on its local day: exact for whole-hour zones.
        var perHour = await db.StatusChanges.Where(s => s.To == CustomerStatus.Verified && s.AtUtc >= fromUtc)
            .GroupBy(s => new { s.AtUtc.Date, s.AtUtc.Hour }).Select(g => new { g.Key.Date, g.Key.Hour, Count = g.Count() }).ToListAsync(ct);
        var weeks = new int[ThroughputWeeks];
        foreach (var h in perHour)
        {
            var day = Domain.Rules.Deadline.LocalDate(DateTime.SpecifyKind(h.Date.AddHours(h.Hour), DateTimeKind.Utc), time.Zone);
            var index = (day.DayNumber - firstDay.DayNumber) / 7;
            if (index >= 0 && index < ThroughputWeeks) weeks[index] += h.Count;
        }

        return new DashboardCharts(
            [.. Enum.GetValues<CustomerStatus>().Select(s => new ChartBar(Customers.StatusChip.Label(s), byStatus.GetValueOrDefault(s)))],
            [.. Enum.GetValues<RiskLevel>().Select(r => new ChartBar(r.ToString(), byRisk.GetValueOrDefault(r)))],
            [.. byCountry.Select(g => new ChartBar(g.Key, g.Count))],
            [.. weeks.Select((count, i) => new ChartBar(firstDay.AddDays(7 * i).ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture), count))],
            [.. Enum.GetValues<AlertStatus>().Select(s => new ChartBar(HitLabel(s), hits.FirstOrDefault(g => g.Key == s)?.Count ?? 0))]);
    }

    private static string HitLabel(AlertStatus s) => s switch
    {
        AlertStatus.Open => "To review",
        AlertStatus.Proposed => "Awaiting decision",
        AlertStatus.ConfirmedMatch => "Confirmed match",
        _ => "Cleared",
    };
}
