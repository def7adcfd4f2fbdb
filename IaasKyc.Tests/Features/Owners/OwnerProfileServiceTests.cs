using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Owners;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Owners;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Owners;

/// <summary>Beneficial owners get the customer treatment (issue 4 item 4): profiles, evidence, verification, the U.S.-persons statement.</summary>
public sealed class OwnerProfileServiceTests : IAsyncDisposable
{
    private const string Approver = "approver@x";

    private readonly ServiceTestDb db = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private OwnershipService Service => db.Get<OwnershipService>();

    /// <summary>Anna owns 70 % (directly and through Holding), Ben 30 % through Holding, Clara is the senior officer.</summary>
    private static OwnershipGraph Structure(bool withBen = true) => OwnershipServiceTests.Structure(withBen);

    public static OwnerProfileInput Profile(bool usPerson, string? documentNumber = "C01X00T47", string email = "anna@example.com") => usPerson
        ? new("1980-04-02", "US", new AddressInput("500 Market Street", null, "San Francisco", "CA", "94105", "US"), email, "+1 415 555 0134",
            "Passport", documentNumber, "US", true, "U.S. passport seen")
        : new("1975-11-30", "DE", new AddressInput("Friedrichstraße 68", null, "Berlin", null, "10117", "DE"), email, "+49 30 1234567",
            "Passport", documentNumber, "DE", false, "German passport seen; declared address in Berlin");

    private async Task<Guid> WithStructureAsync(OwnershipGraph? graph = null)
    {
        var id = await Support.Customers.SubmittedForeignAsync(db.Get<CustomerService>(), db.Get<CustomerQueries>());
        var stored = await Service.ReplaceAsync(id, graph ?? Structure(), ct: Ct);
        Assert.True(stored.Ok, stored.Message);
        return id;
    }

    private async Task<CustomerDetail> CustomerAsync(Guid id) => (await db.Get<CustomerQueries>().GetAsync(id, Ct))!;

    private async Task SaveAsync(Guid id, string key, OwnerProfileInput input)
    {
        var current = await Service.GetProfileAsync(id, key, Ct);
        var saved = await Service.SaveProfileAsync(id, key, input, current!.Version, Ct);
        Assert.True(saved.Ok, saved.Message);
    }

    private async Task VerifyOwnerWithEvidenceAsync(Guid id, string key)
    {
        var added = await db.Get<CustomerService>().AddNonDocumentaryEvidenceAsync(id, (await CustomerAsync(id)).Version, "Bundeszentralamt register",
            new DateOnly(2026, 6, 1), "Name, date of birth and address match", Ct, ownerKey: key);
        Assert.True(added.Ok, added.Message);
        var verified = await Service.VerifyOwnerAsync(id, key, (await Service.GetProfileAsync(id, key, Ct))!.Version!.Value, Ct);
        Assert.True(verified.Ok, verified.Message);
    }

    private async Task<Portal.Features.Outcome> ApproverVerifiesAsync(Guid id) =>
        await db.As<CustomerService>(Approver).VerifyAsync(id, (await CustomerAsync(id)).Version, null, Ct);

    [Fact]
    public async Task Verification_is_refused_while_a_foreign_owner_is_unverified_naming_the_owner()
    {
        var id = await WithStructureAsync();
        await SaveAsync(id, "anna", Profile(usPerson: false));
        await SaveAsync(id, "ben", Profile(usPerson: true));
        await SaveAsync(id, "clara", Profile(usPerson: true));

        var refused = await ApproverVerifiesAsync(id);

        Assert.False(refused.Ok);
        var finding = Assert.Single(refused.Findings);
        Assert.Equal("verify.ownerUnverified", finding.Code);
        Assert.Contains("Anna Schmidt", finding.Message, StringComparison.Ordinal);
        Assert.Contains((await CustomerAsync(id)).VerifyBlockers, f => f.Message.Contains("Anna Schmidt", StringComparison.Ordinal));
        Assert.Equal(CustomerStatus.Submitted, (await CustomerAsync(id)).Status);
    }

