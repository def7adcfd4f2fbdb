using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Dashboard;
using IaasKyc.Portal.Features.Screening;
using IaasKyc.Tests.Support;
using static IaasKyc.Tests.Features.Dashboard.DashboardData;

namespace IaasKyc.Tests.Features.Dashboard;

/// <summary>Who sees what on Home: each role its own part, an Approver never their own items.</summary>
public sealed class DashboardServiceTests : IAsyncDisposable
{
    private static readonly DashboardRoles Officer = new(true, false, false, false);
    private static readonly DashboardRoles Approver = new(false, true, false, false);
    private readonly ServiceTestDb db = new();

    public ValueTask DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task An_Approver_never_counts_what_they_submitted_or_recorded_themselves()
    {
        await Support.Customers.SubmittedForeignAsync(db.As<CustomerService>("lead"), db.Get<CustomerQueries>(), "Lead Submitted GmbH", "ACC-L");
        await Support.Customers.SubmittedForeignAsync(db.As<CustomerService>("officer"), db.Get<CustomerQueries>(), "Officer Submitted GmbH", "ACC-O");
        await using (var context = db.NewContext())
        {
            context.Add(Measure(1, Today.AddDays(180), Today.AddDays(545), by: "lead", approved: false));
            await context.SaveChangesAsync();
        }
        var service = db.Get<DashboardService>();

        var lead = (await service.WorkAsync("lead", Approver)).Approver!;
        var approver = (await service.WorkAsync("approver", Approver)).Approver!;

        Assert.Equal((1, 0), (lead.Customers, lead.SpecialMeasures));
        Assert.Equal((2, 1), (approver.Customers, approver.SpecialMeasures));
    }

    [Fact]
    public async Task An_Officer_sees_their_own_drafts_and_rejected_customers_and_no_other_role_s_part()
    {
        await using (var context = db.NewContext())
        {
            context.AddRange(Customer("Mine Draft"), Customer("Other Draft", by: "officer2"), Customer("Mine Rejected", status: CustomerStatus.Rejected),
                Customer("Other Rejected", by: "officer2", status: CustomerStatus.Rejected));
            await context.SaveChangesAsync();
        }

        var work = await db.Get<DashboardService>().WorkAsync("officer", Officer);

        Assert.Equal((1, 1), (work.Officer!.MyDrafts, work.Officer.Returned));
        Assert.Null(work.Approver);
        Assert.Null(work.Auditor);
        Assert.Null(work.Admin);
        var listed = await db.Get<CustomerQueries>().ListAsync(new CustomerQuery(Status: CustomerStatus.Rejected, Involving: "officer"));
        Assert.Equal(["Mine Rejected"], listed.Items.Select(i => i.Name));
    }

    [Fact]
    public async Task An_Auditor_sees_the_last_week_s_decisions_and_exports_and_an_Admin_list_ages_jobs_and_lockouts()
    {
        await using (var context = db.NewContext())
        {
            context.AddRange(Customer("Verified Corp", status: CustomerStatus.Verified), Customer("Rejected Corp", status: CustomerStatus.Rejected));
            context.ListSnapshots.Add(new ListSnapshot { Id = Guid.NewGuid(), Source = "ofac-sdn", Entries = 120, Active = true, ImportedBy = "admin", ImportedAtUtc = db.UtcNow.AddDays(-3) });
            var locked = Make.User("locked@example.com");
            locked.LockoutEnd = db.Clock.GetUtcNow().AddDays(2);
            context.Users.Add(locked);
            context.AuditEvent("export", "AuditExtract", "extract.pdf");
            await context.SaveChangesAsync();
        }
        await db.Get<JobMonitor>().RecordAsync(DeadlineNotifier.Job, db.UtcNow, true, "2 notice(s) raised", "another-instance:1");
        db.Clock.Advance(TimeSpan.FromDays(1));

        var work = await db.Get<DashboardService>().WorkAsync("auditor", new DashboardRoles(false, false, true, true));

        Assert.Equal((2, 1), (work.Auditor!.CustomerDecisions, work.Auditor.Exports));
        Assert.Equal(["Rejected Corp", "Verified Corp"], work.Auditor.Recent.Select(r => r.Customer).Order());
        Assert.Equal([("ofac-sdn", (int?)4, 120), ("bis-dpl", null, 0), ("csl", null, 0)], work.Admin!.Lists.Select(l => (l.Source, l.AgeDays, l.Entries)));
        Assert.Equal(1, work.Admin.LockedOut);
        Assert.Equal(["No run yet", "No run yet", "2 notice(s) raised", "No run yet", "No run yet"], work.Admin.Jobs.Select(j => j.State));
    }

