using IaasKyc.Domain;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Resellers;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.RulePacks;
using IaasKyc.Portal.Storage;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Resellers;

/// <summary>
/// The foreign-reseller register (regulation.md §2, proposed § 7.301): the profile of an entity customer that resells the
/// provider's IaaS, its contacts, CIP arrangement, accounts and end customers, and its status. Each command loads the reseller,
/// checks the version the user saw, applies the domain method and saves in one transaction with its audit entries.
/// </summary>
public sealed class ResellerService(IDbContextFactory<PortalDbContext> dbFactory, AuditActor actor, PortalTime time)
{
    public async Task<IReadOnlyList<ResellerListItem>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from r in db.Resellers.AsNoTracking()
                          join c in db.Customers on r.CustomerId equals c.Id
                          select new { r.Id, r.CustomerId, c.LegalName, c.Country, r.Status, r.Arrangement }).ToListAsync(ct);
        var attestations = (await db.Attestations.AsNoTracking().ToListAsync(ct)).ToLookup(a => a.ResellerId);
        var open = (await db.Set<NonComplianceFinding>().AsNoTracking().Where(f => f.ClosedAtUtc == null).ToListAsync(ct))
            .GroupBy(f => f.ResellerId).ToDictionary(g => g.Key, g => g.Select(f => f.Clock(time.Zone)).MinBy(c => c.DueDate));
        var dueSoon = (await RulePackService.ActiveAsync(db, time.Today, ct)).DueSoonDays;
        return [.. rows.OrderBy(r => r.LegalName, StringComparer.CurrentCultureIgnoreCase)
            .Select(r =>
            {
                var running = open.TryGetValue(r.Id, out var clock);
                return new ResellerListItem(r.Id, r.CustomerId, r.LegalName, r.Country, r.Status, r.Arrangement,
                    AttestationSummary(attestations[r.Id], time.UtcNow, time.Today),
                    running ? $"terminate by {clock.DueDate:yyyy-MM-dd} · {clock.Describe(time.UtcNow)}" : null,
                    running ? clock.State(time.UtcNow, dueSoon) : null);
            })];
    }

    /// <summary>The reseller's attestation position in a few words: the latest signature and its validity, and any link awaiting a signature.</summary>
    public static string AttestationSummary(IEnumerable<Attestation> attestations, DateTime nowUtc, DateOnly today)
    {
        var list = attestations.ToList();
        var signed = list.Where(a => a.SignedAtUtc is not null).MaxBy(a => a.SignedAtUtc);
        var pending = list.Any(a => a.StateAt(nowUtc) == AttestationState.Pending);
        var text = signed?.ValidUntil is { } until
            ? until >= today ? $"Signed, valid until {until:yyyy-MM-dd}" : $"Expired {until:yyyy-MM-dd}"
            : list.Count == 0 ? "None" : pending ? "" : "Not signed";
        if (pending) text = text.Length == 0 ? "Link sent, awaiting signature" : text + " · link sent";
        return text;
    }

    /// <summary>
    /// Every foreign reseller the provider had during the period up to <paramref name="asOf"/> (regulation.md §3: the certification lists
    /// all foreign resellers), with its status then, its CIP arrangement and, for a terminated one, the end date.
    /// </summary>
    public async Task<IReadOnlyList<CertificationReseller>> CertificationListAsync(DateOnly asOf, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await (from r in db.Resellers.AsNoTracking().Include(r => r.History)
                          join c in db.Customers on r.CustomerId equals c.Id
                          where r.RelationshipStart <= asOf
                          select new { Reseller = r, c.LegalName, c.Country }).ToListAsync(ct);
        var endOfDay = new IaasKyc.Domain.Rules.Deadline(asOf, time.Zone).EndsAtUtc;
        return [.. rows.Select(x => new CertificationReseller(x.Reseller.Id, x.LegalName, x.Country, x.Reseller.RelationshipStart,
                x.Reseller.History.Where(h => h.AtUtc < endOfDay).OrderBy(h => h.AtUtc).LastOrDefault()?.To ?? ResellerStatus.Onboarding,
                x.Reseller.Arrangement, x.Reseller.EndDate is { } e && e <= asOf ? e : null))
            .OrderBy(x => x.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    /// <summary>Entity customers determined foreign (regulation.md "Who is who": a foreign reseller is a foreign person), open, not yet resellers.</summary>
    public async Task<IReadOnlyList<ResellerCandidate>> CandidatesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var taken = db.Resellers.Select(r => r.CustomerId);
        var rows = await db.Customers.AsNoTracking()
            .Where(c => c.Kind == CustomerKind.Entity && c.UsPerson == false && c.Status != CustomerStatus.Closed && c.Status != CustomerStatus.Rejected
                && !taken.Contains(c.Id))
            .Select(c => new ResellerCandidate(c.Id, c.LegalName, c.Country, c.Status)).ToListAsync(ct);
        return [.. rows.OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<Outcome> CreateAsync(NewResellerInput input, CancellationToken ct = default)
    {
        var f = new List<Finding>();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Customer? customer = null;
        if (input.CustomerId is not { } customerId) f.Add(new("required", "Choose the entity customer that resells.", "customerId"));
        else
        {
            customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, ct);
            if (customer is null) f.Add(new("notFound", "The customer no longer exists.", "customerId"));
            else if (customer.Kind != CustomerKind.Entity) f.Add(new("reseller.notEntity", "A reseller is an entity customer.", "customerId"));
            else if (customer.UsPerson != false)
                f.Add(new("reseller.notForeign", "Only a customer determined a foreign person can be a foreign reseller: record the determination first.", "customerId"));
            else if (customer.Status is CustomerStatus.Closed or CustomerStatus.Rejected)
                f.Add(new("reseller.customerClosed", "The customer is closed or rejected.", "customerId"));
            else if (await db.Resellers.AnyAsync(r => r.CustomerId == customerId, ct))
                f.Add(new("reseller.exists", "This customer is registered as a reseller already.", "customerId"));
        }
        var start = ResellerRules.PastDate(input.RelationshipStart, "relationshipStart", time.Today, f, "Enter the day the reseller relationship started.");
        var (contact, contactFindings) = ResellerRules.Contact(input.Contact, customer?.Country);
        f.AddRange(contactFindings);
        if (f.Count > 0) return Outcome.Invalid(f);

        var by = await actor.NameAsync();
        var reseller = new Reseller(Guid.NewGuid(), customer!.Id, start!.Value, by, time.UtcNow);
        reseller.AddContact(contact!.Name, contact.Title, contact.Email, contact.PhoneE164, time.UtcNow);
        db.Resellers.Add(reseller);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome.ConflictWith("Someone registered this customer as a reseller at the same moment: open it from the list.");
        }
        return Outcome.Success(reseller.Version, reseller.Id);
    }

    public async Task<ResellerDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var r = await Load(db).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        var c = await db.Customers.AsNoTracking().Include(x => x.Accounts).FirstAsync(x => x.Id == r.CustomerId, ct);
        var endIds = r.EndAccounts.Select(a => a.AccountId).ToList();
        var ends = await (from a in db.Accounts.AsNoTracking()
                          join owner in db.Customers on a.CustomerId equals owner.Id
                          where endIds.Contains(a.Id)
                          select new { a.Id, a.Reference, a.CustomerId, owner.LegalName, a.OpenedAtUtc, a.ClosedAtUtc }).ToListAsync(ct);
        return new ResellerDetail(r.Id, r.CustomerId, c.LegalName, c.Country, c.Status, c.UsPerson, r.RelationshipStart, r.Status, r.Arrangement,
            r.AgreementDate, r.AgreementReference, r.EndDate,
            [.. r.Contacts.OrderBy(x => x.Name).Select(x => new ContactView(x.Id, x.Name, x.Title, x.Email, x.Phone))],
            [.. r.CipFiles.OrderByDescending(x => x.Number).Select(x => new CipFileView(x.Id, x.Number, x.FileName, x.Sha256, x.UploadedBy, x.UploadedAtUtc))],
            [.. c.Accounts.OrderBy(a => a.Reference).Select(a => new ResellerAccountView(a.Id, a.Reference, c.Id, c.LegalName, a.OpenedAtUtc, a.ClosedAtUtc))],
            [.. ends.OrderBy(e => e.Reference).Select(e => new ResellerAccountView(e.Id, e.Reference, e.CustomerId, e.LegalName, e.OpenedAtUtc, e.ClosedAtUtc,
                r.EndAccounts.First(l => l.AccountId == e.Id).Id))],
            [.. r.History.OrderByDescending(h => h.AtUtc).Select(h => new ResellerHistoryView(h.From, h.To, h.By, h.AtUtc, h.Note))],
            r.Status == ResellerStatus.Onboarding ? ResellerRules.CanActivate(r, await HasValidAttestationAsync(db, r.Id, ct)) : [],
            r.UpdatedAtUtc, r.Version,
            [.. r.Findings.OrderByDescending(f => f.RecordedAtUtc).Select(f => View(f, pack.DueSoonDays))],
            r.Flags.Select(f => f.AccountId).ToHashSet());
    }

    public Task<Outcome> SetRelationshipStartAsync(Guid id, Guid version, string? start, CancellationToken ct = default) =>
        MutateAsync(id, version, (r, _, _) =>
        {
            var f = new List<Finding>();
            var day = ResellerRules.PastDate(start, "relationshipStart", time.Today, f, "Enter the day the reseller relationship started.");
            if (day is { } d) r.SetRelationshipStart(d, time.UtcNow);
            return Task.FromResult(f);
        }, ct);

    public Task<Outcome> AddContactAsync(Guid id, Guid version, ResellerContactInput input, CancellationToken ct = default) =>
        MutateAsync(id, version, async (r, _, db) =>
        {
            var country = await db.Customers.Where(c => c.Id == r.CustomerId).Select(c => c.Country).FirstAsync(ct);
            var (p, f) = ResellerRules.Contact(input, country);
            if (p is not null) r.AddContact(p.Name, p.Title, p.Email, p.PhoneE164, time.UtcNow);
            return f;
        }, ct);

    public Task<Outcome> RemoveContactAsync(Guid id, Guid version, Guid contactId, CancellationToken ct = default) =>
        MutateAsync(id, version, (r, _, _) =>
        {
            var contact = r.Contacts.FirstOrDefault(c => c.Id == contactId);
            if (contact is null) return Task.FromResult(new List<Finding> { new("notFound", "The contact no longer exists.", "contacts") });
            r.RemoveContact(contact, time.UtcNow);
            return Task.FromResult(new List<Finding>());
        }, ct);

    /// <summary>Records the agreement by which the reseller adopts the provider's CIP (proposed § 7.301).</summary>
    public Task<Outcome> RecordAgreementAsync(Guid id, Guid version, string? date, string? reference, CancellationToken ct = default) =>
        MutateAsync(id, version, (r, _, _) =>
        {
            var f = new List<Finding>();
            var day = ResellerRules.PastDate(date, "agreementDate", time.Today, f, "Enter the day the agreement was signed.");
            var text = IntakeRules.Text(reference, "agreementReference", ResellerRules.ReferenceMax, f, required: true,
                "Enter the agreement's reference, for example the contract number.");
            if (f.Count == 0) r.AdoptProviderCip(day!.Value, text!, time.UtcNow);
            return Task.FromResult(f);
        }, ct);

    /// <summary>Adds a version of the reseller's own written CIP from a stored upload (PDF).</summary>
    public Task<Outcome> AddCipFileAsync(Guid id, Guid version, StoredUpload upload, CancellationToken ct = default) =>
        MutateAsync(id, version, (r, by, _) =>
        {
            r.AddCipFile(upload.Id, upload.OriginalName, upload.Sha256, by, time.UtcNow);
            return Task.FromResult(new List<Finding>());
        }, ct);

    /// <summary>Records that an account of another customer comes through this reseller.</summary>
    public Task<Outcome> AddEndAccountAsync(Guid id, Guid version, string? reference, CancellationToken ct = default) =>
        MutateAsync(id, version, async (r, by, db) =>
        {
            var f = new List<Finding>();
            var text = IntakeRules.Text(reference, "reference", IntakeRules.ReferenceMax, f, required: true, "Enter the end customer's account reference.");
            if (text is null) return f;
            var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Reference == text, ct);
            if (account is null) f.Add(new("notFound", $"There is no account {text}.", "reference"));
            else if (account.CustomerId == r.CustomerId) f.Add(new("reseller.ownAccount", "This is the reseller's own account, not an end customer's.", "reference"));
            else if (await db.ResellerEndAccounts.AnyAsync(l => l.AccountId == account.Id, ct))
                f.Add(new("reseller.accountTaken", $"Account {text} is recorded as coming through a reseller already.", "reference"));
            else r.AddEndAccount(account.Id, by, time.UtcNow);
            return f;
        }, ct);

    public Task<Outcome> RemoveEndAccountAsync(Guid id, Guid version, Guid linkId, CancellationToken ct = default) =>
        MutateAsync(id, version, (r, _, _) =>
        {
            var link = r.EndAccounts.FirstOrDefault(l => l.Id == linkId);
            if (link is null) return Task.FromResult(new List<Finding> { new("notFound", "The link no longer exists.", "reference") });
            r.RemoveEndAccount(link, time.UtcNow);
            return Task.FromResult(new List<Finding>());
        }, ct);

    /// <summary>An Approver's decision: the reseller starts (Onboarding → Active) once its CIP arrangement, a contact and a valid signed attestation are on record.</summary>
    public Task<Outcome> ActivateAsync(Guid id, Guid version, CancellationToken ct = default) =>
        MutateAsync(id, version, async (r, by, db) =>
        {
            var f = ResellerRules.CanActivate(r, await HasValidAttestationAsync(db, r.Id, ct));
            if (f.Count == 0) r.Activate(by, time.UtcNow, "Activated: CIP arrangement on record and flow-down attestation signed");
            return f;
        }, ct);

    private async Task<bool> HasValidAttestationAsync(PortalDbContext db, Guid resellerId, CancellationToken ct)
    {
        var today = time.Today;
        return await db.Attestations.AnyAsync(a => a.ResellerId == resellerId && a.SignedAtUtc != null && a.ValidUntil >= today, ct);
    }

    /// <summary>An Officer records what the provider learned, with its evidence and the day it learned it: the termination clock starts (proposed § 7.301).</summary>
    public Task<Outcome> RecordFindingAsync(Guid id, Guid version, string? what, string? evidence, string? learnedOn, CancellationToken ct = default) =>
        MutateAsync(id, version, async (r, by, db) =>
        {
            var f = new List<Finding>();
            var text = IntakeRules.Text(what, "what", 2000, f, required: true, "Say what the reseller failed to do.");
            var proof = IntakeRules.Text(evidence, "evidence", 4000, f, required: true, "Describe the evidence (a document, a report, a call) and where it is kept.");
            var day = ResellerRules.PastDate(learnedOn, "learnedOn", time.Today, f, "Enter the day the provider learned of it: the clock starts then.");
            if (f.Count > 0) return f;
            var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
            r.RecordFinding(text!, proof!, day!.Value, pack.ResellerTerminationDays, pack.Version, by, time.UtcNow);
            await RulePackService.RecordUseAsync(db, pack.Version, time.UtcNow, ct);
            return f;
        }, ct);

    /// <summary>An Approver other than the recorder closes a finding cured before its deadline.</summary>
    public Task<Outcome> CureFindingAsync(Guid id, Guid version, Guid findingId, string? note, CancellationToken ct = default) =>
        MutateAsync(id, version, (r, by, _) =>
        {
            var f = new List<Finding>();
            var text = IntakeRules.Text(note, "note", 2000, f, required: true, "Say how the finding was cured and what shows it.");
            var finding = r.Findings.FirstOrDefault(x => x.Id == findingId);
            if (finding is null) f.Add(new("notFound", "The finding no longer exists.", ""));
            if (f.Count == 0) r.CureFinding(finding!, text!, by, time.UtcNow, time.Today);
            return Task.FromResult(f);
        }, ct);

    /// <summary>An Approver other than the recorder confirms the termination: the end date is today and every account of the reseller and its end customers is flagged.</summary>
    public Task<Outcome> ConfirmTerminationAsync(Guid id, Guid version, Guid findingId, CancellationToken ct = default) =>
        MutateAsync(id, version, async (r, by, db) =>
        {
            var finding = r.Findings.FirstOrDefault(x => x.Id == findingId);
            if (finding is null) return [new("notFound", "The finding no longer exists.", "")];
            var own = await db.Accounts.Where(a => a.CustomerId == r.CustomerId).Select(a => a.Id).ToListAsync(ct);
            r.ConfirmTermination(finding, time.Today, own.Concat(r.EndAccounts.Select(e => e.AccountId)), by, time.UtcNow);
            return [];
        }, ct);

    private FindingView View(NonComplianceFinding f, int dueSoonDays)
    {
        var clock = f.Clock(time.Zone);
        return new FindingView(f.Id, f.What, f.Evidence, f.LearnedOn, clock.DueDate, clock.DaysLeft(time.UtcNow), clock.State(time.UtcNow, dueSoonDays),
            clock.Describe(time.UtcNow), f.RecordedBy, f.RecordedAtUtc, f.IsOpen, f.Terminated, f.CureNote, f.ClosedBy, f.ClosedAtUtc);
    }

    public static IQueryable<Reseller> Load(PortalDbContext db) => db.Resellers
        .Include(r => r.Contacts).Include(r => r.CipFiles).Include(r => r.EndAccounts).Include(r => r.History)
        .Include(r => r.Findings).Include(r => r.Flags)
        .AsSplitQuery();

    /// <summary>Loads, checks the version, applies, saves; domain refusals become outcomes, not exceptions.</summary>
    private async Task<Outcome> MutateAsync(Guid id, Guid version, Func<Reseller, string, PortalDbContext, Task<List<Finding>>> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reseller = await Load(db).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (reseller is null) return Outcome.Invalid("notFound", "The reseller no longer exists.", "");
        if (reseller.Version != version)
            return Outcome.ConflictWith("Someone else changed this reseller since you opened it. Reload to see their change; your input is kept.");
        if (await Outcome.ApplyAsync(async () => await change(reseller, await actor.NameAsync(), db)) is { } refused) return refused;
        // Every command saves the reseller itself, so a change to a child also gets a new version (concurrent edits conflict).
        db.Entry(reseller).Property(r => r.UpdatedAtUtc).IsModified = true;
        if (await Outcome.SaveAsync(db, "Someone else changed this reseller at the same moment. Reload to see their change; your input is kept.", ct) is { } conflict) return conflict;
        return Outcome.Success(reseller.Version, reseller.Id);
    }
}
