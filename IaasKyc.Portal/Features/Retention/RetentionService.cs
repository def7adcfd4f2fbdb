using System.Globalization;
using System.Text;
using IaasKyc.Domain;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Retention;
using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.RulePacks;
using IaasKyc.Portal.Storage;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Retention;

/// <summary>
/// Record retention, legal holds and purge (product.md "Retention"; proposed § 7.302 record keeping). A purge removes the
/// customer's rows in one transaction, destroys its audit key so the trail's personal values read "[erased]" while the chain
/// verifies, and leaves a tombstone; uploaded evidence files are deleted once that transaction has committed.
/// </summary>
public sealed class RetentionService(IDbContextFactory<PortalDbContext> dbFactory, AuditActor actor, PortalTime time, SubjectKeyring keyring,
    UploadStore uploads, ILogger<RetentionService> logger)
{
    private const int ReasonMax = 1000;

    /// <summary>The retention date, hold and purge state of one customer; null when there is no such customer.</summary>
    public async Task<CustomerRetention?> ForCustomerAsync(Guid customerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var facts = await FactsOf(db, db.Customers.Where(c => c.Id == customerId)).FirstOrDefaultAsync(ct);
        if (facts is null) return null;
        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        var holds = await db.LegalHolds.AsNoTracking().Where(h => h.CustomerId == customerId).OrderByDescending(h => h.PlacedAtUtc).ToListAsync(ct);
        var basis = RetentionRule.Evaluate(facts.Facts, pack.RetentionYears, time.Zone);
        return new(customerId, basis, basis.IsPurgeable(time.Today), [.. holds.Select(HoldView.Of)]);
    }

    /// <summary>Every customer record with a retention date (all accounts closed), purgeable first, then by date.</summary>
    public async Task<IReadOnlyList<RetentionRow>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RowsAsync(db, time.Today, time.Zone, await RulePackService.ActiveAsync(db, time.Today, ct), ct);
    }

    public async Task<IReadOnlyList<TombstoneView>> TombstonesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.CustomerTombstones.AsNoTracking().ToListAsync(ct);
        return [.. rows.OrderByDescending(t => t.PurgedAtUtc).Select(TombstoneView.Of)];
    }

    public async Task<TombstoneView?> TombstoneAsync(Guid customerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.CustomerTombstones.AsNoTracking().FirstOrDefaultAsync(t => t.CustomerId == customerId, ct);
        return row is null ? null : TombstoneView.Of(row);
    }

    /// <summary>
    /// The retention clocks for the deadline board: records the daily job listed as purgeable (due date = retention date, so
    /// they read as overdue) and records whose retention ends within the rule pack's <c>dueSoonDays</c>. Only the records
    /// whose last closure is old enough for that are evaluated (see <see cref="RowsAsync"/>): the board does not compute the
    /// retention of every closed customer on each load.
    /// </summary>
    /// <param name="pack">The rule pack in force today when the caller has it (the deadline board does); read here otherwise.</param>
    public static async Task<IReadOnlyList<RetentionClock>> ClocksAsync(PortalDbContext db, DateOnly today, TimeZoneInfo zone, CancellationToken ct = default,
        RulePack? pack = null)
    {
        pack ??= await RulePackService.ActiveAsync(db, today, ct);
        var rows = await RowsAsync(db, today, zone, pack, ct, endingBy: today.AddDays(pack.DueSoonDays));
        return [.. rows
            .Where(r => r.ListedSince is not null || (!r.Purgeable && r.Basis.RetainUntil!.Value.DayNumber - today.DayNumber <= pack.DueSoonDays))
            .Select(r => new RetentionClock(
                r.Purgeable ? "Retention ended: purge or place a legal hold" : "Retention ends",
                r.CustomerId, r.Name, r.Basis.RetainUntil!.Value, r.ActiveHold is not null, $"/customers/{r.CustomerId}"))];
    }

    public async Task<Outcome> PlaceHoldAsync(Guid customerId, string? reason, CancellationToken ct = default)
    {
        var f = new List<Finding>();
        var text = Reason(reason, f, "Say why the record is held (the matter or request).");
        if (text is null) return Outcome.Invalid(f);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, ct);
        if (customer is null)
            return Outcome.RefusedBecause("notFound", "There is no customer record with this id to hold (it may have been purged).");
        if (await db.LegalHolds.AnyAsync(h => h.CustomerId == customerId && h.ReleasedAtUtc == null, ct))
            return Outcome.RefusedBecause("state", "This record is under a legal hold already.");
        var by = await actor.NameAsync();
        var hold = new LegalHold(Guid.NewGuid(), customerId, text, by, time.UtcNow);
        db.LegalHolds.Add(hold);
        customer.AddNote("Legal hold placed: " + text, by, time.UtcNow);
        // A new version for the customer, even within one clock tick: a purge that read the record before this hold then
        // fails on the version instead of going ahead.
        db.Entry(customer).Property(c => c.Version).IsModified = true;
        return await SaveHoldAsync(db, "Someone placed a hold on this record at the same time; reload it.", hold, ct);
    }

    public async Task<Outcome> ReleaseHoldAsync(Guid holdId, Guid version, string? reason, CancellationToken ct = default)
    {
        var f = new List<Finding>();
        var text = Reason(reason, f, "Say why the hold is released.");
        if (text is null) return Outcome.Invalid(f);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hold = await db.LegalHolds.FirstOrDefaultAsync(h => h.Id == holdId, ct);
        if (hold is null) return Outcome.RefusedBecause("notFound", "There is no such legal hold.");
        if (!hold.Active) return Outcome.RefusedBecause("state", "This hold was released already.");
        db.Entry(hold).Property(h => h.Version).OriginalValue = version;
        var by = await actor.NameAsync();
        hold.Release(text, by, time.UtcNow);
        if (await db.Customers.FirstOrDefaultAsync(c => c.Id == hold.CustomerId, ct) is { } customer)
        {
            customer.AddNote("Legal hold released: " + text, by, time.UtcNow);
            db.Entry(customer).Property(c => c.Version).IsModified = true;
        }
        return await SaveHoldAsync(db, "Someone changed this hold since you opened it; reload it.", hold, ct);
    }

    /// <summary>
    /// Purges a record past its retention date and under no legal hold. Refused otherwise, and when other records that are kept
    /// under rules of their own (a foreign reseller, AI-training cases) still point to the customer.
    /// </summary>
    public async Task<Outcome> PurgeAsync(Guid customerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = time.Today;
        // Loaded first: its version guards the delete, so a hold placed after this read makes the purge a conflict.
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == customerId, ct);
        var facts = await FactsOf(db, db.Customers.Where(c => c.Id == customerId)).FirstOrDefaultAsync(ct);
        if (customer is null || facts is null)
        {
            return await db.CustomerTombstones.AnyAsync(t => t.CustomerId == customerId, ct)
                ? Outcome.RefusedBecause("purged", "This record was purged already.")
                : Outcome.RefusedBecause("notFound", "There is no customer record with this id.");
        }
        if (await db.LegalHolds.AsNoTracking().FirstOrDefaultAsync(h => h.CustomerId == customerId && h.ReleasedAtUtc == null, ct) is { } hold)
            return Outcome.RefusedBecause("legalHold", $"Under legal hold since {time.Format(hold.PlacedAtUtc)} ({hold.Reason}): release the hold before purging.");
        var pack = await RulePackService.ActiveAsync(db, today, ct);
        var basis = RetentionRule.Evaluate(facts.Facts, pack.RetentionYears, time.Zone);
        if (!basis.IsPurgeable(today))
        {
            return Outcome.RefusedBecause("notPurgeable", basis.RetainUntil is { } until
                ? $"Kept until {until:yyyy-MM-dd} ({basis.Describe()}): not purgeable before {basis.PurgeableFrom:yyyy-MM-dd}."
                : basis.Describe() + ": not purgeable.");
        }
        if (await db.Resellers.AnyAsync(r => r.CustomerId == customerId, ct))
            return Outcome.RefusedBecause("linked", "This customer is a foreign reseller; reseller records are kept under their own rules, so it cannot be purged.");
        if (await db.TrainingCases.AnyAsync(c => c.CustomerId == customerId, ct))
            return Outcome.RefusedBecause("linked", "This customer has AI-training cases; those reports are kept under their own rules, so it cannot be purged.");

        var removed = await RemovedRowsAsync(db, customerId, ct);
        var files = await db.Evidence.AsNoTracking().Where(e => e.CustomerId == customerId && e.UploadId != null).Select(e => e.UploadId!).ToListAsync(ct);
        var by = await actor.NameAsync();
        var now = time.UtcNow;
        var subject = customerId.ToString();

        // The customer's dependants go by the database's cascade in the same statement; one entry records what went, never their values.
        db.Customers.Remove(customer);
        db.AuditBulk<Customer>("purge", "Customer", subject, subject, removed.Sum(r => r.Count), Encoding.UTF8.GetBytes(Describe(removed)));
        db.CustomerTombstones.Add(new CustomerTombstone(customerId, now, by, basis.RetainUntil!.Value, basis.Describe(), pack.Version));
        await keyring.DestroyAsync(db, subject, now, ct);
        var saved = await Outcome.SaveAsync(db, "Someone changed this customer since you opened it; reload it.", ct);
        if (saved is not null) return saved;

        // After the commit: a file left behind is logged, never a half-purged record.
        foreach (var file in files)
        {
            try { uploads.Delete(file); }
            catch (IOException e) { logger.LogError(e, "Purged customer {Customer}: evidence file {File} could not be deleted.", customerId, file); }
        }
        return Outcome.Success(Guid.Empty, customerId);
    }

    /// <summary>The daily job's work: lists newly purgeable records (and drops listings no longer true). It never purges.</summary>
    public async Task<(int Listed, int Dropped)> ListPurgeableAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = time.Today;
        var purgeable = (await RowsAsync(db, today, time.Zone, await RulePackService.ActiveAsync(db, today, ct), ct)).Where(r => r.Purgeable).ToDictionary(r => r.CustomerId);
        var listed = await db.PurgeCandidates.ToListAsync(ct);
        var stale = listed.Where(c => !purgeable.ContainsKey(c.CustomerId)).ToList();
        db.PurgeCandidates.RemoveRange(stale);
        var fresh = purgeable.Values.Where(r => listed.All(c => c.CustomerId != r.CustomerId)).ToList();
        foreach (var r in fresh)
            db.PurgeCandidates.Add(new PurgeCandidate { CustomerId = r.CustomerId, PurgeableSince = r.Basis.PurgeableFrom!.Value, ListedAtUtc = time.UtcNow });
        if (fresh.Count + stale.Count > 0) await db.SaveChangesAsync(ct);
        return (fresh.Count, stale.Count);
    }

    /// <summary>
    /// The customers whose accounts are all closed, with their retention; with <paramref name="endingBy"/>, only those whose
    /// retention may end by that day. A record's retention date is never before its last closure's local day plus the
    /// retention years, so a closure later than that day less the years (with two days' margin for the time zone and
    /// 29 February) rules a record out on the index alone, before any of its facts are read.
    /// </summary>
    private static async Task<IReadOnlyList<RetentionRow>> RowsAsync(PortalDbContext db, DateOnly today, TimeZoneInfo zone, RulePack pack,
        CancellationToken ct, DateOnly? endingBy = null)
    {
        var closed = db.Customers.Where(c => !db.Accounts.Any(a => a.CustomerId == c.Id && a.ClosedAtUtc == null)
            && (c.ClosedAtUtc != null || db.Accounts.Any(a => a.CustomerId == c.Id)));
        if (endingBy is { } day)
        {
            var cutoff = day.AddYears(-pack.RetentionYears).AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            // Concat (UNION ALL), not Union: SQLite answers a UNION by merging both sides sorted by id, scanning every customer.
            var candidates = db.Customers.Where(c => c.ClosedAtUtc <= cutoff).Select(c => c.Id)
                .Concat(db.Accounts.Where(a => a.ClosedAtUtc <= cutoff).Select(a => a.CustomerId));
            closed = closed.Where(c => candidates.Contains(c.Id)
                && (db.Accounts.Any(a => a.CustomerId == c.Id) ? !db.Accounts.Any(a => a.CustomerId == c.Id && a.ClosedAtUtc > cutoff) : c.ClosedAtUtc <= cutoff));
        }
        var facts = await FactsOf(db, closed).ToListAsync(ct);
        // Active holds and purge listings are few: read whole, never as a parameter per customer (thousands of them).
        var holds = (await db.LegalHolds.AsNoTracking().Where(h => h.ReleasedAtUtc == null).ToListAsync(ct)).ToDictionary(h => h.CustomerId, HoldView.Of);
        var listed = await db.PurgeCandidates.AsNoTracking().ToDictionaryAsync(c => c.CustomerId, c => c.PurgeableSince, ct);
        return [.. facts
            .Select(f => (Fact: f, Basis: RetentionRule.Evaluate(f.Facts, pack.RetentionYears, zone)))
            .Where(x => x.Basis.RetainUntil is not null)
            .Select(x => new RetentionRow(x.Fact.CustomerId, x.Fact.Name, x.Fact.Status, x.Basis, x.Basis.IsPurgeable(today),
                holds.GetValueOrDefault(x.Fact.CustomerId), listed.TryGetValue(x.Fact.CustomerId, out var since) ? since : null))
            .OrderByDescending(r => r.Purgeable).ThenBy(r => r.Basis.RetainUntil).ThenBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    private static IQueryable<FactsRow> FactsOf(PortalDbContext db, IQueryable<Customer> customers) =>
        from c in customers
        select new FactsRow(c.Id, c.LegalName, c.Status, c.ClosedAtUtc,
            db.Accounts.Count(a => a.CustomerId == c.Id && a.ClosedAtUtc == null),
            db.Accounts.Where(a => a.CustomerId == c.Id).Max(a => a.ClosedAtUtc),
            (from a in db.Accounts where a.CustomerId == c.Id join e in db.AccessEvents on a.Id equals e.AccountId select (DateTime?)e.AtUtc).Max());

    /// <summary>What a purge removes, counted per kind, for its audit entry.</summary>
    private static async Task<IReadOnlyList<(string Kind, int Count)>> RemovedRowsAsync(PortalDbContext db, Guid id, CancellationToken ct)
    {
        var accounts = db.Accounts.Where(a => a.CustomerId == id).Select(a => a.Id);
        return
        [
            ("customer", 1),
            ("accounts", await accounts.CountAsync(ct)),
            ("accessEvents", await db.AccessEvents.CountAsync(e => accounts.Contains(e.AccountId), ct)),
            ("evidence", await db.Evidence.CountAsync(e => e.CustomerId == id, ct)),
            ("discrepancies", await db.Discrepancies.CountAsync(d => d.CustomerId == id, ct)),
            ("statusHistory", await db.StatusChanges.CountAsync(h => h.CustomerId == id, ct)),
            ("ownershipStructures", await db.OwnershipStructures.CountAsync(o => o.CustomerId == id, ct)),
            ("ownerProfiles", await db.OwnerProfiles.CountAsync(o => o.CustomerId == id, ct)),
            ("screeningRuns", await db.ScreeningRuns.CountAsync(r => r.CustomerId == id, ct)),
            ("screeningHits", await db.ScreeningAlerts.CountAsync(a => a.CustomerId == id, ct)),
            ("noMatchDecisions", await db.NoMatchMemories.CountAsync(m => m.CustomerId == id, ct)),
        ];
    }

    private static string Describe(IReadOnlyList<(string Kind, int Count)> removed) =>
        string.Join(";", removed.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Kind}={r.Count}")));

    private static string? Reason(string? reason, List<Finding> findings, string missing)
    {
        var text = reason?.Trim();
        if (string.IsNullOrEmpty(text)) findings.Add(new("required", missing, "reason"));
        else if (text.Length > ReasonMax) findings.Add(new("tooLong", $"At most {ReasonMax} characters.", "reason"));
        return findings.Count == 0 ? text : null;
    }

    private static async Task<Outcome> SaveHoldAsync(PortalDbContext db, string conflict, LegalHold hold, CancellationToken ct)
    {
        try
        {
            return await Outcome.SaveAsync(db, conflict, ct) ?? Outcome.Success(hold.Version, hold.Id);
        }
        catch (DbUpdateException)
        {
            // The one-active-hold index refused a second hold placed at the same moment.
            return Outcome.ConflictWith(conflict);
        }
    }

    private sealed record FactsRow(Guid CustomerId, string Name, CustomerStatus Status, DateTime? ClosedAtUtc, int OpenAccounts,
        DateTime? LastAccountClosureUtc, DateTime? LastAccessUtc)
    {
        public RetentionFacts Facts => new(OpenAccounts, LastAccountClosureUtc, ClosedAtUtc, LastAccessUtc);
    }
}
