using IaasKyc.Domain.Resellers;
using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Resellers;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Resellers;

public sealed class NonComplianceServiceTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();

    private ResellerService Service => db.Get<ResellerService>();

    private async Task<ResellerDetail> ActiveResellerAsync()
    {
        var customerId = await Support.Customers.SubmittedForeignAsync(db.Get<CustomerService>(), db.Get<CustomerQueries>());
        var created = await Service.CreateAsync(new NewResellerInput(customerId, "2026-01-15", new("Jonas Weber", "CCO", "jonas@nordlicht.example", "030 9876543")));
        var agreed = await Service.RecordAgreementAsync(created.Id!.Value, created.Version!.Value, "2026-02-01", "RA-2026-04");
        Assert.True((await db.As<ResellerService>("approver@example.test").ActivateAsync(created.Id!.Value, agreed.Version!.Value)).Ok);
        return (await Service.GetAsync(created.Id!.Value))!;
    }

    [Fact]
    public async Task A_finding_starts_the_rule_packs_termination_clock_from_the_day_learned_and_shows_the_days_left()
    {
        var r = await ActiveResellerAsync();

        var recorded = await db.As<ResellerService>("officer@example.test").RecordFindingAsync(r.Id, r.Version, "No CIP produced", "RQ-2026-044", "2026-06-10");

        Assert.True(recorded.Ok, recorded.Message);
        var after = (await Service.GetAsync(r.Id))!;
        Assert.Equal(ResellerStatus.NonCompliant, after.Status);
        var f = Assert.Single(after.Findings);
        Assert.Equal((new DateOnly(2026, 7, 10), 25, DeadlineState.OnTime, "25 days left"), (f.DueDate, f.DaysLeft, f.Deadline, f.DeadlineText));
        Assert.Equal(f.Id, after.NextDeadline!.Id);
    }

    [Fact]
    public async Task Missing_what_evidence_and_a_future_date_are_refused_at_their_fields()
    {
        var r = await ActiveResellerAsync();

        var outcome = await Service.RecordFindingAsync(r.Id, r.Version, " ", "", "2027-01-01");

        Assert.Equal(["evidence", "learnedOn", "what"], outcome.Findings.Select(f => f.Field).Order());
        Assert.Equal(ResellerStatus.Active, (await Service.GetAsync(r.Id))!.Status);
    }

    [Fact]
    public async Task Another_approver_cures_the_finding_before_the_deadline_and_the_reseller_is_active_again()
    {
        var r = await ActiveResellerAsync();
        var recorded = await db.As<ResellerService>("officer@example.test").RecordFindingAsync(r.Id, r.Version, "No CIP produced", "RQ-2026-044", "2026-06-10");
        var findingId = (await Service.GetAsync(r.Id))!.Findings[0].Id;

        var own = await db.As<ResellerService>("officer@example.test").CureFindingAsync(r.Id, recorded.Version!.Value, findingId, "Produced");
        var cured = await db.As<ResellerService>("approver@example.test").CureFindingAsync(r.Id, recorded.Version!.Value, findingId, "CIP records produced on 12 June");

        Assert.True(own.Refused);
        Assert.True(cured.Ok, cured.Message);
        var after = (await Service.GetAsync(r.Id))!;
        Assert.Equal(ResellerStatus.Active, after.Status);
        Assert.Equal("CIP records produced on 12 June", after.Findings[0].CureNote);
        Assert.Null(after.NextDeadline);
    }

    [Fact]
    public async Task Confirmed_termination_ends_the_relationship_today_and_flags_the_resellers_and_its_end_customers_accounts()
    {
        var r = await ActiveResellerAsync();
        await Support.Customers.SubmittedForeignAsync(db.Get<CustomerService>(), db.Get<CustomerQueries>(), "Kleinkunde Berlin GmbH", "ACC-END-7");
        var linked = await Service.AddEndAccountAsync(r.Id, r.Version, "ACC-END-7");
        var recorded = await db.As<ResellerService>("officer@example.test").RecordFindingAsync(r.Id, linked.Version!.Value, "No CIP", "RQ", "2026-05-01");
        var findingId = (await Service.GetAsync(r.Id))!.Findings[0].Id;

        var terminated = await db.As<ResellerService>("approver@example.test").ConfirmTerminationAsync(r.Id, recorded.Version!.Value, findingId);

        Assert.True(terminated.Ok, terminated.Message);
        var after = (await Service.GetAsync(r.Id))!;
        Assert.Equal(ResellerStatus.Terminated, after.Status);
        Assert.Equal(new DateOnly(2026, 6, 15), after.EndDate);
        Assert.Equal(2, after.FlaggedAccounts.Count);
        Assert.Contains(after.Accounts[0].AccountId, after.FlaggedAccounts);
        Assert.Contains(after.EndAccounts[0].AccountId, after.FlaggedAccounts);
        Assert.True(after.Findings[0].Terminated);
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
