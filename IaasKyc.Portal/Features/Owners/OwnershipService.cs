using IaasKyc.Domain;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Owners;
using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.RulePacks;
using IaasKyc.Portal.Security;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Owners;

/// <summary>An entity customer's stored ownership structure with its beneficial owners computed under the active rule pack.</summary>
/// <param name="Stored">False when no structure has been stored yet (the graph is then empty and the result has no owners).</param>
/// <param name="Owners">Each beneficial owner's determination and verification, by node key (owners without a profile are absent).</param>
/// <param name="VerificationBlockers">What keeps the customer's verification from completing, naming the owner.</param>
public sealed record OwnershipView(Guid CustomerId, bool Stored, OwnershipGraph Graph, OwnershipResult Result, Guid? Version, DateTime? UpdatedAtUtc, string? UpdatedBy,
    IReadOnlyDictionary<string, OwnerStatus> Owners, AllUsPersonsStatement? Statement, IReadOnlyList<Finding> VerificationBlockers, bool AllUsPersons);

public sealed record OwnerStatus(bool? UsPerson, string? DeterminationBasis, bool Verified, string? VerifiedBy, DateTime? VerifiedAtUtc);

/// <summary>"All beneficial owners are U.S. persons", recorded with its basis.</summary>
public sealed record AllUsPersonsStatement(string Basis, string By, DateTime AtUtc);

/// <summary>What the customer's verification and provisioning need to know of its owners.</summary>
/// <param name="AllUsPersons">Every beneficial owner shown to be a U.S. person (true for an individual customer; false for an entity without a structure).</param>
/// <param name="Blocked">The OFAC 50 % rule flags the customer.</param>
public sealed record OwnersCheck(IReadOnlyList<Finding> VerificationBlockers, bool AllUsPersons, bool Blocked);

/// <summary>One beneficial owner's profile as the profile editor shows it (the document number masked).</summary>
public sealed record OwnerProfileView(Guid CustomerId, string Key, string Name, string? NodeCountry, DateOnly? DateOfBirth, string? Nationality,
    string? AddressLine1, string? AddressLine2, string? City, string? Region, string? PostalCode, string? Country, string? Email, string? Phone,
    string? DocumentType, string? DocumentNumberMasked, string? DocumentCountry, bool? UsPerson, string? DeterminationBasis,
    string? VerifiedBy, DateTime? VerifiedAtUtc, string? UpdatedBy, DateTime? UpdatedAtUtc, Guid? Version, bool AllUsPersonsStated,
    IReadOnlyList<EvidenceView> Evidence, Guid CustomerVersion);

