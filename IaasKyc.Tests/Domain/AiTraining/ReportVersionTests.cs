using IaasKyc.Domain.AiTraining;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Rules;

namespace IaasKyc.Tests.Domain.AiTraining;

public sealed class ReportVersionTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateTime Now = new(2026, 6, 20, 14, 0, 0, DateTimeKind.Utc);

    private static TrainingCase Written(string by = "officer")
    {
        var c = new TrainingCase(Guid.NewGuid(), Guid.NewGuid(), "ACC-1", CaseTrigger.UsageSignal, Now, RulePack.Default, NewYork, "officer", Now);
        c.EditNarrative(new ReportNarrative(IntendedUse: "Chat assistant", CyberCapability: "Code generation", HowLearned: "Usage signal"), by, Now);
        return c;
    }

    private static ReportVersion Ready(TrainingCase c, string content = "{\"v\":1}") => c.MarkDraftReady("officer", Now, content, RulePack.DefaultVersion);

    [Fact]
    public void Marking_the_draft_ready_freezes_version_1_with_its_content_and_rule_pack()
    {
        var c = Written();

        var v = Ready(c);

        Assert.Equal(1, v.Number);
        Assert.Equal(c.Id, v.CaseId);
        Assert.Equal("{\"v\":1}", v.ContentJson);
        Assert.Equal(RulePack.DefaultVersion, v.RulePackVersion);
        Assert.False(v.Approved);
    }

    [Fact]
    public void A_change_after_approval_reopens_the_case_and_the_next_ready_makes_version_2_while_version_1_stays_approved()
    {
        var c = Written();
        var v1 = Ready(c);
        c.Approve("approver", Now, v1);

        c.EditNarrative(c.Narrative with { IntendedUse = "Now also image generation" }, "officer", Now.AddDays(1));
        var v2 = Ready(c, "{\"v\":2}");

        Assert.Equal(CaseState.DraftReady, c.State);
        Assert.Null(c.ApprovedBy);
        Assert.Equal(2, v2.Number);
        Assert.True(v1.Approved);
        Assert.Equal("{\"v\":1}", v1.ContentJson);
        Assert.Equal("approver", v1.ApprovedBy);
    }

    [Fact]
    public void Only_the_latest_version_is_approved_and_never_twice()
    {
        var c = Written();
        var v1 = Ready(c);
        c.ReopenDraft();
        var v2 = Ready(c);

        Assert.Throws<ArgumentException>(() => c.Approve("approver", Now, v1));
        c.Approve("approver", Now, v2);
        Assert.Throws<InvalidStateTransition>(() => c.Approve("approver", Now, v2));
    }

    [Fact]
    public void The_person_who_wrote_the_narrative_cannot_approve_it_even_if_someone_else_marked_it_ready()
    {
        var c = Written(by: "lead");
        var v = Ready(c);

        Assert.Throws<FourEyesViolation>(() => c.Approve("LEAD", Now, v));
        Assert.Equal(CaseState.DraftReady, c.State);
    }

    [Fact]
    public void A_filed_report_is_not_edited_but_a_changed_arrangement_opens_a_linked_follow_up_with_its_own_clock()
    {
        var c = Written();
        var v = Ready(c);
        c.Approve("approver", Now, v);
        c.File(new DateOnly(2026, 6, 20), "BIS-1", "officer", new DateOnly(2026, 6, 20));

        Assert.Throws<InvalidStateTransition>(() => c.EditNarrative(ReportNarrative.Empty, "officer", Now));
        var later = Now.AddDays(30);
        var followUp = c.FollowUp(Guid.NewGuid(), later, RulePack.Default, NewYork, "officer", later);

        Assert.Equal(1, c.FiledVersion);
        Assert.Equal(c.Id, followUp.FollowUpOfId);
        Assert.Equal(CaseTrigger.ChangedArrangement, followUp.Trigger);
        Assert.Equal(c.Narrative, followUp.Narrative);
        Assert.Equal(new DateOnly(2026, 8, 4), followUp.DueDate);
        Assert.Equal(0, followUp.LatestVersion);
    }

    [Fact]
    public void Only_a_filed_case_has_a_follow_up()
    {
        var c = Written();

        Assert.Throws<InvalidStateTransition>(() => c.FollowUp(Guid.NewGuid(), Now, RulePack.Default, NewYork, "officer", Now));
    }

    [Fact]
    public void A_draft_is_ready_only_with_intended_use_cyber_capability_and_how_the_provider_learned()
    {
        var findings = ReportRules.ReadyForApproval(new ReportNarrative(new DateOnly(2026, 5, 2), new DateOnly(2026, 5, 1), IntendedUse: " "));

        Assert.Equal(["runEnd", "intendedUse", "cyberCapability", "howLearned"], findings.Select(f => f.Field));
        Assert.Empty(ReportRules.ReadyForApproval(Written().Narrative));
    }

    [Fact]
    public void A_narrative_survives_its_json_round_trip()
    {
        var n = new ReportNarrative(new DateOnly(2026, 5, 1), null, "FRA-2", "H100", 4096, 720.5, 0.35, 400, true, "Use", "Why", "How");

        Assert.Equal(n, ReportNarrative.FromJson(n.ToJson()));
        Assert.Equal(ReportNarrative.Empty, ReportNarrative.FromJson(null));
    }
}

