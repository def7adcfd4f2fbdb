using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Resellers;

namespace IaasKyc.Tests.Domain.Resellers;

public sealed class ResellerTests
{
    private static readonly DateTime T0 = new(2026, 11, 2, 14, 0, 0, DateTimeKind.Utc);

    private static Reseller Onboarding() => new(Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 1, 1), "officer", T0);

    private static Reseller Active()
    {
        var r = Onboarding();
        r.AdoptProviderCip(new DateOnly(2026, 10, 1), "MSA-2026-17", T0);
        r.Activate("approver", T0.AddHours(1), "Activated");
        return r;
    }

    [Fact]
    public void A_new_reseller_is_onboarding_with_its_registration_in_the_history()
    {
        var r = Onboarding();

        Assert.Equal(ResellerStatus.Onboarding, r.Status);
        Assert.Equal(CipArrangement.None, r.Arrangement);
        var first = Assert.Single(r.History);
        Assert.Null(first.From);
        Assert.Equal("officer", first.By);
    }

    [Fact]
    public void A_reseller_without_a_cip_arrangement_cannot_be_activated()
    {
        var r = Onboarding();

        Assert.Throws<InvalidStateTransition>(() => r.Activate("approver", T0, "Activated"));
        Assert.Equal(ResellerStatus.Onboarding, r.Status);
    }

    [Fact]
    public void Onboarding_active_non_compliant_and_cured_back_to_active_are_each_recorded()
    {
        var r = Active();

        r.MarkNonCompliant("officer", T0.AddDays(1), "Finding: no CIP produced");
        r.Cure("approver", T0.AddDays(5), "Cured: CIP produced");

        Assert.Equal(ResellerStatus.Active, r.Status);
        Assert.Equal([ResellerStatus.Onboarding, ResellerStatus.Active, ResellerStatus.NonCompliant, ResellerStatus.Active], r.History.Select(h => h.To));
    }

    [Fact]
    public void Termination_follows_non_compliance_and_records_the_end_date()
    {
        var r = Active();
        r.MarkNonCompliant("officer", T0.AddDays(1), "Finding");

        r.Terminate(new DateOnly(2026, 12, 1), "approver", T0.AddDays(29), "Terminated");

        Assert.Equal(ResellerStatus.Terminated, r.Status);
        Assert.Equal(new DateOnly(2026, 12, 1), r.EndDate);
    }

    [Fact]
    public void An_active_reseller_is_not_terminated_without_a_non_compliance_and_a_terminated_one_never_returns()
    {
        var r = Active();

        Assert.Throws<InvalidStateTransition>(() => r.Terminate(new DateOnly(2026, 12, 1), "approver", T0, "x"));
        Assert.Throws<InvalidStateTransition>(() => r.Cure("approver", T0, "x"));

        r.MarkNonCompliant("officer", T0, "Finding");
        r.Terminate(new DateOnly(2026, 12, 1), "approver", T0, "Terminated");
        Assert.Throws<InvalidStateTransition>(() => r.Cure("approver", T0, "x"));
        Assert.Throws<InvalidStateTransition>(() => r.MarkNonCompliant("officer", T0, "x"));
        Assert.Throws<InvalidStateTransition>(() => r.Activate("approver", T0, "x"));
    }

    [Fact]
    public void Each_uploaded_cip_is_a_new_version_and_replaces_an_adoption_agreement()
    {
        var r = Onboarding();
        r.AdoptProviderCip(new DateOnly(2026, 10, 1), "MSA-2026-17", T0);

        r.AddCipFile("a".PadLeft(32, '0'), "cip-2025.pdf", new string('1', 64), "officer", T0);
        r.AddCipFile("b".PadLeft(32, '0'), "cip-2026.pdf", new string('2', 64), "officer", T0.AddDays(1));

        Assert.Equal([1, 2], r.CipFiles.Select(f => f.Number));
        Assert.Equal(CipArrangement.OwnCip, r.Arrangement);
        Assert.Null(r.AgreementReference);
    }

    [Fact]
    public void A_contact_phone_without_a_plus_is_read_in_the_resellers_country_and_bad_values_are_named_by_field()
    {
        var (ok, none) = ResellerRules.Contact(new ResellerContactInput("Mina Park", "Head of Compliance", "mina.park@example.kr", "02 1234 5678"), "KR");
        var (bad, findings) = ResellerRules.Contact(new ResellerContactInput(" ", "Head", "not-an-email", "12"), "KR");

        Assert.Empty(none);
        Assert.Equal("+82212345678", ok!.PhoneE164);
        Assert.Null(bad);
        Assert.Equal(["email", "name", "phone"], findings.Select(f => f.Field).Order());
    }

    [Fact]
    public void A_relationship_start_in_the_future_is_refused_at_its_field()
    {
        var f = new List<IaasKyc.Domain.Finding>();

        var day = ResellerRules.PastDate("2027-01-01", "relationshipStart", new DateOnly(2026, 11, 2), f, "Enter it.");

        Assert.Null(day);
        Assert.Equal("relationshipStart", Assert.Single(f).Field);
    }
}