    [Fact]
    public async Task Home_loads_the_summary_the_work_the_compact_board_and_the_charts_as_each_alone_gives_them()
    {
        await using (var context = db.NewContext())
        {
            context.AddRange(Customer("Mine Draft", by: "officer"), Customer("Theirs Submitted", by: "officer2", status: CustomerStatus.Submitted),
                Customer("Due Verified", status: CustomerStatus.Verified, reverifyDue: Today.AddDays(2), country: "DE", usPerson: false));
            await context.SaveChangesAsync();
        }
        var roles = new DashboardRoles(true, true, false, false);
        var service = db.Get<DashboardService>();

        var home = await service.HomeAsync("officer", roles);

        var board = await db.Get<DeadlineService>().BoardAsync(new DeadlineFilter(HorizonDays: 30, Take: 8, Me: "officer"));
        Assert.Equal(board.Rows.Select(r => (r.Item.Key, r.Standing.State)), home.Board.Rows.Select(r => (r.Item.Key, r.Standing.State)));
        Assert.Equal((1, 1), (home.Board.DueSoon, home.Work.Officer!.MyDrafts));
        Assert.Equal(await service.WorkAsync("officer", roles), home.Work);
        Assert.Equal(await db.Get<IaasKyc.Portal.Features.Home.HomeService>().SummaryAsync("officer"), home.Summary);
        Assert.Equal((await service.ChartsAsync()).ByStatus, home.Charts.ByStatus);
        Assert.Equal(3, home.Charts.ByStatus.Sum(b => b.Count));
    }

    [Fact]
    public async Task Charts_count_customers_by_status_risk_and_foreign_country_and_verifications_per_week()
    {
        await using (var context = db.NewContext())
        {
            context.AddRange(Customer("A", country: "DE", usPerson: false), Customer("B", country: "DE", usPerson: false, status: CustomerStatus.Verified),
                Customer("C", country: "FR", usPerson: false, status: CustomerStatus.Submitted), Customer("D", country: "US", usPerson: true, status: CustomerStatus.Verified),
                // 23:30 on 15 June in New York, already 16 June in UTC: still this week.
                Customer("E", status: CustomerStatus.Verified, decidedAtUtc: Make.Utc(2026, 6, 16, 3, 30)),
                // 23:30 on 24 March in New York, the first day of the twelve weeks; the day before is outside them.
                Customer("F", status: CustomerStatus.Verified, decidedAtUtc: Make.Utc(2026, 3, 25, 3, 30)),
                Customer("G", status: CustomerStatus.Verified, decidedAtUtc: Make.Utc(2026, 3, 24, 3, 30)));
            await context.SaveChangesAsync();
        }

        var charts = await db.Get<DashboardService>().ChartsAsync();

        Assert.Equal([1, 1, 0, 0, 5, 0, 0], charts.ByStatus.Select(b => b.Count));
        Assert.Equal(7, charts.ByRisk.Sum(b => b.Count));
        Assert.Equal([("DE", 2), ("FR", 1)], charts.ForeignByCountry.Select(b => (b.Label, b.Count)));
        Assert.Equal(DashboardService.ThroughputWeeks, charts.VerifiedPerWeek.Count);
        Assert.Equal(("03-24", 1), (charts.VerifiedPerWeek[0].Label, charts.VerifiedPerWeek[0].Count));
        Assert.Equal(3, charts.VerifiedPerWeek[^1].Count);
        Assert.Equal(0, charts.VerifiedPerWeek.Skip(1).SkipLast(1).Sum(b => b.Count));
        Assert.All(charts.HitsByDecision, b => Assert.Equal(0, b.Count));
    }
}