/// <summary>
/// Beneficial ownership of entity customers (issue 4; regulation.md §1): replaces the structure as a whole, refusing a bad
/// one with findings at <c>nodes[i]</c> / <c>edges[i].percent</c> and leaving the stored one unchanged. A new beneficial
/// owner sends a verified customer back to review (product.md "Beneficial owners").
/// </summary>
public sealed class OwnershipService(IDbContextFactory<PortalDbContext> dbFactory, AuditActor actor, PortalTime time, FieldCipher cipher,
    Screening.ScreeningService screening)
{
    public const string NotFoundCode = "notFound";

    /// <summary>The stored structure and its computed owners; null when the customer does not exist.</summary>
    public async Task<OwnershipView?> GetAsync(Guid customerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var kind = await db.Customers.Where(c => c.Id == customerId).Select(c => (CustomerKind?)c.Kind).FirstOrDefaultAsync(ct);
        if (kind is null) return null;
        var stored = await db.OwnershipStructures.AsNoTracking().FirstOrDefaultAsync(o => o.CustomerId == customerId, ct);
        if (stored is null)
        {
            var empty = new OwnershipGraph([], []);
            return new OwnershipView(customerId, false, empty, new OwnershipResult([], [], new Dictionary<string, decimal>(), new BlockedOwnership(false, 0m, [])),
                null, null, null, new Dictionary<string, OwnerStatus>(), null, [], kind != CustomerKind.Entity);
        }
        var graph = OwnershipJson.Read(stored);
        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        var result = OwnershipPolicy.Evaluate(graph, pack, kind == CustomerKind.Entity);
        var profiles = await ProfilesAsync(db, customerId, ct);
        var stated = stored.AllUsPersonsBasis is not null;
        return new OwnershipView(customerId, true, graph, result, stored.Version, stored.UpdatedAtUtc, stored.UpdatedBy,
            profiles.ToDictionary(p => p.Key, p => new OwnerStatus(p.Value.UsPerson, p.Value.DeterminationBasis, p.Value.Verified, p.Value.VerifiedBy, p.Value.VerifiedAtUtc)),
            stated ? new AllUsPersonsStatement(stored.AllUsPersonsBasis!, stored.AllUsPersonsBy ?? "", stored.AllUsPersonsAtUtc ?? stored.UpdatedAtUtc) : null,
            OwnerRules.VerificationBlockers(result.BeneficialOwners, profiles, stated), OwnerRules.AllUsPersons(result.BeneficialOwners, profiles, stated));
    }

    /// <summary>
    /// The owners' part of a customer's verification and provisioning (proposed § 7.302): findings naming each beneficial owner
    /// without a determination or foreign and unverified; whether all are U.S. persons; the OFAC 50 % rule.
    /// </summary>
    public static async Task<OwnersCheck> CheckAsync(PortalDbContext db, Guid customerId, CustomerKind kind, RulePack pack, CancellationToken ct)
    {
        if (kind != CustomerKind.Entity) return new OwnersCheck([], true, false);
        var stored = await db.OwnershipStructures.AsNoTracking().FirstOrDefaultAsync(o => o.CustomerId == customerId, ct);
        if (stored is null) return new OwnersCheck([], false, false);
        var result = OwnershipPolicy.Evaluate(OwnershipJson.Read(stored), pack, customerIsEntity: true);
        var profiles = await ProfilesAsync(db, customerId, ct);
        var stated = stored.AllUsPersonsBasis is not null;
        return new OwnersCheck(OwnerRules.VerificationBlockers(result.BeneficialOwners, profiles, stated),
            OwnerRules.AllUsPersons(result.BeneficialOwners, profiles, stated), result.Blocked.Blocked);
    }

    /// <summary>Whether <paramref name="key"/> is a beneficial owner of the customer's stored structure (evidence may point at it).</summary>
    public static async Task<BeneficialOwner?> BeneficialOwnerAsync(PortalDbContext db, Guid customerId, string key, DateOnly today, CancellationToken ct)
    {
        var stored = await db.OwnershipStructures.AsNoTracking().FirstOrDefaultAsync(o => o.CustomerId == customerId, ct);
        if (stored is null) return null;
        var pack = await RulePackService.ActiveAsync(db, today, ct);
        return OwnershipPolicy.Evaluate(OwnershipJson.Read(stored), pack).BeneficialOwners.FirstOrDefault(o => o.Key == key);
    }

    private static async Task<Dictionary<string, OwnerProfile>> ProfilesAsync(PortalDbContext db, Guid customerId, CancellationToken ct) =>
        await db.OwnerProfiles.AsNoTracking().Where(p => p.CustomerId == customerId).ToDictionaryAsync(p => p.NodeKey, StringComparer.Ordinal, ct);

    /// <summary>Parses and replaces (the API and the editor).</summary>
    public Task<Outcome> ReplaceAsync(Guid customerId, OwnershipInput? input, Guid? expectedVersion = null, CancellationToken ct = default)
    {
        var (graph, findings) = OwnershipInputRules.Parse(input);
        return graph is null ? Task.FromResult(Outcome.Invalid(findings)) : ReplaceAsync(customerId, graph, expectedVersion, ct);
    }

    /// <summary>
    /// Replaces the customer's structure. Unknown customer: a finding coded <see cref="NotFoundCode"/>; an individual customer or a
    /// refused structure: findings, nothing stored. <paramref name="expectedVersion"/>, when given, is the structure version the caller saw
    /// (<see cref="Guid.Empty"/>: it saw none, so a structure someone else stored meanwhile is a conflict).
    /// </summary>
    public async Task<Outcome> ReplaceAsync(Guid customerId, OwnershipGraph graph, Guid? expectedVersion = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await CustomerService.Load(db).FirstOrDefaultAsync(c => c.Id == customerId, ct);
        if (customer is null) return Outcome.Invalid(NotFoundCode, "The customer does not exist.", "");
        if (customer.Kind != CustomerKind.Entity)
        {
            return Outcome.Invalid("ownership.individualCustomer",
                "Beneficial ownership applies to entity customers: an individual customer has no ownership structure.", "");
        }

        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        var result = OwnershipPolicy.Evaluate(graph, pack, customerIsEntity: true);
        if (!result.Valid) return Outcome.Invalid(result.Findings);

        var stored = await db.OwnershipStructures.FirstOrDefaultAsync(o => o.CustomerId == customerId, ct);
        if (expectedVersion is { } v && (stored?.Version ?? Guid.Empty) != v)
            return Outcome.ConflictWith("Someone else changed this ownership structure since you opened it. Reload to see their change; your input is kept.");

        var previousOwners = new HashSet<string>(StringComparer.Ordinal);
        var previouslyBlocked = new HashSet<string>(StringComparer.Ordinal);
        if (stored is not null)
        {
            var previousGraph = OwnershipJson.Read(stored);
            var previous = OwnershipPolicy.Evaluate(previousGraph, pack, customerIsEntity: true);
            previousOwners.UnionWith(previous.BeneficialOwners.Select(o => o.Key));
            previouslyBlocked.UnionWith(previousGraph.Nodes.Where(n => n.ConfirmedBlocked).Select(n => n.Key));
        }

        var by = await actor.NameAsync();
        var now = time.UtcNow;
        // A "confirmed blocked" flag set or cleared by hand in the editor is noted on the timeline, as one set by screening is.
        foreach (var n in graph.Nodes.Where(n => n.ConfirmedBlocked != previouslyBlocked.Contains(n.Key)))
            customer.AddNote($"{n.Name} {(n.ConfirmedBlocked ? "marked confirmed blocked" : "no longer marked confirmed blocked")} by {by} in the ownership editor.", by, now);
        var added = result.BeneficialOwners.Where(o => !previousOwners.Contains(o.Key)).ToList();
        if (added.Count > 0)
        {
            // A statement about "all beneficial owners" was made before these existed: it no longer covers them.
            var withdrawn = stored?.AllUsPersonsBasis is not null;
            if (stored is not null) (stored.AllUsPersonsBasis, stored.AllUsPersonsBy, stored.AllUsPersonsAtUtc) = (null, null, null);
            customer.OwnersChanged(by, now,
                $"New beneficial owner{(added.Count == 1 ? "" : "s")} reported by {by}: {string.Join(", ", added.Select(o => o.Name))}: review again."
                + (withdrawn ? " The statement that all beneficial owners are U.S. persons was withdrawn." : ""));
        }

        if (stored is null)
        {
            stored = new OwnershipStructure { CustomerId = customerId };
            db.OwnershipStructures.Add(stored);
        }
        stored.NodesJson = OwnershipJson.Nodes(graph);
        stored.EdgesJson = OwnershipJson.Edges(graph);
        stored.UpdatedAtUtc = now;
        stored.UpdatedBy = by;
        // Issue 5: owners of a submitted customer are screened when they are reported, in the same transaction.
        if (customer.Status is not (CustomerStatus.Draft or CustomerStatus.Closed))
        {
            await screening.ScreenIntoAsync(db, customer, Screening.ScreeningTrigger.OwnershipChange, by, ct, graph);
            await CustomerService.RecomputeRiskAsync(db, customer, time.Today, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.ConflictWith("Someone else changed this customer at the same moment. Reload to see their change; your input is kept.");
        }
        return Outcome.Success(stored.Version, customerId);
    }

    /// <summary>A beneficial owner's profile with its evidence; null when the customer has no beneficial owner with this key.</summary>
    public async Task<OwnerProfileView?> GetProfileAsync(Guid customerId, string key, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await CustomerService.Load(db).AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, ct);
        if (customer is null || await BeneficialOwnerAsync(db, customerId, key, time.Today, ct) is not { } owner) return null;
        var stated = await db.OwnershipStructures.AnyAsync(o => o.CustomerId == customerId && o.AllUsPersonsBasis != null, ct);
        var p = await db.OwnerProfiles.AsNoTracking().FirstOrDefaultAsync(x => x.CustomerId == customerId && x.NodeKey == key, ct);
        var evidence = customer.Evidence.Where(e => e.OwnerKey == key).OrderBy(e => e.RecordedAtUtc).Select(CustomerQueries.ViewOf).ToList();
        return new OwnerProfileView(customerId, key, owner.Name, owner.Country, p?.DateOfBirth, p?.Nationality, p?.AddressLine1, p?.AddressLine2, p?.City,
            p?.Region, p?.PostalCode, p?.Country, p?.Email, p?.Phone, p?.DocumentType, p?.DocumentNumberMasked, p?.DocumentCountry, p?.UsPerson,
            p?.DeterminationBasis, p?.VerifiedBy, p?.VerifiedAtUtc, p?.UpdatedBy, p?.UpdatedAtUtc, p?.Version, stated, evidence, customer.Version);
    }

    /// <summary>
    /// Saves a beneficial owner's profile (findings at its fields). <paramref name="expectedVersion"/> is the profile version the
    /// user saw (null for a first save). A changed profile clears the owner's verification and sends a decided customer back to review.
    /// </summary>
    public async Task<Outcome> SaveProfileAsync(Guid customerId, string key, OwnerProfileInput input, Guid? expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await CustomerService.Load(db).FirstOrDefaultAsync(c => c.Id == customerId, ct);
        if (customer is null || await BeneficialOwnerAsync(db, customerId, key, time.Today, ct) is not { } owner)
            return Outcome.Invalid(NotFoundCode, "This beneficial owner no longer exists: reload the ownership structure.", "");
        var (parsed, findings) = OwnerRules.Profile(input, owner.Name, time.Today);
        if (parsed is null) return Outcome.Invalid(findings);
        var structure = await db.OwnershipStructures.FirstAsync(o => o.CustomerId == customerId, ct);
        if (!parsed.Determination.UsPerson && structure.AllUsPersonsBasis is not null)
        {
            return Outcome.Invalid("determination.statement",
                "A statement that all beneficial owners are U.S. persons is recorded: withdraw it on the Ownership tab before determining this owner foreign.",
                "determination.usPerson");
        }
        var profile = await db.OwnerProfiles.FirstOrDefaultAsync(p => p.CustomerId == customerId && p.NodeKey == key, ct);
        if (profile?.Version != expectedVersion)
            return Outcome.ConflictWith("Someone else changed this owner's profile since you opened it. Reload to see their change; your input is kept.");
        if (profile is null)
        {
            profile = new OwnerProfile(customerId, key);
            db.OwnerProfiles.Add(profile);
        }

        // An untyped number keeps the stored one (the editor shows it masked); a typed one replaces it.
        string? encrypted = null, masked = null;
        var numberChanged = false;
        if (parsed.Document is { } d)
        {
            var old = profile.DocumentNumberEncrypted is { } e ? cipher.Decrypt(e) : null;
            numberChanged = d.Number is not null && d.Number != old;
            (encrypted, masked) = d.Number is null || !numberChanged ? (profile.DocumentNumberEncrypted, profile.DocumentNumberMasked) : (cipher.Encrypt(d.Number), FieldCipher.Mask(d.Number));
        }
        else
        {
            numberChanged = profile.DocumentNumberEncrypted is not null;
        }

        var by = await actor.NameAsync();
        var now = time.UtcNow;
        var wasVerified = profile.Verified;
        if (profile.Set(parsed, encrypted, masked, numberChanged, by, now))
        {
            customer.OwnersChanged(by, now, $"Beneficial owner {owner.Name}: profile changed by {by}{(wasVerified ? "; the owner's verification is cleared" : "")}: review again.");
        }
        return await SaveAsync(db, customer, () => profile.Version, ct);
    }

    /// <summary>
    /// An Officer records that the evidence verifies a foreign beneficial owner (proposed § 7.302). It is part of the customer's
    /// verification, which an Approver who did not submit the customer decides.
    /// </summary>
    public async Task<Outcome> VerifyOwnerAsync(Guid customerId, string key, Guid expectedVersion, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await CustomerService.Load(db).FirstOrDefaultAsync(c => c.Id == customerId, ct);
        var owner = customer is null ? null : await BeneficialOwnerAsync(db, customerId, key, time.Today, ct);
        var profile = await db.OwnerProfiles.FirstOrDefaultAsync(p => p.CustomerId == customerId && p.NodeKey == key, ct);
        if (customer is null || owner is null || profile is null)
            return Outcome.Invalid(NotFoundCode, "Save this owner's profile before verifying the owner.", "");
        if (profile.Version != expectedVersion)
            return Outcome.ConflictWith("Someone else changed this owner's profile since you opened it. Reload to see their change.");
        if (profile.UsPerson != false)
            return Outcome.Invalid("verify.notForeign", "Only a foreign beneficial owner is verified: this owner is not determined foreign.", "verified");
        if (!customer.Evidence.Any(e => e.OwnerKey == key))
            return Outcome.Invalid("verify.evidence", $"Add a document or a non-documentary check for {owner.Name} before marking the owner verified.", "evidence");
        var by = await actor.NameAsync();
        profile.Verify(by, time.UtcNow);
        customer.AddNote($"Beneficial owner {owner.Name} (foreign) verified by {by}; the customer's verification remains an Approver's decision.", by, time.UtcNow);
        return await SaveAsync(db, customer, () => profile.Version, ct);
    }

    /// <summary>
    /// Records "all beneficial owners are U.S. persons" with its basis (regulation.md §1), refused while any beneficial owner is
    /// determined foreign. With a U.S. customer it ends verification duties (<see cref="ProvisioningPolicy"/>).
    /// </summary>
    public async Task<Outcome> RecordAllUsPersonsAsync(Guid customerId, string? basis, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await CustomerService.Load(db).FirstOrDefaultAsync(c => c.Id == customerId, ct);
        var structure = await db.OwnershipStructures.FirstOrDefaultAsync(o => o.CustomerId == customerId, ct);
        if (customer is null || structure is null)
            return Outcome.Invalid(NotFoundCode, "Record the ownership structure before stating that all beneficial owners are U.S. persons.", "");
        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        var owners = OwnershipPolicy.Evaluate(OwnershipJson.Read(structure), pack).BeneficialOwners;
        var (text, findings) = OwnerRules.AllUsPersonsStatement(basis, owners, await ProfilesAsync(db, customerId, ct));
        if (text is null) return Outcome.Invalid(findings);
        var by = await actor.NameAsync();
        var now = time.UtcNow;
        (structure.AllUsPersonsBasis, structure.AllUsPersonsBy, structure.AllUsPersonsAtUtc) = (text, by, now);
        customer.AddNote($"Recorded by {by}: all beneficial owners are U.S. persons ({text}).", by, now);
        return await SaveAsync(db, customer, () => structure.Version, ct);
    }

    public async Task<Outcome> WithdrawAllUsPersonsAsync(Guid customerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await CustomerService.Load(db).FirstOrDefaultAsync(c => c.Id == customerId, ct);
        var structure = await db.OwnershipStructures.FirstOrDefaultAsync(o => o.CustomerId == customerId, ct);
        if (customer is null || structure?.AllUsPersonsBasis is null) return Outcome.Invalid(NotFoundCode, "No statement is recorded.", "");
        var by = await actor.NameAsync();
        (structure.AllUsPersonsBasis, structure.AllUsPersonsBy, structure.AllUsPersonsAtUtc) = (null, null, null);
        customer.OwnersChanged(by, time.UtcNow, $"The statement that all beneficial owners are U.S. persons was withdrawn by {by}: review again.");
        return await SaveAsync(db, customer, () => structure.Version, ct);
    }

    /// <summary>
    /// Sets or clears an owner's "confirmed blocked" flag (screening calls this when a hit on an owner is confirmed): the stored
    /// structure changes (audited), the customer's timeline notes it, and the OFAC 50 % rule applies to the new flags.
    /// </summary>
    public async Task<Outcome> SetConfirmedBlockedAsync(Guid customerId, string nodeKey, bool blocked, string reason, CancellationToken ct)
    {
        var f = new List<Finding>();
        var text = IntakeRules.Text(reason, "reason", 1000, f, required: true, "Give the reason (for example the confirmed screening hit).");
        if (text is null) return Outcome.Invalid(f);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await CustomerService.Load(db).FirstOrDefaultAsync(c => c.Id == customerId, ct);
        var structure = await db.OwnershipStructures.FirstOrDefaultAsync(o => o.CustomerId == customerId, ct);
        if (customer is null || structure is null) return Outcome.Invalid(NotFoundCode, "The customer has no ownership structure.", "");
        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        if (ApplyConfirmedBlocked(structure, customer, nodeKey, blocked, text, await actor.NameAsync(), time.UtcNow, pack) is { } missing)
            return Outcome.Invalid(NotFoundCode, missing, "nodeKey");
        return await SaveAsync(db, customer, () => structure.Version, ct);
    }

    /// <summary>
    /// Sets or clears a node's flag on a tracked structure and notes it, with the OFAC 50 % outcome, on the customer's timeline
    /// (the caller saves both, so screening sets it in the same transaction as the confirmed hit). Null when done, otherwise why not.
    /// </summary>
    public static string? ApplyConfirmedBlocked(OwnershipStructure structure, Customer customer, string nodeKey, bool blocked, string reason, string by,
        DateTime now, RulePack pack)
    {
        var graph = OwnershipJson.Read(structure);
        var node = graph.Nodes.FirstOrDefault(n => n.Key == nodeKey);
        if (node is null) return $"The ownership structure has no node {nodeKey}.";
        if (node.ConfirmedBlocked == blocked) return null;
        graph = graph with { Nodes = [.. graph.Nodes.Select(n => n.Key == nodeKey ? n with { ConfirmedBlocked = blocked } : n)] };
        structure.NodesJson = OwnershipJson.Nodes(graph);
        (structure.UpdatedAtUtc, structure.UpdatedBy) = (now, by);
        var result = OwnershipPolicy.Evaluate(graph, pack);
        customer.AddNote($"{node.Name} {(blocked ? "confirmed blocked" : "no longer confirmed blocked")} ({reason}). OFAC 50 % rule: "
            + (result.Blocked.Blocked ? $"blocked, {OwnershipPolicy.Format(result.Blocked.Percent)} % owned by confirmed blocked persons." : "not blocked."), by, now);
        return null;
    }

    /// <summary>The facts screening needs of each beneficial owner of a customer (empty without a structure).</summary>
    public async Task<IReadOnlyList<OwnerScreeningSubject>> ScreeningSubjectsAsync(Guid customerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stored = await db.OwnershipStructures.AsNoTracking().FirstOrDefaultAsync(o => o.CustomerId == customerId, ct);
        if (stored is null) return [];
        var graph = OwnershipJson.Read(stored);
        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        var profiles = await ProfilesAsync(db, customerId, ct);
        var kinds = graph.Nodes.ToDictionary(n => n.Key, n => n.Kind, StringComparer.Ordinal);
        return [.. OwnershipPolicy.Evaluate(graph, pack).BeneficialOwners.Select(o =>
        {
            var p = profiles.GetValueOrDefault(o.Key);
            return new OwnerScreeningSubject(o.Key, o.Name, kinds.GetValueOrDefault(o.Key), p?.Country ?? o.Country, p?.Nationality, p?.DateOfBirth);
        })];
    }

    /// <summary>Saves an owner change together with the customer (whose version every change to it moves on), mapping a race to a conflict.</summary>
    private static async Task<Outcome> SaveAsync(PortalDbContext db, Customer customer, Func<Guid> version, CancellationToken ct)
    {
        db.Entry(customer).Property(c => c.UpdatedAtUtc).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Outcome.ConflictWith("Someone else changed this customer at the same moment. Reload to see their change; your input is kept.");
        }
        return Outcome.Success(version(), customer.Id);
    }
}
