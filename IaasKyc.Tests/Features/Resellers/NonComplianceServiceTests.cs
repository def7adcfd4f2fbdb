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
        await SignedAttestation.ForAsync(db.As<AttestationService>, created.Id!.Value);
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
        Assert.Equal("terminate by 2026-07-10 · 25 days left", Assert.Single(await Service.ListAsync()).TerminationClock);
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

    [Fact]
    public async Task The_renewal_run_mails_each_reminder_once_and_an_expired_attestation_opens_a_finding_by_itself()
    {
        var r = await ActiveResellerAsync();
        var attestations = db.Get<AttestationService>();
        var job = db.As<AttestationService>(AttestationRenewalJob.ActorName);
        var folder = ((IaasKyc.Portal.Mail.PickupFolderMailSender)db.Get<IaasKyc.Portal.Mail.IMailSender>()).Folder;

        Assert.Equal(new RenewalRun(0, 0), await job.RunRenewalsAsync());
        db.Clock.Advance(TimeSpan.FromDays(365 - 60));
        var sixty = await job.RunRenewalsAsync();
        var again = await job.RunRenewalsAsync();
        var renewal = (await attestations.RenewalAsync(r.Id))!;
        db.Clock.Advance(TimeSpan.FromDays(61));
        var expired = await job.RunRenewalsAsync();
        var once = await job.RunRenewalsAsync();

        Assert.Equal(new RenewalRun(1, 0), sixty);
        Assert.Equal(new RenewalRun(0, 0), again);
        Assert.Equal((60, DeadlineState.OnTime), (renewal.DaysLeft, renewal.Deadline));
        Assert.True(renewal.Reminders.Single(x => x.DaysBefore == 60).Sent);
        Assert.False(renewal.Reminders.Single(x => x.DaysBefore == 30).Sent);
        Assert.Equal(new RenewalRun(0, 1), expired);
        Assert.Equal(new RenewalRun(0, 0), once);
        var reminder = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(folder, "*.eml")), TestContext.Current.CancellationToken);
        Assert.Contains("To: jonas@nordlicht.example", reminder);
        Assert.Contains("expires on 2027-06-15", reminder);
        var after = (await Service.GetAsync(r.Id))!;
        Assert.Equal(ResellerStatus.NonCompliant, after.Status);
        var finding = Assert.Single(after.Findings);
        Assert.Contains("expired on 2027-06-15", finding.What);
        Assert.Equal(new DateOnly(2027, 6, 16), finding.LearnedOn);
        Assert.Equal(new DateOnly(2027, 7, 16), finding.DueDate);
        Assert.Equal(AttestationRenewalJob.ActorName, finding.RecordedBy);
    }

    [Fact]
    public async Task The_certification_list_names_every_reseller_with_its_status_as_of_the_day_and_a_termination_with_its_end_date()
    {
        var r = await ActiveResellerAsync();
        var recorded = await db.As<ResellerService>("officer@example.test").RecordFindingAsync(r.Id, r.Version, "No CIP", "RQ", "2026-06-10");
        var findingId = (await Service.GetAsync(r.Id))!.Findings[0].Id;
        db.Clock.Advance(TimeSpan.FromDays(2));
        Assert.True((await db.As<ResellerService>("approver@example.test").ConfirmTerminationAsync(r.Id, recorded.Version!.Value, findingId)).Ok);

        var before = Assert.Single(await Service.CertificationListAsync(new DateOnly(2026, 6, 16)));
        var after = Assert.Single(await Service.CertificationListAsync(new DateOnly(2026, 6, 30)));
        var earlier = await Service.CertificationListAsync(new DateOnly(2026, 1, 1));

        Assert.Equal((ResellerStatus.NonCompliant, (DateOnly?)null), (before.StatusAsOf, before.EndDate));
        Assert.Equal((ResellerStatus.Terminated, (DateOnly?)new DateOnly(2026, 6, 17)), (after.StatusAsOf, after.EndDate));
        Assert.Empty(earlier);
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
