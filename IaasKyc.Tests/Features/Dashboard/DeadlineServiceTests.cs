using IaasKyc.Domain.AiTraining;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Features.AiTraining;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Dashboard;
using IaasKyc.Tests.Support;
using static IaasKyc.Tests.Features.Dashboard.DashboardData;

namespace IaasKyc.Tests.Features.Dashboard;

public sealed class DeadlineServiceTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();

    public ValueTask DisposeAsync() => db.DisposeAsync();

    /// <summary>One clock of each kind: CIP request overdue by 2, AI report due tomorrow, reseller termination in 2, measure in 5, re-verification in 10.</summary>
    private async Task<Guid> EveryKindAsync()
    {
        var aiCustomer = await Support.Customers.SubmittedForeignAsync(db.As<CustomerService>("officer"), db.Get<CustomerQueries>(), "Kestrel AI Ltd", "ACC-K");
        await using (var context = db.NewContext())
        {
            context.AddRange(Customer("Verified Corp", status: CustomerStatus.Verified, reverifyDue: Today.AddDays(10)),
                CipRequest("DOC-2026-7", Today.AddDays(-12)), Measure(3, Today.AddDays(5), Today.AddDays(370)),
                Measure(4, Today.AddDays(1), Today.AddDays(366), approved: false));
            await context.SaveChangesAsync();
            await ResellerFindingAsync(context, "Reseller Ltd", Today.AddDays(-28));
        }
        var opened = await db.As<TrainingCaseService>("officer").OpenAsync(new OpenCaseInput(aiCustomer, ["ACC-K"], CaseTrigger.OfficerObservation, db.UtcNow.AddDays(-14)));
        Assert.True(opened.Ok, opened.Message);
        return opened.Id!.Value;
    }

    [Fact]
    public async Task Every_feature_s_clock_is_on_the_board_with_the_fewest_days_left_first()
    {
        var caseId = await EveryKindAsync();

        var board = await db.Get<DeadlineService>().BoardAsync(new DeadlineFilter());

        Assert.Equal(
            [
                ("CIP production request", "Request DOC-2026-7", -2, DeadlineState.Overdue, "officer"),
                ("AI-training report", "Kestrel AI Ltd", 1, DeadlineState.DueSoon, "officer"),
                ("Reseller termination", "Reseller Ltd", 2, DeadlineState.DueSoon, "officer2"),
                ("Special measure takes effect", "SM-003: Russian Federation", 5, DeadlineState.OnTime, "officer"),
                ("Re-verification", "Verified Corp", 10, DeadlineState.OnTime, "officer"),
            ],
            board.Rows.Select(r => (r.Item.Kind, r.Item.What, r.Standing.DaysLeft, r.Standing.State, r.Item.Whose!)));
        Assert.Equal($"/ai-training/cases/{caseId}", board.Rows[1].Item.Href);
        Assert.Equal((1, 2, 2, 3), (board.Overdue, board.DueSoon, board.OnTime, board.DueSoonDays));
    }

    [Fact]
    public async Task The_board_filters_by_owner_state_kind_and_horizon_and_always_keeps_overdue_clocks()
    {
        await EveryKindAsync();
        var service = db.Get<DeadlineService>();

        var mine = await service.BoardAsync(new DeadlineFilter(Whose: "OFFICER2"));
        var soon = await service.BoardAsync(new DeadlineFilter(HorizonDays: 3));
        var overdue = await service.BoardAsync(new DeadlineFilter(State: DeadlineState.Overdue));
        var measures = await service.BoardAsync(new DeadlineFilter(Kind: "Special measure takes effect"));

        Assert.Equal(["Reseller Ltd"], mine.Rows.Select(r => r.Item.What));
        Assert.Equal(["Request DOC-2026-7", "Kestrel AI Ltd", "Reseller Ltd"], soon.Rows.Select(r => r.Item.What));
        Assert.Equal(["Request DOC-2026-7"], overdue.Rows.Select(r => r.Item.What));
        Assert.Equal(5, overdue.Overdue + overdue.DueSoon + overdue.OnTime);
        Assert.Equal(["SM-003: Russian Federation"], measures.Rows.Select(r => r.Item.What));
    }

    [Fact]
    public async Task A_clock_leaves_the_board_when_its_work_is_done_and_a_measure_in_effect_counts_down_to_its_expiry()
    {
        await using (var context = db.NewContext())
        {
            var (reseller, finding) = await ResellerFindingAsync(context, "Cured Reseller", Today.AddDays(-5));
            reseller.CureFinding(finding, "Renewed", "approver", db.UtcNow, Today);
            context.Add(Measure(7, Today.AddDays(-10), Today.AddDays(20)));
            await context.SaveChangesAsync();
        }

        var board = await db.Get<DeadlineService>().BoardAsync(new DeadlineFilter());

        var row = Assert.Single(board.Rows);
        Assert.Equal(("Special measure expires", "SM-007: Russian Federation", 20), (row.Item.Kind, row.Item.What, row.Standing.DaysLeft));
    }

    [Fact]
    public async Task Days_left_follow_New_York_midnight_not_UTC_midnight()
    {
        await EveryKindAsync();
        var service = db.Get<DeadlineService>();
        // 23:30 on 15 June in New York is already 16 June in UTC: the AI report is still due tomorrow.
        db.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 16, 3, 30, 0, TimeSpan.Zero));
        Assert.Equal(1, (await service.BoardAsync(new DeadlineFilter(Kind: "AI-training report"))).Rows[0].Standing.DaysLeft);

        db.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 17, 4, 0, 0, TimeSpan.Zero));

        var row = (await service.BoardAsync(new DeadlineFilter(Kind: "AI-training report"))).Rows[0];
        Assert.Equal((-1, DeadlineState.Overdue), (row.Standing.DaysLeft, row.Standing.State));
    }
}