    [Fact]
    public async Task Verification_is_refused_while_an_owner_has_no_determination()
    {
        var id = await WithStructureAsync();
        await SaveAsync(id, "anna", Profile(usPerson: true));
        await SaveAsync(id, "clara", Profile(usPerson: true));

        var refused = await ApproverVerifiesAsync(id);

        var finding = Assert.Single(refused.Findings);
        Assert.Equal("verify.ownerDetermination", finding.Code);
        Assert.Contains("Ben Krause", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verification_is_allowed_once_the_foreign_owner_is_verified()
    {
        var id = await WithStructureAsync();
        await SaveAsync(id, "anna", Profile(usPerson: false));
        await SaveAsync(id, "ben", Profile(usPerson: true));
        await SaveAsync(id, "clara", Profile(usPerson: true));

        await VerifyOwnerWithEvidenceAsync(id, "anna");
        var verified = await ApproverVerifiesAsync(id);

        Assert.True(verified.Ok, verified.Message);
        var customer = await CustomerAsync(id);
        Assert.Equal(CustomerStatus.Verified, customer.Status);
        Assert.Contains(customer.History, h => h.Note.Contains("Anna Schmidt (foreign) verified by test-user", StringComparison.Ordinal));
        Assert.Equal("Anna Schmidt", (await Service.GetAsync(id, Ct))!.Graph.Nodes.Single(n => n.Key == "anna").Name);
        Assert.True((await Service.GetAsync(id, Ct))!.Owners["anna"].Verified);
    }

    [Fact]
    public async Task A_foreign_owner_is_not_marked_verified_without_evidence()
    {
        var id = await WithStructureAsync();
        await SaveAsync(id, "anna", Profile(usPerson: false));

        var refused = await Service.VerifyOwnerAsync(id, "anna", (await Service.GetProfileAsync(id, "anna", Ct))!.Version!.Value, Ct);

        Assert.Equal("verify.evidence", Assert.Single(refused.Findings).Code);
    }

    [Fact]
    public async Task Changing_a_verified_owners_profile_clears_the_verification()
    {
        var id = await WithStructureAsync();
        await SaveAsync(id, "anna", Profile(usPerson: false));
        await VerifyOwnerWithEvidenceAsync(id, "anna");

        await SaveAsync(id, "anna", Profile(usPerson: false, email: "anna.schmidt@example.com"));

        Assert.False((await Service.GetAsync(id, Ct))!.Owners["anna"].Verified);
    }

    [Fact]
    public async Task The_document_number_is_stored_encrypted_and_shown_masked()
    {
        var id = await WithStructureAsync();

        await SaveAsync(id, "anna", Profile(usPerson: false, documentNumber: "C01X00T47"));

        var view = await Service.GetProfileAsync(id, "anna", Ct);
        Assert.Equal("•••••0T47", view!.DocumentNumberMasked);
        await using var context = db.NewContext();
        var stored = context.OwnerProfiles.Single();
        Assert.DoesNotContain("C01X00T47", stored.DocumentNumberEncrypted, StringComparison.Ordinal);
        Assert.StartsWith("enc1:", stored.DocumentNumberEncrypted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_profile_is_refused_at_its_fields()
    {
        var id = await WithStructureAsync();
        var bad = Profile(usPerson: false) with { Phone = "12", Email = "not-an-email", Address = new AddressInput(null, null, "Berlin", null, null, "XX"), Basis = "" };

        var refused = await Service.SaveProfileAsync(id, "anna", bad, null, Ct);

        Assert.False(refused.Ok);
        var fields = refused.Findings.Select(f => f.Field).ToHashSet();
        Assert.Superset(new HashSet<string> { "phone", "email", "address.line1", "address.country", "determination.basis" }, fields);
        Assert.Null((await Service.GetProfileAsync(id, "anna", Ct))!.Version);
    }

    [Fact]
    public async Task A_node_that_is_not_a_beneficial_owner_has_no_profile()
    {
        var id = await WithStructureAsync();

        Assert.Null(await Service.GetProfileAsync(id, "holding", Ct));
        Assert.False((await Service.SaveProfileAsync(id, "holding", Profile(usPerson: true), null, Ct)).Ok);
    }

    [Fact]
    public async Task The_profile_survives_a_structure_replace_that_keeps_the_key()
    {
        var id = await WithStructureAsync();
        await SaveAsync(id, "anna", Profile(usPerson: false));

        var replaced = await Service.ReplaceAsync(id, Structure(withBen: false), (await Service.GetAsync(id, Ct))!.Version, Ct);

        Assert.True(replaced.Ok, replaced.Message);
        var profile = await Service.GetProfileAsync(id, "anna", Ct);
        Assert.False(profile!.UsPerson);
        Assert.Equal("Berlin", profile.City);
        Assert.Equal(100m, (await Service.GetAsync(id, Ct))!.Result.BeneficialOwners.Single(o => o.Key == "anna").EffectivePercent);
    }

    [Fact]
    public async Task The_US_persons_statement_is_refused_when_an_owner_is_foreign()
    {
        var id = await WithStructureAsync();
        await SaveAsync(id, "ben", Profile(usPerson: false));

        var refused = await Service.RecordAllUsPersonsAsync(id, "Register of members seen", Ct);

        Assert.False(refused.Ok);
        var finding = Assert.Single(refused.Findings);
        Assert.Equal("statement.foreignOwner", finding.Code);
        Assert.Contains("Ben Krause", finding.Message, StringComparison.Ordinal);
        Assert.Null((await Service.GetAsync(id, Ct))!.Statement);
    }

    [Fact]
    public async Task The_US_persons_statement_needs_a_basis()
    {
        var id = await WithStructureAsync();

        var refused = await Service.RecordAllUsPersonsAsync(id, "  ", Ct);

        Assert.Equal("basis", Assert.Single(refused.Findings).Field);
    }

    [Fact]
    public async Task With_a_US_customer_the_statement_ends_verification_duties_and_allows_provisioning()
    {
        var input = Support.Customers.ForeignEntity("Blue Ridge Analytics LLC", "ACC-BRA-1", "US") with
        {
            CitizenshipOrJurisdiction = "US-VA",
            Address = new AddressInput("1200 Wilson Blvd", null, "Arlington", "VA", "22209", "US"),
            Phone = "+1 703 555 0110",
            Determination = new DeterminationInput(true, "Virginia certificate of organization seen", "2026-05-01", "CIP v1"),
        };
        var customers = db.Get<CustomerService>();
        var created = await customers.CreateAsync(input, Ct);
        Assert.True(created.Ok, created.Message);
        var id = created.Id!.Value;
        Assert.True((await customers.SubmitAsync(id, created.Version!.Value, Ct)).Ok);
        Assert.True((await Service.ReplaceAsync(id, Structure(), ct: Ct)).Ok);
        Assert.Equal(Provisioning.Blocked, (await CustomerAsync(id)).Provisioning);

        var recorded = await Service.RecordAllUsPersonsAsync(id, "Register of members and U.S. passports of all members seen", Ct);

        Assert.True(recorded.Ok, recorded.Message);
        var customer = await CustomerAsync(id);
        Assert.Equal(Provisioning.Allowed, customer.Provisioning);
        Assert.Empty(customer.VerifyBlockers);
        var statement = (await Service.GetAsync(id, Ct))!.Statement;
        Assert.Equal(ServiceTestDb.Actor, statement!.By);
        Assert.Contains(customer.History, h => h.Note.Contains("all beneficial owners are U.S. persons", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_confirmed_blocked_owner_makes_the_50_percent_rule_flag_the_customer()
    {
        var id = await WithStructureAsync();

        var flagged = await Service.SetConfirmedBlockedAsync(id, "anna", true, "Confirmed OFAC SDN match (entry 36123)", Ct);

        Assert.True(flagged.Ok, flagged.Message);
        var view = await Service.GetAsync(id, Ct);
        Assert.True(view!.Result.Blocked.Blocked);
        Assert.Equal(70m, view.Result.Blocked.Percent);
        Assert.True(view.Graph.Nodes.Single(n => n.Key == "anna").ConfirmedBlocked);
        var customer = await CustomerAsync(id);
        Assert.Equal(Provisioning.Blocked, customer.Provisioning);
        Assert.Contains(customer.History, h => h.Note.Contains("Anna Schmidt confirmed blocked (Confirmed OFAC SDN match", StringComparison.Ordinal));
        var audit = await db.AuditEntriesAsync();
        Assert.Contains(audit, e => e.EntityType == "Ownership" && e.Action == "update");
    }

    [Fact]
    public async Task A_confirmed_blocked_flag_set_in_the_editor_is_noted_on_the_timeline()
    {
        var id = await WithStructureAsync();
        var flagged = Structure() with { Nodes = [.. Structure().Nodes.Select(n => n.Key == "ben" ? n with { ConfirmedBlocked = true } : n)] };

        var saved = await Service.ReplaceAsync(id, flagged, (await Service.GetAsync(id, Ct))!.Version, Ct);

        Assert.True(saved.Ok, saved.Message);
        Assert.Contains((await CustomerAsync(id)).History, h => h.Note == "Ben Krause marked confirmed blocked by test-user in the ownership editor.");
        Assert.False((await Service.GetAsync(id, Ct))!.Result.Blocked.Blocked);
    }

    [Fact]
    public async Task Screening_facts_list_each_beneficial_owner_with_the_profile_qualifiers()
    {
        var id = await WithStructureAsync();
        await SaveAsync(id, "anna", Profile(usPerson: false));

        var subjects = await Service.ScreeningSubjectsAsync(id, Ct);

        Assert.Equal(["anna", "ben", "clara"], subjects.Select(s => s.Key).Order().ToArray());
        var anna = subjects.Single(s => s.Key == "anna");
        Assert.Equal(new OwnerScreeningSubject("anna", "Anna Schmidt", OwnerKind.Individual, "DE", "DE", new DateOnly(1975, 11, 30)), anna);
        Assert.Null(subjects.Single(s => s.Key == "ben").DateOfBirth);
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();
}
