using IaasKyc.Domain.AiTraining;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Rules;

namespace IaasKyc.Tests.Domain.AiTraining;

public sealed class TrainingCaseTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateTime Now = new(2026, 6, 20, 14, 0, 0, DateTimeKind.Utc);

    private static TrainingCase Opened(DateTime? knowledgeUtc = null, RulePack? rules = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "ACC-1", CaseTrigger.UsageSignal, knowledgeUtc ?? Now, rules ?? RulePack.Default, NewYork, "officer", Now);

    private static ReportVersion Ready(TrainingCase c, string by) => c.MarkDraftReady(by, Now, "{}", RulePack.DefaultVersion);

    [Theory]
    [InlineData("2026-06-20T14:00:00Z", "2026-07-05")]
    [InlineData("2026-06-21T03:30:00Z", "2026-07-05")]
    [InlineData("2026-01-31T15:00:00Z", "2026-02-15")]
    [InlineData("2028-02-20T15:00:00Z", "2028-03-06")]
    [InlineData("2026-12-20T15:00:00Z", "2027-01-04")]
    [InlineData("2028-02-14T15:00:00Z", "2028-02-29")]
    [InlineData("2027-02-14T15:00:00Z", "2027-03-01")]
    [InlineData("2026-04-30T15:00:00Z", "2026-05-15")]
    [InlineData("2026-12-31T15:00:00Z", "2027-01-15")]
    public void The_due_date_is_15_calendar_days_after_the_local_date_of_knowledge(string knowledge, string due)
    {
        var at = DateTime.Parse(knowledge, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

        var c = new TrainingCase(Guid.NewGuid(), Guid.NewGuid(), "ACC-1", CaseTrigger.ResellerReport, at, RulePack.Default, NewYork, "officer", at.AddDays(1));

        Assert.Equal(DateOnly.Parse(due), c.DueDate);
        Assert.Equal(RulePack.DefaultVersion, c.RulePackVersion);
    }

    [Fact]
    public void The_deadline_follows_the_rule_pack_in_effect_when_the_case_opens()
    {
        var rules = RulePack.Default with { Parameters = new Dictionary<string, string>(RulePack.Default.Parameters) { ["aiReportDeadlineDays"] = "10" } };

        var c = Opened(rules: rules);

        Assert.Equal(new DateOnly(2026, 6, 30), c.DueDate);
    }

    [Theory]
    [InlineData("2026-06-21T14:00:00Z", DeadlineState.OnTime, "14 days left")]
    [InlineData("2026-07-02T14:00:00Z", DeadlineState.DueSoon, "3 days left")]
    [InlineData("2026-07-05T20:00:00Z", DeadlineState.DueSoon, "due today")]
    [InlineData("2026-07-06T14:00:00Z", DeadlineState.Overdue, "1 day overdue")]
    public void The_countdown_is_on_time_due_soon_within_3_days_then_overdue(string now, DeadlineState state, string text)
    {
        var c = Opened();
        var at = DateTime.Parse(now, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

        Assert.Equal(state, c.Deadline(NewYork).State(at, RulePack.Default.DueSoonDays));
        Assert.Equal(text, c.Deadline(NewYork).Describe(at));
    }

    [Fact]
    public void A_date_of_knowledge_in_the_future_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Opened(knowledgeUtc: Now.AddHours(1)));
    }

    [Fact]
    public void A_case_goes_open_draft_ready_approved_filed_and_its_clock_stops()
    {
        var c = Opened();

        var v = Ready(c, "officer");
        c.Approve("approver", Now.AddHours(1), v);
        c.File(new DateOnly(2026, 6, 22), " BIS-2026-0042 ", "officer", new DateOnly(2026, 6, 22));

        Assert.Equal(CaseState.Filed, c.State);
        Assert.Equal("BIS-2026-0042", c.FilingReference);
        Assert.Equal("approver", c.ApprovedBy);
        Assert.False(c.ClockRunning);
    }

    [Fact]
    public void The_author_of_the_draft_cannot_approve_it()
    {
        var c = Opened();
        var v = Ready(c, "lead");

        Assert.Throws<FourEyesViolation>(() => c.Approve("LEAD", Now, v));
        Assert.Equal(CaseState.DraftReady, c.State);
    }

    [Fact]
    public void Steps_out_of_order_are_refused()
    {
        var c = Opened();

        Assert.Throws<InvalidStateTransition>(() => c.Approve("approver", Now, new ReportVersion(Guid.NewGuid(), c.Id, 1, "{}", "v", "officer", Now)));
        Assert.Throws<InvalidStateTransition>(() => c.File(new DateOnly(2026, 6, 20), "REF", "officer", new DateOnly(2026, 6, 20)));
    }

    [Fact]
    public void A_filing_date_in_the_future_is_refused()
    {
        var c = Opened();
        var v = Ready(c, "officer");
        c.Approve("approver", Now, v);

        Assert.Throws<ArgumentOutOfRangeException>(() => c.File(new DateOnly(2026, 6, 21), "REF", "officer", new DateOnly(2026, 6, 20)));
        Assert.Equal(CaseState.Approved, c.State);
    }

    [Fact]
    public void Editing_a_ready_draft_sends_it_back_to_open()
    {
        var c = Opened();
        Ready(c, "officer");

        c.ReopenDraft();

        Assert.Equal(CaseState.Open, c.State);
        Assert.Null(c.DraftBy);
    }

    [Fact]
    public void Closing_as_not_reportable_needs_a_reason_and_another_persons_agreement()
    {
        var c = Opened();

        Assert.Throws<ArgumentException>(() => c.ProposeClose("  ", "officer"));
        c.ProposeClose("Inference only: no training run.", "lead");
        Assert.Throws<FourEyesViolation>(() => c.AgreeClose("lead", Now));
        Assert.Equal(CaseState.Open, c.State);
        c.AgreeClose("approver", Now);

        Assert.Equal(CaseState.ClosedNotReportable, c.State);
        Assert.Equal("Inference only: no training run.", c.CloseReason);
        Assert.Equal("approver", c.ClosedBy);
        Assert.False(c.ClockRunning);
    }

    [Fact]
    public void A_case_proposed_for_closing_is_not_marked_ready_until_the_proposal_is_withdrawn()
    {
        var c = Opened();
        c.ProposeClose("Duplicate of another case.", "officer");

        Assert.Throws<InvalidStateTransition>(() => Ready(c, "officer"));
        c.WithdrawCloseProposal();
        Ready(c, "officer");

        Assert.Equal(CaseState.DraftReady, c.State);
    }

    [Fact]
    public void An_approved_case_can_no_longer_be_closed_as_not_reportable()
    {
        var c = Opened();
        var v = Ready(c, "officer");
        c.Approve("approver", Now, v);

        Assert.Throws<InvalidStateTransition>(() => c.ProposeClose("Changed our mind.", "officer"));
    }
}
