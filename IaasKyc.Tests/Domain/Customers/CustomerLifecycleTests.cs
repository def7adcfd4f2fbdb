using IaasKyc.Domain.Customers;

namespace IaasKyc.Tests.Domain.Customers;

public sealed class CustomerLifecycleTests
{
    private static readonly DateTime T0 = new(2026, 11, 2, 14, 0, 0, DateTimeKind.Utc);

    private static Customer Draft() => new(Guid.NewGuid(), CustomerKind.Entity, "Nordlicht Rechenzentrum GmbH", "officer", T0);

    private static Customer Submitted()
    {
        var c = Draft();
        c.Submit("officer", T0.AddHours(1));
        return c;
    }

    private static void Verify(Customer c, string by = "approver") =>
        c.Verify(by, T0.AddHours(3), "{\"snapshot\":1}", "2024-01-29 NPRM", new DateOnly(2029, 11, 2), "Passport matches");

    private static Evidence Passport(Customer c) =>
        Evidence.NonDocumentary(c.Id, "Company register", new DateOnly(2026, 11, 1), "Match", "officer", T0);

    [Fact]
    public void A_draft_is_submitted_and_then_verified_by_another_user()
    {
        var c = Submitted();

        Verify(c);

        Assert.Equal(CustomerStatus.Verified, c.Status);
        Assert.Equal("officer", c.SubmittedBy);
        Assert.Equal("approver", c.DecidedBy);
        Assert.Equal([CustomerStatus.Draft, CustomerStatus.Submitted, CustomerStatus.Verified], c.History.Select(h => h.To));
        Assert.Equal([T0, T0.AddHours(1), T0.AddHours(3)], c.History.Select(h => h.AtUtc));
    }

    [Fact]
    public void An_approval_stores_the_snapshot_the_rule_pack_version_and_the_reverification_date()
    {
        var c = Submitted();

        Verify(c);

        Assert.Equal("{\"snapshot\":1}", c.ApprovedSnapshot);
        Assert.Equal("2024-01-29 NPRM", c.DecisionRulePackVersion);
        Assert.Equal(new DateOnly(2029, 11, 2), c.ReverifyDue);
        Assert.Equal(T0.AddHours(3), c.DecidedAtUtc);
    }

    [Theory]
    [InlineData("officer")]
    [InlineData("OFFICER")]
    public void The_submitter_can_neither_verify_nor_reject(string approver)
    {
        var c = Submitted();

        Assert.Throws<FourEyesViolation>(() => Verify(c, approver));
        Assert.Throws<FourEyesViolation>(() => c.Reject(approver, T0.AddHours(2), "No", "v"));
        Assert.Equal(CustomerStatus.Submitted, c.Status);
    }

    [Fact]
    public void A_different_user_can_reject_and_the_customer_can_be_submitted_again()
    {
        var c = Submitted();

        c.Reject("approver", T0.AddHours(2), "Register extract does not match", "v");
        c.Submit("officer2", T0.AddHours(4));

        Assert.Equal(CustomerStatus.Submitted, c.Status);
        Assert.Equal("officer2", c.SubmittedBy);
        Assert.Contains(c.History, h => h.To == CustomerStatus.Rejected && h.Note.Contains("Register extract"));
    }

    [Fact]
    public void Escalated_then_restricted_then_verified()
    {
        var c = Submitted();

        c.Escalate("GPU cluster order from a newly formed entity", "officer", T0.AddHours(2));
        var escalated = c.Status;
        c.Restrict("Single region, no GPU products, daily usage review", "approver", T0.AddHours(3));
        var restricted = c.Status;
        Verify(c);

        Assert.Equal(CustomerStatus.Escalated, escalated);
        Assert.Equal(CustomerStatus.Restricted, restricted);
        Assert.Equal(CustomerStatus.Verified, c.Status);
        Assert.Null(c.Restrictions);
        Assert.Null(c.EscalationReason);
    }

    [Fact]
    public void Closing_closes_every_account_and_starts_the_retention_clock()
    {
        var c = Submitted();
        c.AddAccount("ACC-1", PaymentMeansType.Card, false, "DE", "enc", "••1111", PaymentSource.Customer, null, T0, "officer");

        c.Close("Customer ended the contract", "approver", T0.AddDays(1));

        Assert.Equal(CustomerStatus.Closed, c.Status);
        Assert.Equal(T0.AddDays(1), c.ClosedAtUtc);
        Assert.All(c.Accounts, a => Assert.Equal(T0.AddDays(1), a.ClosedAtUtc));
        Assert.Throws<InvalidStateTransition>(() => c.Close("again", "approver", T0.AddDays(2)));
    }

