using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Resellers;
using IaasKyc.Domain.Rules;

namespace IaasKyc.Tests.Domain.Resellers;

public sealed class NonComplianceTests
{
    private static readonly DateTime T0 = new(2026, 11, 2, 14, 0, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateOnly Learned = new(2026, 11, 2);

    private static Reseller Active()
    {
        var r = new Reseller(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 1, 1), "officer", T0);
        r.AdoptProviderCip(new DateOnly(2026, 1, 1), "RA-1", T0);
        r.Activate("approver", T0, "Activated");
        return r;
    }

    private static NonComplianceFinding Find(Reseller r, string by = "officer") =>
        r.RecordFinding("No CIP produced", "Request RQ-1 unanswered", Learned, 30, RulePack.DefaultVersion, by, T0);

    [Fact]
    public void A_finding_makes_the_reseller_non_compliant_and_starts_a_30_day_clock_from_the_day_learned()
    {
        var r = Active();

        var f = Find(r);

        Assert.Equal(ResellerStatus.NonCompliant, r.Status);
        var clock = f.Clock(NewYork);
        Assert.Equal(new DateOnly(2026, 12, 2), clock.DueDate);
        Assert.Equal(30, clock.DaysLeft(T0));
        Assert.Equal(DeadlineState.OnTime, clock.State(T0, 3));
        Assert.Equal(DeadlineState.DueSoon, clock.State(T0.AddDays(28), 3));
        Assert.Equal("due today", clock.Describe(new DateTime(2026, 12, 2, 20, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(DeadlineState.Overdue, clock.State(new DateTime(2026, 12, 3, 12, 0, 0, DateTimeKind.Utc), 3));
    }

    [Fact]
    public void An_onboarding_reseller_is_not_found_non_compliant_it_is_simply_not_activated()
    {
        var r = new Reseller(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 1, 1), "officer", T0);

        Assert.Throws<InvalidStateTransition>(() => Find(r));
    }

    [Fact]
    public void A_cure_on_the_last_day_closes_the_finding_and_the_reseller_is_active_again()
    {
        var r = Active();
        var f = Find(r);

        r.CureFinding(f, "Records produced", "approver", T0.AddDays(30), new DateOnly(2026, 12, 2));

        Assert.False(f.IsOpen);
        Assert.Equal(ResellerStatus.Active, r.Status);
    }

    [Fact]
    public void After_the_deadline_a_cure_is_refused_and_only_termination_remains()
    {
        var r = Active();
        var f = Find(r);

        Assert.Throws<InvalidStateTransition>(() => r.CureFinding(f, "Late", "approver", T0.AddDays(31), new DateOnly(2026, 12, 3)));
        Assert.True(f.IsOpen);
        Assert.Equal(ResellerStatus.NonCompliant, r.Status);
    }

    [Fact]
    public void The_one_who_recorded_the_finding_neither_cures_it_nor_confirms_the_termination()
    {
        var r = Active();
        var f = Find(r, by: "lead");

        Assert.Throws<FourEyesViolation>(() => r.CureFinding(f, "Fixed", "lead", T0, Learned));
        Assert.Throws<FourEyesViolation>(() => r.ConfirmTermination(f, Learned, [], "lead", T0));
        Assert.Equal(ResellerStatus.NonCompliant, r.Status);
    }

    [Fact]
    public void With_two_findings_one_cure_leaves_the_reseller_non_compliant()
    {
        var r = Active();
        var first = Find(r);
        Find(r);

        r.CureFinding(first, "Fixed", "approver", T0, Learned);

        Assert.Equal(ResellerStatus.NonCompliant, r.Status);
    }

    [Fact]
    public void Termination_records_the_end_date_flags_every_account_and_closes_all_findings()
    {
        var r = Active();
        var f = Find(r);
        Find(r);
        var accounts = new[] { Guid.NewGuid(), Guid.NewGuid() };

        r.ConfirmTermination(f, new DateOnly(2026, 11, 20), accounts, "approver", T0.AddDays(18));

        Assert.Equal(ResellerStatus.Terminated, r.Status);
        Assert.Equal(new DateOnly(2026, 11, 20), r.EndDate);
        Assert.Equal(accounts.Order(), r.Flags.Select(x => x.AccountId).Order());
        Assert.All(r.Findings, x => Assert.True(x.Terminated));
    }
}
