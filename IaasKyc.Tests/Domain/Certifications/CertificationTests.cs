using IaasKyc.Domain.Certifications;
using IaasKyc.Domain.Customers;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Domain.Certifications;

public sealed class CertificationTests
{
    private static readonly DateTime Now = Make.Utc(2026, 11, 2);

    private static Certification Annual(string by = "olivia@example.test") =>
        new(Guid.NewGuid(), CertificationKind.Annual, new DateOnly(2026, 10, 31), null, "{}", by, Now);

    private static Certification Checked(Certification c, string by)
    {
        foreach (var s in Enum.GetValues<AnnualStatement>()) c.SetStatement(s, true, null, by, Now);
        return c;
    }

    [Fact]
    public void The_person_who_prepared_the_draft_cannot_sign_it()
    {
        var c = Checked(Annual(), "olivia@example.test");

        var e = Assert.Throws<FourEyesViolation>(() => c.Sign("OLIVIA@example.test", "Olivia Park", "Compliance lead", Now));

        Assert.Contains("another Approver", e.Message);
        Assert.Equal(CertificationState.Draft, c.State);
    }

    [Fact]
    public void Whoever_last_changed_a_statement_is_the_preparer_and_cannot_sign()
    {
        var c = Checked(Annual("olivia@example.test"), "olivia@example.test");
        c.SetStatement(AnnualStatement.Compliant, true, "Reviewed again", "paul@example.test", Now);

        Assert.Throws<FourEyesViolation>(() => c.Sign("paul@example.test", "Paul Reyes", "CCO", Now));
        c.Sign("olivia@example.test", "Olivia Park", "Compliance lead", Now);

        Assert.Equal(CertificationState.Signed, c.State);
    }

    [Fact]
    public void A_signed_certification_is_frozen()
    {
        var c = Checked(Annual(), "olivia@example.test");
        c.Sign("paul@example.test", "Paul Reyes", "Chief Compliance Officer", Now);

        Assert.Throws<InvalidStateTransition>(() => c.Recompute("{\"other\":1}", "olivia@example.test", Now));
        Assert.Throws<InvalidStateTransition>(() => c.SetStatement(AnnualStatement.Compliant, false, null, "olivia@example.test", Now));
        Assert.Throws<InvalidStateTransition>(() => c.Sign("quinn@example.test", "Quinn", "CEO", Now));
        Assert.Equal("{}", c.FiguresJson);
        Assert.Equal(("Paul Reyes", "Chief Compliance Officer", Now), (c.SignerName, c.SignerTitle, c.SignedAtUtc));
    }

    [Fact]
    public void An_annual_certification_is_signed_only_with_every_statement_checked_and_a_named_signatory()
    {
        var c = Annual();
        c.SetStatement(AnnualStatement.CipReviewed, true, "Minutes 2026-10", "olivia@example.test", Now);

        var blockers = c.SignBlockers("", " ");

        Assert.Equal(["statements.updatedForServices", "statements.updatedForThreats", "statements.compliant", "signerName", "signerTitle"],
            blockers.Select(b => b.Field));
    }

    [Fact]
    public void An_initial_certification_has_no_statements_and_an_off_cycle_update_needs_its_reason()
    {
        var initial = new Certification(Guid.NewGuid(), CertificationKind.Initial, new DateOnly(2026, 1, 31), null, "{}", "olivia@example.test", Now);

        Assert.Empty(initial.SignBlockers("Paul Reyes", "CCO"));
        Assert.Throws<InvalidStateTransition>(() => initial.SetStatement(AnnualStatement.Compliant, true, null, "olivia@example.test", Now));
        Assert.Throws<ArgumentException>(() => new Certification(Guid.NewGuid(), CertificationKind.OffCycle, new DateOnly(2026, 1, 31), " ", "{}", "o", Now));
    }

    [Fact]
    public void Customers_are_records_past_intake_and_not_refused_or_closed_and_unverified_foreign_accounts_exclude_verified_and_US()
    {
        StatusGroup[] groups =
        [
            new("DE", false, CustomerStatus.Verified, 3, 4),
            new("DE", false, CustomerStatus.Restricted, 2, 5),
            new("DE", false, CustomerStatus.Draft, 7, 0),
            new("de", false, CustomerStatus.Submitted, 1, 2),
            new("US", true, CustomerStatus.Submitted, 4, 6),
            new("FR", false, CustomerStatus.Rejected, 2, 1),
            new("FR", false, CustomerStatus.Closed, 1, 0),
            new(null, null, CustomerStatus.Escalated, 1, 1),
        ];

        Assert.Equal([new("DE", 6), new("US", 4), new("", 1)], CertificationRules.CustomersByCountry(groups));
        Assert.Equal([new("DE", 11), new("US", 6), new("", 1)], CertificationRules.AccountsByCountry(groups));
        Assert.Equal(7, CertificationRules.ForeignAccountsNotVerified(groups));
    }

    [Theory]
    [InlineData(new CustomerStatus[0], "Refused: no access given; the record stays rejected.")]
    [InlineData(new[] { CustomerStatus.Submitted, CustomerStatus.Verified }, "Corrected and verified on D2.")]
    [InlineData(new[] { CustomerStatus.Submitted }, "Resubmitted on D1; decision pending.")]
    [InlineData(new[] { CustomerStatus.Closed }, "Record closed on D1.")]
    [InlineData(new[] { CustomerStatus.Submitted, CustomerStatus.Rejected }, "Resubmitted and refused again on D2.")]
    public void A_failed_verification_is_resolved_by_what_followed_it(CustomerStatus[] later, string expected)
    {
        var changes = later.Select((s, i) => (s, Make.Utc(2026, 3, i + 1))).ToList();

        var text = CertificationRules.Resolution(changes, t => $"D{t.Day}");

        Assert.Equal(expected, text);
    }
}
