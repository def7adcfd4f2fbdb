using IaasKyc.Domain.Resellers;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Resellers;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Resellers;

public sealed class ResellerServiceTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();

    private ResellerService Service => db.Get<ResellerService>();

    private static ResellerContactInput Contact(string name = "Jonas Weber") => new(name, "Head of Compliance", "jonas.weber@nordlicht.example", "030 9876543");

    private async Task<Guid> ForeignEntityAsync(string name = "Nordlicht Rechenzentrum GmbH", string reference = "ACC-NORD-1") =>
        await Support.Customers.SubmittedForeignAsync(db.Get<CustomerService>(), db.Get<CustomerQueries>(), name, reference);

    private async Task<ResellerDetail> RegisteredAsync()
    {
        var customerId = await ForeignEntityAsync();
        var created = await Service.CreateAsync(new NewResellerInput(customerId, "2026-01-15", Contact()));
        Assert.True(created.Ok, created.Message);
        return (await Service.GetAsync(created.Id!.Value))!;
    }

    [Fact]
    public async Task A_foreign_entity_customer_is_registered_with_its_contact_and_listed_as_onboarding()
    {
        var detail = await RegisteredAsync();

        Assert.Equal("Nordlicht Rechenzentrum GmbH", detail.Name);
        Assert.Equal(ResellerStatus.Onboarding, detail.Status);
        Assert.Equal(new DateOnly(2026, 1, 15), detail.RelationshipStart);
        Assert.Equal("+49309876543", Assert.Single(detail.Contacts).Phone);
        Assert.Equal(["ACC-NORD-1"], detail.Accounts.Select(a => a.Reference));
        var listed = Assert.Single(await Service.ListAsync());
        Assert.Equal("DE", listed.Country);
        Assert.Empty(await Service.CandidatesAsync());
    }

    [Fact]
    public async Task A_us_customer_is_no_candidate_and_is_refused_at_the_customer_field()
    {
        var us = await db.Get<CustomerService>().CreateAsync(Support.Customers.UsIndividual());

        var outcome = await Service.CreateAsync(new NewResellerInput(us.Id, "2026-01-15", Contact()));

        Assert.False(outcome.Ok);
        Assert.Equal("reseller.notEntity", Assert.Single(outcome.Findings, f => f.Field == "customerId").Code);
        Assert.Empty(await Service.CandidatesAsync());
        Assert.Empty(await Service.ListAsync());
    }

    [Fact]
    public async Task Bad_contact_and_date_values_come_back_at_their_fields_and_nothing_is_stored()
    {
        var customerId = await ForeignEntityAsync();

        var outcome = await Service.CreateAsync(new NewResellerInput(customerId, "2099-01-01", new("", "CCO", "nope", "+49 30")));

        Assert.Equal(["email", "name", "phone", "relationshipStart"], outcome.Findings.Select(f => f.Field).Order());
        Assert.Empty(await Service.ListAsync());
    }

    [Fact]
    public async Task An_end_customers_account_is_linked_and_shown_but_the_resellers_own_account_is_refused()
    {
        var detail = await RegisteredAsync();
        await ForeignEntityAsync("Kleinkunde Berlin GmbH", "ACC-END-7");

        var own = await Service.AddEndAccountAsync(detail.Id, detail.Version, "ACC-NORD-1");
        var linked = await Service.AddEndAccountAsync(detail.Id, detail.Version, "ACC-END-7");

        Assert.Equal("reseller.ownAccount", Assert.Single(own.Findings).Code);
        Assert.True(linked.Ok, linked.Message);
        var end = Assert.Single((await Service.GetAsync(detail.Id))!.EndAccounts);
        Assert.Equal(("ACC-END-7", "Kleinkunde Berlin GmbH"), (end.Reference, end.CustomerName));
    }

    [Fact]
    public async Task An_approver_activates_only_once_the_cip_arrangement_is_recorded_and_an_attestation_signed()
    {
        var detail = await RegisteredAsync();

        var early = await Service.ActivateAsync(detail.Id, detail.Version);
        var agreed = await Service.RecordAgreementAsync(detail.Id, detail.Version, "2026-02-01", "Reseller agreement RA-2026-04");
        var unsigned = await Service.ActivateAsync(detail.Id, agreed.Version!.Value);
        await SignedAttestation.ForAsync(db.As<AttestationService>, detail.Id);
        var activated = await Service.ActivateAsync(detail.Id, agreed.Version!.Value);

        Assert.Contains(early.Findings, f => f.Code == "reseller.cipMissing");
        Assert.Contains(early.Findings, f => f.Code == "reseller.attestationMissing");
        Assert.Equal("reseller.attestationMissing", Assert.Single(unsigned.Findings).Code);
        Assert.True(activated.Ok, activated.Message);
        var after = (await Service.GetAsync(detail.Id))!;
        Assert.Equal(ResellerStatus.Active, after.Status);
        Assert.Equal(CipArrangement.AdoptsProviderCip, after.Arrangement);
        Assert.Equal("Reseller agreement RA-2026-04", after.AgreementReference);
    }

    [Fact]
    public async Task A_change_made_on_a_stale_version_is_a_conflict()
    {
        var detail = await RegisteredAsync();
        Assert.True((await Service.AddContactAsync(detail.Id, detail.Version, Contact("Erika Mustermann"))).Ok);

        var stale = await Service.AddContactAsync(detail.Id, detail.Version, Contact("Max Mustermann"));

        Assert.True(stale.Conflict);
        Assert.Equal(2, (await Service.GetAsync(detail.Id))!.Contacts.Count);
    }

    [Fact]
    public async Task Contact_names_and_emails_are_not_written_in_clear_in_the_audit_trail()
    {
        await RegisteredAsync();

        var entries = await db.AuditEntriesAsync();

        var contact = Assert.Single(entries, e => e.EntityType == "ResellerContact");
        Assert.DoesNotContain("Jonas Weber", contact.ChangesJson);
        Assert.DoesNotContain("jonas.weber", contact.ChangesJson);
        Assert.Contains(entries, e => e.EntityType == "Reseller" && e.Action == "create");
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
