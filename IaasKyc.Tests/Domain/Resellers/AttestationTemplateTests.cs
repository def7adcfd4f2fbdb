using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Resellers;
using IaasKyc.Domain.Rules;

namespace IaasKyc.Tests.Domain.Resellers;

public sealed class AttestationTemplateTests
{
    private static readonly DateTime T0 = new(2026, 11, 2, 14, 0, 0, DateTimeKind.Utc);

    private static Dictionary<string, string?> AllClauses(string text = "The reseller keeps records for {retentionYears} years.") =>
        AttestationTemplate.Clauses.ToDictionary(c => c.Key, c => (string?)text);

    private static AttestationTemplate Draft(string by = "officer") =>
        new(Guid.NewGuid(), 1, "The undersigned attests:", AllClauses().ToDictionary(k => k.Key, k => k.Value!), by, T0);

    [Fact]
    public void Every_required_clause_missing_is_named_at_its_own_field()
    {
        var clauses = AllClauses();
        clauses["cipProduction"] = " ";
        clauses.Remove("specialMeasures");

        var findings = AttestationTemplate.Validate("Intro", clauses);

        Assert.Equal(["clauses.cipProduction", "clauses.specialMeasures"], findings.Select(f => f.Field).Order());
    }

    [Fact]
    public void The_catalogue_holds_the_seven_clauses_the_rule_flows_down()
    {
        Assert.Equal(["identification", "verification", "recordKeeping", "aiTrainingReports", "specialMeasures", "cipProduction", "cipChanges"],
            AttestationTemplate.Clauses.Select(c => c.Key));
    }

    [Fact]
    public void An_unknown_placeholder_is_refused_at_its_field()
    {
        var clauses = AllClauses();
        clauses["recordKeeping"] = "Keep records for {retentionDays} days.";

        var finding = Assert.Single(AttestationTemplate.Validate("Intro", clauses));

        Assert.Equal("clauses.recordKeeping", finding.Field);
        Assert.Contains("{retentionYears}", finding.Message);
    }

    [Fact]
    public void The_rendered_text_numbers_the_clauses_and_fills_in_the_rule_packs_numbers()
    {
        var pack = new RulePack("test", new DateOnly(2024, 1, 29), new Dictionary<string, string>(RulePack.Default.Parameters) { ["retentionYears"] = "5" });

        var text = Draft().Render(pack);

        Assert.StartsWith("The undersigned attests:\n\n1. Identification of customers and beneficial owners\n", text);
        Assert.Contains("7. Notice of material CIP changes\nThe reseller keeps records for 5 years.", text);
        Assert.DoesNotContain("{", text);
    }

    [Fact]
    public void The_author_cannot_approve_a_version_but_another_approver_can()
    {
        var t = Draft(by: "lead");

        Assert.Throws<FourEyesViolation>(() => t.Approve("LEAD", T0));
        t.Approve("approver", T0.AddHours(1));

        Assert.True(t.IsApproved);
        Assert.Equal("approver", t.ApprovedBy);
    }

    [Fact]
    public void An_unapproved_version_cannot_be_sent_and_editing_an_approved_one_needs_approval_again()
    {
        var t = Draft();
        Assert.Throws<InvalidStateTransition>(() => t.MarkSent(T0));
        t.Approve("approver", T0);

        t.Edit("A new introduction", AllClauses().ToDictionary(k => k.Key, k => k.Value!), "officer", T0.AddHours(1));

        Assert.False(t.IsApproved);
    }

    [Fact]
    public void A_sent_version_is_never_edited()
    {
        var t = Draft();
        t.Approve("approver", T0);
        t.MarkSent(T0.AddDays(1));

        Assert.Throws<InvalidStateTransition>(() => t.Edit("Changed", AllClauses().ToDictionary(k => k.Key, k => k.Value!), "officer", T0.AddDays(2)));
        Assert.Equal("The undersigned attests:", t.Introduction);
    }
}