    [Fact]
    public void Transitions_the_lifecycle_does_not_allow_are_refused()
    {
        var draft = Draft();
        var verified = Submitted();
        Verify(verified);

        Assert.Throws<InvalidStateTransition>(() => Verify(draft));
        Assert.Throws<InvalidStateTransition>(() => draft.Reject("approver", T0, "x", "v"));
        Assert.Throws<InvalidStateTransition>(() => draft.Escalate("x", "officer", T0));
        Assert.Throws<InvalidStateTransition>(() => draft.Restrict("x", "officer", T0));
        Assert.Throws<InvalidStateTransition>(() => verified.Submit("officer", T0));
        Assert.Throws<InvalidStateTransition>(() => verified.Restrict("x", "approver", T0));
        Assert.Throws<InvalidStateTransition>(() => Verify(verified, "approver2"));
        Assert.Equal(CustomerStatus.Draft, draft.Status);
    }

    [Fact]
    public void Evidence_changed_while_escalated_sends_the_customer_back_to_submitted_with_a_note()
    {
        var c = Submitted();
        c.Escalate("Unusual payer", "officer", T0.AddHours(2));

        c.AddEvidence(Passport(c), "officer2", T0.AddHours(5));

        Assert.Equal(CustomerStatus.Submitted, c.Status);
        Assert.Contains("Evidence changed by officer2", c.ReviewNote);
        Assert.Equal((CustomerStatus.Escalated, CustomerStatus.Submitted, T0.AddHours(5)), (c.History[^1].From!.Value, c.History[^1].To, c.History[^1].AtUtc));
    }

    [Fact]
    public void Identity_changed_while_restricted_sends_the_customer_back_to_submitted()
    {
        var c = Submitted();
        c.Restrict("No GPU products", "approver", T0.AddHours(2));

        c.SetIdentity(CustomerKind.Entity, "Nordlicht Cloud GmbH", null, null, "DE", "officer", T0.AddHours(4));

        Assert.Equal(CustomerStatus.Submitted, c.Status);
        Assert.Contains("Identity changed", c.ReviewNote);
    }

    [Fact]
    public void Identity_changed_after_verification_sends_the_customer_back_for_review()
    {
        var c = Submitted();
        Verify(c);

        c.SetContact(new Address("Neue Straße 1", null, "Hamburg", null, "20095", "DE"), "kyc@nordlicht.example", "+49401234567", "officer", T0.AddDays(3));

        Assert.Equal(CustomerStatus.Submitted, c.Status);
        Assert.Contains("after verification", c.ReviewNote);
    }

    [Fact]
    public void Saving_the_same_identity_again_changes_no_status()
    {
        var c = Submitted();
        c.SetIdentity(CustomerKind.Entity, "Nordlicht Rechenzentrum GmbH", null, null, "DE", "officer", T0.AddHours(2));
        Verify(c);
        var entries = c.History.Count;

        c.SetIdentity(CustomerKind.Entity, "Nordlicht Rechenzentrum GmbH", null, null, "DE", "officer", T0.AddDays(1));

        Assert.Equal(CustomerStatus.Verified, c.Status);
        Assert.Equal(entries, c.History.Count);
    }

    [Fact]
    public void A_change_while_submitted_keeps_the_status_and_notes_it_in_the_history()
    {
        var c = Submitted();

        c.AddEvidence(Passport(c), "officer", T0.AddHours(2));

        Assert.Equal(CustomerStatus.Submitted, c.Status);
        Assert.Contains("while awaiting a decision", c.ReviewNote);
        Assert.Equal((CustomerStatus.Submitted, CustomerStatus.Submitted), (c.History[^1].From!.Value, c.History[^1].To));
    }

    [Fact]
    public void A_risk_override_lasts_until_its_expiry_and_never_lifts_a_prohibition()
    {
        var c = Submitted();
        c.ApplyRisk(new RiskAssessment(RiskLevel.High, 50, []));
        c.OverrideRisk(RiskLevel.Medium, "Long-standing customer", new DateOnly(2027, 1, 31), "approver", T0);

        Assert.Equal(RiskLevel.Medium, c.EffectiveRisk(new DateOnly(2027, 1, 31)));
        Assert.Equal(RiskLevel.High, c.EffectiveRisk(new DateOnly(2027, 2, 1)));
        c.ApplyRisk(new RiskAssessment(RiskLevel.Prohibited, 100, []));
        Assert.Equal(RiskLevel.Prohibited, c.EffectiveRisk(new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void A_new_beneficial_owner_sends_a_verified_customer_back_to_submitted_and_leaves_a_draft_as_it_is()
    {
        var verified = Submitted();
        Verify(verified);
        var draft = Draft();

        verified.OwnersChanged("officer", T0.AddHours(5), "New beneficial owner reported: Ben Krause: review again.");
        draft.OwnersChanged("officer", T0.AddHours(5), "New beneficial owner reported: Ben Krause: review again.");

        Assert.Equal(CustomerStatus.Submitted, verified.Status);
        Assert.Equal("New beneficial owner reported: Ben Krause: review again.", verified.ReviewNote);
        var last = verified.History[^1];
        Assert.Equal((CustomerStatus.Verified, CustomerStatus.Submitted), (last.From, last.To));
        Assert.Equal(CustomerStatus.Draft, draft.Status);
        Assert.Single(draft.History);
    }
}
