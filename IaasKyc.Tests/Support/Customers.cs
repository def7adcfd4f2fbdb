using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Features.Customers;

namespace IaasKyc.Tests.Support;

/// <summary>Customer test data through the real service: each helper returns the customer's id.</summary>
public static class Customers
{
    public static IntakeInput ForeignEntity(string name = "Nordlicht Rechenzentrum GmbH", string reference = "ACC-NORD-1", string country = "DE",
        string means = "card", string source = "customer", string? payer = null) => new(
        "entity", name, null, "2015-03-02", country,
        new AddressInput("Friedrichstraße 68", null, "Berlin", null, "10117", country), "compliance@nordlicht.example", "+49 30 1234567",
        new DeterminationInput(false, "Declared foreign address; German certificate of incorporation", "2026-05-01", "CIP v1"),
        [new AccountInput(reference, new PaymentMeansInput(means, country, "DE89370400440532013000"), source, payer)]);

    public static IntakeInput UsIndividual(string name = "Jordan Ellis", string reference = "ACC-US-1") => new(
        "individual", name, null, "1984-07-19", "US",
        new AddressInput("500 Market Street", null, "San Francisco", "CA", "94105", "US"), "jordan.ellis@example.com", "+1 415 555 0134",
        new DeterminationInput(true, "U.S. passport seen", "2026-05-01", "CIP v1"),
        [new AccountInput(reference, new PaymentMeansInput("card", "US", "4111111111111111"), "customer", null)]);

    /// <summary>A foreign entity with one document, submitted by whoever <paramref name="service"/> acts for.</summary>
    public static async Task<Guid> SubmittedForeignAsync(CustomerService service, CustomerQueries queries, string name = "Nordlicht Rechenzentrum GmbH",
        string reference = "ACC-NORD-1")
    {
        var created = await service.CreateAsync(ForeignEntity(name, reference));
        Assert.True(created.Ok, created.Message);
        var id = created.Id!.Value;
        var withEvidence = await service.AddDocumentaryEvidenceAsync(id, created.Version!.Value, "Certificate of incorporation", "HRB 123456", "DE", null, null);
        Assert.True(withEvidence.Ok, withEvidence.Message);
        var submitted = await service.SubmitAsync(id, withEvidence.Version!.Value);
        Assert.True(submitted.Ok, submitted.Message);
        Assert.Equal(CustomerStatus.Submitted, (await queries.GetAsync(id))!.Status);
        return id;
    }
}