public sealed class SignalPolicyTests
{
    private static RulePack With(string key, string value) =>
        RulePack.Default with { Parameters = new Dictionary<string, string>(RulePack.Default.Parameters) { [key] = value } };

    [Theory]
    [InlineData(9.99e24, SignalDecision.StoreOnly)]
    [InlineData(1e25, SignalDecision.OpenCase)]
    [InlineData(3e25, SignalDecision.OpenCase)]
    public void A_case_opens_when_the_cumulative_estimate_reaches_ten_percent_of_the_threshold(double cumulative, SignalDecision expected)
    {
        Assert.Equal(expected, SignalPolicy.Decide(cumulative, biological: false, foreignCustomer: true, hasOpenCase: false, RulePack.Default));
    }

    [Fact]
    public void Biological_data_lowers_the_early_warning_level_to_ten_percent_of_1e23()
    {
        Assert.Equal(1e22, SignalPolicy.EarlyWarningOps(RulePack.Default, biological: true), 1e9);
        Assert.Equal(SignalDecision.OpenCase, SignalPolicy.Decide(1e22, true, true, false, RulePack.Default));
    }

    [Fact]
    public void An_open_case_takes_every_later_signal_even_a_small_one()
    {
        Assert.Equal(SignalDecision.AttachToOpenCase, SignalPolicy.Decide(1, false, true, hasOpenCase: true, RulePack.Default));
    }

    [Fact]
    public void A_us_person_or_a_module_switched_off_opens_nothing()
    {
        Assert.Equal(SignalDecision.StoreOnly, SignalPolicy.Decide(1e27, false, foreignCustomer: false, false, RulePack.Default));
        Assert.Equal(SignalDecision.StoreOnly, SignalPolicy.Decide(1e27, false, true, false, With("aiModuleEnabled", "false")));
        Assert.Equal(SignalDecision.StoreOnly, SignalPolicy.Decide(1e27, false, true, hasOpenCase: true, With("aiModuleEnabled", "false")));
    }

    [Fact]
    public void The_fraction_comes_from_the_rule_pack()
    {
        Assert.Equal(SignalDecision.OpenCase, SignalPolicy.Decide(5e25, false, true, false, With("aiEarlyWarningFraction", "0.5")));
        Assert.Equal(SignalDecision.StoreOnly, SignalPolicy.Decide(4.9e25, false, true, false, With("aiEarlyWarningFraction", "0.5")));
    }
}
