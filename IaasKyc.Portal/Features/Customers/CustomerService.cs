using System.Text.Json;
using IaasKyc.Domain;
using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.RulePacks;
using IaasKyc.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Customers;

/// <summary>
/// Customer intake, verification and decisions (proposed § 7.302). Each command loads the customer, checks the version
/// the user saw (optimistic concurrency), applies the domain method, recomputes the risk and saves in one transaction
/// with its audit entries.
/// </summary>
public sealed class CustomerService(IDbContextFactory<PortalDbContext> dbFactory, AuditActor actor, PortalTime time, FieldCipher cipher,
    Screening.ScreeningService screening)
{
    /// <summary>Starts an intake draft with the identity step (the wizard's first save).</summary>
    public async Task<Outcome> StartAsync(IntakeInput identity, CancellationToken ct = default)
    {
        var (parsed, findings) = IntakeRules.Identity(identity, time.Today);
        if (parsed is null) return Outcome.Invalid(findings);
        var by = await actor.NameAsync();
        var customer = new Customer(Guid.NewGuid(), parsed.Kind, parsed.Name, by, time.UtcNow);
        customer.SetIdentity(parsed.Kind, parsed.Name, parsed.OtherNames, parsed.DateOfBirthOrIncorporation, parsed.CitizenshipOrJurisdiction, by, time.UtcNow);
        customer.AdvanceIntake(1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RecomputeRiskAsync(db, customer, time.Today, ct);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(ct);
        return Outcome.Success(customer.Version, customer.Id);
    }

    /// <summary>Creates a complete Draft customer at once (the API); nothing is stored when any field is invalid.</summary>
    public async Task<Outcome> CreateAsync(IntakeInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var products = await KnownProductsAsync(db, ct);
        var findings = IntakeRules.All(input, time.Today, products);
        var references = (input.Accounts ?? []).Select(a => a?.Reference?.Trim()).Where(r => !string.IsNullOrEmpty(r)).ToList();
        if (findings.Count == 0)
        {
            var taken = await db.Accounts.Where(a => references.Contains(a.Reference)).Select(a => a.Reference).ToListAsync(ct);
            findings.AddRange(taken.Select(r => new Finding("reference.taken", $"Account {r} belongs to another customer already.",
                $"accounts[{references.IndexOf(r)}].reference")));
        }
        if (findings.Count > 0) return Outcome.Invalid(findings);

        var by = await actor.NameAsync();
        var now = time.UtcNow;
        var identity = IntakeRules.Identity(input, time.Today).Value!;
        var contact = IntakeRules.Contact(input).Value!;
        var customer = new Customer(Guid.NewGuid(), identity.Kind, identity.Name, by, now);
        customer.SetIdentity(identity.Kind, identity.Name, identity.OtherNames, identity.DateOfBirthOrIncorporation, identity.CitizenshipOrJurisdiction, by, now);
        customer.SetContact(contact.Address, contact.Email, contact.PhoneE164, by, now);
        if (IntakeRules.Determination(input.Determination, time.Today, required: false).Value is { } d)
            customer.SetDetermination(d.UsPerson, d.Basis, d.NoticeGivenOn, d.NoticeVersion, by, now);
        for (var i = 0; i < input.Accounts!.Count; i++) AddParsedAccount(customer, IntakeRules.Account(input.Accounts[i], i).Value!, by, now);
        customer.AdvanceIntake(4);
        await RecomputeRiskAsync(db, customer, time.Today, ct);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(ct);
        return Outcome.Success(customer.Version, customer.Id);
    }

    public Task<Outcome> SaveIdentityAsync(Guid id, Guid version, IntakeInput input, CancellationToken ct = default) =>
        MutateAsync(id, version, async (c, by, _) =>
        {
            var (p, findings) = IntakeRules.Identity(input, time.Today);
            if (p is null) return findings;
            c.SetIdentity(p.Kind, p.Name, p.OtherNames, p.DateOfBirthOrIncorporation, p.CitizenshipOrJurisdiction, by, time.UtcNow);
            c.AdvanceIntake(1);
            return await Task.FromResult(findings);
        }, ct);

    public Task<Outcome> SaveContactAsync(Guid id, Guid version, IntakeInput input, CancellationToken ct = default) =>
        MutateAsync(id, version, (c, by, _) =>
        {
            var (p, findings) = IntakeRules.Contact(input);
            if (p is null) return Task.FromResult(findings);
            c.SetContact(p.Address, p.Email, p.PhoneE164, by, time.UtcNow);
            c.AdvanceIntake(2);
            return Task.FromResult(findings);
        }, ct);

    public Task<Outcome> SaveDeterminationAsync(Guid id, Guid version, DeterminationInput input, CancellationToken ct = default) =>
        MutateAsync(id, version, (c, by, _) =>
        {
            var (p, findings) = IntakeRules.Determination(input, time.Today);
            if (p is null) return Task.FromResult(findings);
            if (p.NoticeGivenOn is null)
                return Task.FromResult(new List<Finding> { new("required", "Record when the customer received the notice.", "determination.noticeGivenOn") });
            if (p.UsPerson && DeterminationLooksForeign(c) is { } warning)
                return Task.FromResult(new List<Finding> { warning });
            c.SetDetermination(p.UsPerson, p.Basis, p.NoticeGivenOn, p.NoticeVersion, by, time.UtcNow);
            c.AdvanceIntake(3);
            return Task.FromResult(findings);
        }, ct);

    public Task<Outcome> AddAccountAsync(Guid id, Guid version, AccountInput input, CancellationToken ct = default) =>
        MutateAsync(id, version, async (c, by, db) =>
        {
            var (p, findings) = IntakeRules.Account(input, 0, await KnownProductsAsync(db, ct));
            if (p is null) return Reindex(findings);
            if (await db.Accounts.AnyAsync(a => a.Reference == p.Reference, ct))
                return [new("reference.taken", $"Account {p.Reference} exists already.", "reference")];
            AddParsedAccount(c, p, by, time.UtcNow);
            c.AdvanceIntake(4);
            return findings;
        }, ct);

    public Task<Outcome> RemoveAccountAsync(Guid id, Guid version, Guid accountId, CancellationToken ct = default) =>
        MutateAsync(id, version, (c, by, _) =>
        {
            var account = c.Accounts.FirstOrDefault(a => a.Id == accountId);
            if (account is null) return Task.FromResult(new List<Finding> { new("notFound", "The account no longer exists.", "accounts") });
            if (c.Status != CustomerStatus.Draft) return Task.FromResult(new List<Finding> { new("state", "Only a draft's accounts can be removed.", "accounts") });
            c.RemoveAccount(account, by, time.UtcNow);
            return Task.FromResult(new List<Finding>());
        }, ct);

    /// <param name="ownerKey">The beneficial owner (node key) the evidence verifies; null for the customer itself.</param>
    public Task<Outcome> AddDocumentaryEvidenceAsync(Guid id, Guid version, string? documentType, string? number, string? issuingCountry, DateOnly? expires,
        Storage.StoredUpload? upload, CancellationToken ct = default, string? ownerKey = null) =>
        MutateAsync(id, version, async (c, by, db) =>
        {
            var f = await OwnerKeyFindingsAsync(db, c, ownerKey, ct);
            var type = IntakeRules.Text(documentType, "documentType", 100, f, required: true, "Choose the document type.");
            var num = IntakeRules.Text(number, "documentNumber", 64, f, required: true, "Enter the document number.");
            var country = IntakeRules.Country(issuingCountry, "issuingCountry", f);
            if (expires is { } e && e < time.Today) f.Add(new("expired", "The document has expired: it cannot verify identity.", "expires"));
            if (f.Count > 0) return f;
            c.AddEvidence(Evidence.Documentary(c.Id, type!, cipher.Encrypt(num!), FieldCipher.Mask(num), country!, expires, upload?.Id, upload?.OriginalName,
                by, time.UtcNow, ownerKey), by, time.UtcNow);
            return f;
        }, ct);

    /// <param name="ownerKey">The beneficial owner (node key) the evidence verifies; null for the customer itself.</param>
    public Task<Outcome> AddNonDocumentaryEvidenceAsync(Guid id, Guid version, string? source, DateOnly? checkedOn, string? result, CancellationToken ct = default,
        string? ownerKey = null) =>
        MutateAsync(id, version, async (c, by, db) =>
        {
            var f = await OwnerKeyFindingsAsync(db, c, ownerKey, ct);
            var src = IntakeRules.Text(source, "source", 300, f, required: true, "Name the source consulted (a database, a reference, a call to the customer).");
            var res = IntakeRules.Text(result, "result", 1000, f, required: true, "Say what the check found.");
            if (checkedOn is null) f.Add(new("required", "Enter the date of the check.", "checkedOn"));
            else if (checkedOn > time.Today) f.Add(new("date.future", "The check cannot be in the future.", "checkedOn"));
            if (f.Count > 0) return f;
            c.AddEvidence(Evidence.NonDocumentary(c.Id, src!, checkedOn!.Value, res!, by, time.UtcNow, ownerKey), by, time.UtcNow);
            return f;
        }, ct);

    /// <summary>Evidence may point only at a beneficial owner of the customer's stored structure.</summary>
    private async Task<List<Finding>> OwnerKeyFindingsAsync(PortalDbContext db, Customer c, string? ownerKey, CancellationToken ct) =>
        ownerKey is null || await Owners.OwnershipService.BeneficialOwnerAsync(db, c.Id, ownerKey, time.Today, ct) is not null
            ? []
            : [new("notFound", "This beneficial owner no longer exists: reload the ownership structure.", "")];

    public Task<Outcome> RemoveEvidenceAsync(Guid id, Guid version, Guid evidenceId, CancellationToken ct = default) =>
        MutateAsync(id, version, (c, by, _) =>
        {
            var item = c.Evidence.FirstOrDefault(e => e.Id == evidenceId);
            if (item is null) return Task.FromResult(new List<Finding> { new("notFound", "The evidence no longer exists.", "evidence") });
            c.RemoveEvidence(item, by, time.UtcNow);
            return Task.FromResult(new List<Finding>());
        }, ct);

    public Task<Outcome> RaiseDiscrepancyAsync(Guid id, Guid version, string? description, CancellationToken ct = default) =>
        MutateAsync(id, version, (c, by, _) =>
        {
            var f = new List<Finding>();
            var text = IntakeRules.Text(description, "description", 2000, f, required: true, "Describe the discrepancy.");
            if (text is not null) c.RaiseDiscrepancy(text, by, time.UtcNow);
            return Task.FromResult(f);
        }, ct);

    public Task<Outcome> ResolveDiscrepancyAsync(Guid id, Guid version, Guid discrepancyId, string? resolution, CancellationToken ct = default) =>
        MutateAsync(id, version, (c, by, _) =>
        {
            var f = new List<Finding>();
            var text = IntakeRules.Text(resolution, "resolution", 2000, f, required: true, "Say how the discrepancy was resolved.");
            var d = c.Discrepancies.FirstOrDefault(x => x.Id == discrepancyId);
            if (d is null) f.Add(new("notFound", "The discrepancy no longer exists.", "resolution"));
            if (f.Count == 0) d!.Resolve(text!, by, time.UtcNow);
            return Task.FromResult(f);
        }, ct);

    public Task<Outcome> SubmitAsync(Guid id, Guid version, CancellationToken ct = default) =>
        MutateAsync(id, version, async (c, by, db) =>
        {
            var f = CustomerPolicy.CanSubmit(c);
            if (f.Count > 0) return f;
            c.Submit(by, time.UtcNow);
            // Issue 5: customers and their owners are screened on submission, in the same transaction.
            await screening.ScreenIntoAsync(db, c, Screening.ScreeningTrigger.Submission, by, ct);
            return f;
        }, ct);

    public Task<Outcome> EscalateAsync(Guid id, Guid version, string? reason, CancellationToken ct = default) =>
        MutateAsync(id, version, (c, by, _) =>
        {
            var f = new List<Finding>();
            var text = IntakeRules.Text(reason, "reason", 1000, f, required: true, "Say why the customer is escalated.");
            if (text is not null) c.Escalate(text, by, time.UtcNow);
            return Task.FromResult(f);
        }, ct);

    public Task<Outcome> RestrictAsync(Guid id, Guid version, string? restrictions, CancellationToken ct = default) =>
        MutateAsync(id, version, (c, by, _) =>
        {
            var f = new List<Finding>();
            var text = IntakeRules.Text(restrictions, "restrictions", 1000, f, required: true,
                "Say which restrictions apply while verification is pending (as the written CIP allows).");
            if (text is not null) c.Restrict(text, by, time.UtcNow);
            return Task.FromResult(f);
        }, ct);

    /// <summary>
    /// Verifies under the four-eyes rule (never the submitter), storing a snapshot of what was approved and the rule-pack version.
    /// <paramref name="version"/> is the version the Approver reviewed: a change since then refuses the decision.
    /// </summary>
    public Task<Outcome> VerifyAsync(Guid id, Guid version, string? note, CancellationToken ct = default) =>
        MutateAsync(id, version, async (c, by, db) =>
        {
            var f = new List<Finding>();
            var text = IntakeRules.Text(note, "note", 1000, f);
            // Measures come into effect by date alone: evaluate them now, not as last stored.
            var risk = await RiskInputAsync(db, c, time.Today, ct);
            c.ApplyRisk(RiskPolicy.Evaluate(risk));
            f.AddRange(CustomerPolicy.CanVerify(c, risk.OpenScreeningHits, specialMeasures: risk.SpecialMeasures));
            var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
            // Proposed § 7.302: not verified while a beneficial owner is undetermined, or foreign and unverified.
            f.AddRange((await Owners.OwnershipService.CheckAsync(db, c.Id, c.Kind, pack, ct)).VerificationBlockers);
            if (f.Count > 0) return f;
            c.Verify(by, time.UtcNow, Snapshot(c), pack.Version, RiskPolicy.ReverifyDue(time.Today, c.EffectiveRisk(time.Today), pack), text);
            await RulePackService.RecordUseAsync(db, pack.Version, time.UtcNow, ct);
            return f;
        }, ct);

    public Task<Outcome> RejectAsync(Guid id, Guid version, string? reason, CancellationToken ct = default) =>
        MutateAsync(id, version, async (c, by, db) =>
        {
            var f = new List<Finding>();
            var text = IntakeRules.Text(reason, "reason", 1000, f, required: true, "Say why verification failed.");
            if (text is null) return f;
            var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
            c.Reject(by, time.UtcNow, text, pack.Version);
            await RulePackService.RecordUseAsync(db, pack.Version, time.UtcNow, ct);
            return f;
        }, ct);

    public Task<Outcome> CloseAsync(Guid id, Guid version, string? reason, CancellationToken ct = default) =>
        MutateAsync(id, version, (c, by, _) =>
        {
            var f = new List<Finding>();
            var text = IntakeRules.Text(reason, "reason", 1000, f, required: true, "Say why the customer is closed.");
            if (text is not null) c.Close(text, by, time.UtcNow);
            return Task.FromResult(f);
        }, ct);

    public Task<Outcome> OverrideRiskAsync(Guid id, Guid version, RiskLevel? level, string? reason, DateOnly? expires, CancellationToken ct = default) =>
        MutateAsync(id, version, (c, by, _) =>
        {
            var f = new List<Finding>();
            if (level is null or RiskLevel.Prohibited) f.Add(new("required", "Choose low, medium or high (a prohibition cannot be overridden).", "level"));
            var text = IntakeRules.Text(reason, "reason", 1000, f, required: true, "Give the reason for the override.");
            if (expires is null) f.Add(new("required", "Give the date the override expires.", "expires"));
            else if (expires <= time.Today) f.Add(new("date.past", "The expiry must be in the future.", "expires"));
            else if (expires > time.Today.AddYears(3)) f.Add(new("date.tooFar", "An override lasts at most three years.", "expires"));
            if (f.Count == 0) c.OverrideRisk(level!.Value, text!, expires!.Value, by, time.UtcNow);
            return Task.FromResult(f);
        }, ct);

    /// <summary>Loads, checks the version, applies, recomputes risk, saves; domain refusals become outcomes, not exceptions.</summary>
    private async Task<Outcome> MutateAsync(Guid id, Guid version, Func<Customer, string, PortalDbContext, Task<List<Finding>>> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await Load(db).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null) return Outcome.Invalid("notFound", "The customer no longer exists.", "");
        if (customer.Version != version)
            return Outcome.ConflictWith("Someone else changed this customer since you opened it. Reload to see their change; your input is kept.");
        var by = await actor.NameAsync();
        if (await Outcome.ApplyAsync(() => change(customer, by, db)) is { } refused) return refused;
        await RecomputeRiskAsync(db, customer, time.Today, ct);
        // Every command saves the customer itself, so a change to a child (evidence, a discrepancy) also gets a new
        // version and two people changing the same customer at once always see a conflict.
        db.Entry(customer).Property(c => c.UpdatedAtUtc).IsModified = true;
        if (await Outcome.SaveAsync(db, "Someone else changed this customer at the same moment. Reload to see their change; your input is kept.", ct) is { } conflict) return conflict;
        return Outcome.Success(customer.Version, customer.Id);
    }

    public static IQueryable<Customer> Load(PortalDbContext db) => db.Customers
        .Include(c => c.Accounts).Include(c => c.Evidence).Include(c => c.Discrepancies).Include(c => c.History)
        .AsSplitQuery();

    private void AddParsedAccount(Customer c, ParsedAccount p, string by, DateTime now)
    {
        var account = c.AddAccount(p.Reference, p.Means, p.Prepaid, p.IssuerCountry, cipher.Encrypt(p.Identifier), FieldCipher.Mask(p.Identifier),
            p.Source, p.SourceName, now, by);
        account.SetProducts(p.Products);
    }

    private static async Task<IReadOnlySet<string>> KnownProductsAsync(PortalDbContext db, CancellationToken ct) =>
        (await db.Products.Where(p => !p.Retired).Select(p => p.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The risk factors the rating looks at, from the customer, the catalogue and the special measures in effect (later: screening).</summary>
    public static async Task<RiskInput> RiskInputAsync(PortalDbContext db, Customer c, DateOnly today, CancellationToken ct)
    {
        var codes = c.Accounts.SelectMany(a => a.ProductCodes).Distinct().ToList();
        var advanced = codes.Count > 0 && await db.Products.AnyAsync(p => codes.Contains(p.Code) && p.AdvancedCompute, ct);
        var hits = await Screening.ScreeningQueries.HitStateAsync(db, c.Id, ct);
        return new RiskInput(c.UsPerson, c.CitizenshipOrJurisdiction, c.Country, IntakeRules.PhoneCountry(c.Phone),
            [.. c.Accounts.Select(a => new RiskAccount(a.PaymentMeans, a.Prepaid, a.IssuerCountry, a.PaymentSource))],
            UsesAdvancedCompute: advanced, OpenScreeningHits: hits.Open, ConfirmedSanctionsMatch: hits.ConfirmedOnCustomer,
            SpecialMeasures: await SpecialMeasures.SpecialMeasureService.EffectsAsync(db, c, today, ct));
    }

    public static async Task RecomputeRiskAsync(PortalDbContext db, Customer c, DateOnly today, CancellationToken ct) =>
        c.ApplyRisk(RiskPolicy.Evaluate(await RiskInputAsync(db, c, today, ct)));

    /// <summary>A determination of "U.S. person" that contradicts every tie the record shows is refused with the reason.</summary>
    private static Finding? DeterminationLooksForeign(Customer c)
    {
        var jurisdiction = c.CitizenshipOrJurisdiction is { } j ? Countries.CountryOf(j) : null;
        return jurisdiction is not null and not "US" && c.Country is not null and not "US"
            ? new Finding("determination.inconsistent",
                $"Citizenship or jurisdiction ({Countries.NameOf(jurisdiction)}) and address ({Countries.NameOf(c.Country)}) are both outside the U.S.: a U.S.-person determination needs them corrected, or choose foreign person.",
                "determination.usPerson")
            : null;
    }

    private static List<Finding> Reindex(List<Finding> findings) =>
        [.. findings.Select(f => f with { Field = f.Field.Replace("accounts[0].", "", StringComparison.Ordinal) })];

    /// <summary>What an approval rests on, kept with the decision.</summary>
    public static string Snapshot(Customer c) => JsonSerializer.Serialize(new
    {
        c.Kind,
        c.LegalName,
        c.OtherNames,
        c.AddressLine1,
        c.AddressLine2,
        c.City,
        c.Region,
        c.PostalCode,
        c.Country,
        c.Email,
        c.Phone,
        c.DateOfBirthOrIncorporation,
        c.CitizenshipOrJurisdiction,
        c.NoticeGivenOn,
        c.NoticeVersion,
        c.UsPerson,
        c.DeterminationBasis,
        Risk = c.ComputedRisk,
        c.RiskScore,
        Accounts = c.Accounts.Select(a => new { a.Reference, a.PaymentMeans, a.Prepaid, a.IssuerCountry, a.PaymentIdentifierMasked, a.PaymentSource, a.PaymentSourceName, a.ProductCodes }),
        Evidence = c.Evidence.Select(e => e.OwnerKey is null ? e.Describe() : $"beneficial owner {e.OwnerKey}: {e.Describe()}"),
        Discrepancies = c.Discrepancies.Select(d => new { d.Description, d.Resolution }),
    });
}
