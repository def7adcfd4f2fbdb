using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Resellers;
using IaasKyc.Domain.Screening;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.SpecialMeasures;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Dashboard;

/// <summary>Clocks stored directly through the domain (each feature's own tests cover how its service makes them); today is 15 June 2026 in New York.</summary>
internal static class DashboardData
{
    public static readonly DateOnly Today = new(2026, 6, 15);

    public static Customer Customer(string name, string by = "officer", CustomerStatus status = CustomerStatus.Draft, string? country = null, bool? usPerson = null,
        DateOnly? reverifyDue = null, string approver = "approver", DateTime? decidedAtUtc = null)
    {
        var c = new Customer(Guid.NewGuid(), CustomerKind.Entity, name, by, ServiceTestDb.Start.UtcDateTime);
        if (country is not null)
            c.SetContact(new Address("1 Main Street", null, "City", null, "12345", country), "x@example.com", "+12025550100", by, ServiceTestDb.Start.UtcDateTime);
        if (usPerson is { } us) c.SetDetermination(us, "seen", null, null, by, ServiceTestDb.Start.UtcDateTime);
        if (status == CustomerStatus.Draft) return c;
        c.Submit(by, ServiceTestDb.Start.UtcDateTime);
        if (status == CustomerStatus.Verified) c.Verify(approver, decidedAtUtc ?? ServiceTestDb.Start.UtcDateTime, "{}", "v", reverifyDue ?? Today.AddYears(1), null);
        if (status == CustomerStatus.Rejected) c.Reject(approver, ServiceTestDb.Start.UtcDateTime, "No documents", "v");
        return c;
    }

    public static SpecialMeasure Measure(int number, DateOnly effective, DateOnly expiry, string by = "officer", bool approved = true)
    {
        var m = new SpecialMeasure(Guid.NewGuid(), number, new SpecialMeasureTerms(MeasureTarget.Jurisdiction, MeasureAction.Prohibit, "RU", null, [], null,
            effective.AddDays(-180), effective, expiry, "89 FR 0000", null), by, ServiceTestDb.Start.UtcDateTime);
        if (approved) m.Approve("approver", ServiceTestDb.Start.UtcDateTime);
        return m;
    }

    /// <summary>A reseller (its customer named <paramref name="name"/>) with a non-compliance finding learned on <paramref name="learnedOn"/>.</summary>
    public static async Task<(Reseller Reseller, NonComplianceFinding Finding)> ResellerFindingAsync(PortalDbContext db, string name, DateOnly learnedOn, string by = "officer2")
    {
        var customer = Customer(name);
        var reseller = new Reseller(Guid.NewGuid(), customer.Id, Today.AddYears(-1), by, ServiceTestDb.Start.UtcDateTime);
        reseller.AdoptProviderCip(Today.AddYears(-1), "AGR-1", ServiceTestDb.Start.UtcDateTime);
        reseller.Activate(by, ServiceTestDb.Start.UtcDateTime, "Onboarded");
        var finding = reseller.RecordFinding("Attestation expired", "No renewal", learnedOn, 30, "v", by, ServiceTestDb.Start.UtcDateTime);
        db.AddRange(customer, reseller);
        await db.SaveChangesAsync();
        return (reseller, finding);
    }

    public static CipProductionRequest CipRequest(string reference, DateOnly receivedOn, string by = "officer") =>
        new(Guid.NewGuid(), reference, receivedOn, true, [], 10, "v", by, ServiceTestDb.Start.UtcDateTime);
}
