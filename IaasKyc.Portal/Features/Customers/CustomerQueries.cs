using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Customers;

/// <summary>The read side of customers: the list (server-side paging, filters, sorting), the detail page, the review queue.</summary>
public sealed class CustomerQueries(IDbContextFactory<PortalDbContext> dbFactory, PortalTime time)
{
    public const int MaxPageSize = 200;

    public async Task<CustomerResults> ListAsync(CustomerQuery q, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Customers.AsNoTracking();
        if (q.Status is { } status) query = query.Where(c => c.Status == status);
        if (q.Risk is { } risk) query = query.Where(c => c.ComputedRisk == risk);
        if (!string.IsNullOrWhiteSpace(q.Country)) query = query.Where(c => c.Country == q.Country.Trim().ToUpperInvariant());
        if (q.UsPerson is { } us) query = query.Where(c => c.UsPerson == us);
        if (q.Involving is { } user) query = query.Where(c => c.CreatedBy == user || c.SubmittedBy == user);
        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            var text = q.Text.Trim();
            var pattern = $"%{Escape(text)}%";
            // SQLite's LIKE ignores case; PostgreSQL's does not, so it gets ILIKE for the same search.
            query = db.Database.IsNpgsql()
                ? query.Where(c => EF.Functions.ILike(c.LegalName, pattern, "\\") || EF.Functions.ILike(c.Email!, pattern, "\\"))
                : query.Where(c => EF.Functions.Like(c.LegalName, pattern, "\\") || EF.Functions.Like(c.Email!, pattern, "\\"));
        }
        var ordered = (q.Sort, q.Descending) switch
        {
            ("name", false) => query.OrderBy(c => c.LegalName),
            ("name", true) => query.OrderByDescending(c => c.LegalName),
            ("status", false) => query.OrderBy(c => c.Status).ThenByDescending(c => c.UpdatedAtUtc),
            ("status", true) => query.OrderByDescending(c => c.Status).ThenByDescending(c => c.UpdatedAtUtc),
            ("country", false) => query.OrderBy(c => c.Country).ThenByDescending(c => c.UpdatedAtUtc),
            ("country", true) => query.OrderByDescending(c => c.Country).ThenByDescending(c => c.UpdatedAtUtc),
            (_, false) => query.OrderBy(c => c.UpdatedAtUtc),
            _ => query.OrderByDescending(c => c.UpdatedAtUtc),
        };
        int skip = Math.Max(0, q.Skip), take = Math.Clamp(q.Take, 1, MaxPageSize);
        if (q.Sort == "risk") return await ByRiskAsync(query, q.Descending, skip, take, ct);
        var items = await ordered.Skip(skip).Take(take)
            .Select(c => new CustomerListItem(c.Id, c.LegalName, c.Kind, c.Country, c.Email, c.UsPerson, c.Status, c.ComputedRisk, c.UpdatedAtUtc, c.CreatedBy))
            .ToListAsync(ct);
        // A page that is not full tells the total: a rare text search then scans once, not twice (docs/performance.md).
        var total = items.Count < take && (skip == 0 || items.Count > 0) ? skip + items.Count : await query.CountAsync(ct);
        return new CustomerResults(items, total);
    }

    /// <summary>
    /// Risk is stored as text, so its alphabet is not its severity. The page is cut from the levels in order of severity,
    /// each read newest first through the (ComputedRisk, UpdatedAtUtc) index, instead of sorting every customer.
    /// </summary>
    private static async Task<CustomerResults> ByRiskAsync(IQueryable<Customer> query, bool descending, int skip, int take, CancellationToken ct)
    {
        var levels = descending ? Enum.GetValues<RiskLevel>().Reverse() : Enum.GetValues<RiskLevel>();
        var items = new List<CustomerListItem>();
        var total = 0;
        foreach (var level in levels)
        {
            var inLevel = query.Where(c => c.ComputedRisk == level);
            var count = await inLevel.CountAsync(ct);
            var from = Math.Max(0, skip - total);
            if (items.Count < take && from < count)
            {
                items.AddRange(await inLevel.OrderByDescending(c => c.UpdatedAtUtc).Skip(from).Take(take - items.Count)
                    .Select(c => new CustomerListItem(c.Id, c.LegalName, c.Kind, c.Country, c.Email, c.UsPerson, c.Status, c.ComputedRisk, c.UpdatedAtUtc, c.CreatedBy))
                    .ToListAsync(ct));
            }
            total += count;
        }
        return new CustomerResults(items, total);
    }

    /// <summary>Customers awaiting a decision: submitted, restricted and (Approver-only) escalated, oldest first.</summary>
    public async Task<IReadOnlyList<CustomerListItem>> ReviewQueueAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Customers.AsNoTracking()
            .Where(c => c.Status == CustomerStatus.Submitted || c.Status == CustomerStatus.Escalated || c.Status == CustomerStatus.Restricted)
            .OrderBy(c => c.SubmittedAtUtc)
            .Select(c => new CustomerListItem(c.Id, c.LegalName, c.Kind, c.Country, c.Email, c.UsPerson, c.Status, c.ComputedRisk, c.UpdatedAtUtc, c.SubmittedBy ?? c.CreatedBy))
            .Take(500)
            .ToListAsync(ct);
    }

    public async Task<CustomerDetail?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await CustomerService.Load(db).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var accountIds = c.Accounts.Select(a => a.Id).ToList();
        var access = await db.AccessEvents.Where(e => accountIds.Contains(e.AccountId))
            .GroupBy(e => e.AccountId).Select(g => new { g.Key, Count = g.Count(), Last = g.Max(e => e.AtUtc) }).ToListAsync(ct);
        var today = time.Today;
        var owners = await Owners.OwnershipService.CheckAsync(db, c.Id, c.Kind, await RulePacks.RulePackService.ActiveAsync(db, today, ct), ct);
        var risk = await CustomerService.RiskInputAsync(db, c, today, ct);
        var assessment = RiskPolicy.Evaluate(risk);
        // Special measures come into effect by date alone: the page shows the level as of today, not as last stored.
        c.ApplyRisk(assessment);
        return new CustomerDetail(
            c.Id, c.Kind, c.LegalName, c.OtherNames, c.AddressLine1, c.AddressLine2, c.City, c.Region, c.PostalCode, c.Country,
            c.Email, c.Phone, c.DateOfBirthOrIncorporation, c.CitizenshipOrJurisdiction, c.NoticeGivenOn, c.NoticeVersion, c.UsPerson, c.DeterminationBasis,
            c.Status, c.SubmittedBy, c.SubmittedAtUtc, c.DecidedBy, c.DecidedAtUtc, c.DecisionNote, c.DecisionRulePackVersion, c.Restrictions,
            c.EscalationReason, c.ReviewNote,
            c.EffectiveRisk(today), assessment, c.RiskOverride, c.RiskOverrideReason, c.RiskOverrideExpires, c.RiskOverrideBy,
            c.ReverifyDue, c.ClosedAtUtc,
            // The OFAC 50 % rule: a customer owned 50 % or more by confirmed blocked persons is itself blocked.
            ProvisioningPolicy.Evaluate(c.Status, c.UsPerson, owners.AllUsPersons, confirmedSanctionsMatch: owners.Blocked,
                effectiveProhibition: assessment.Level == RiskLevel.Prohibited),
            c.IntakeStep,
            [.. c.Accounts.OrderBy(a => a.Reference).Select(a =>
            {
                var stats = access.FirstOrDefault(x => x.Key == a.Id);
                return new AccountView(a.Id, a.Reference, a.PaymentMeans, a.Prepaid, a.IssuerCountry, a.PaymentIdentifierMasked, a.PaymentSource,
                    a.PaymentSourceName, a.ProductCodes, a.OpenedAtUtc, a.ClosedAtUtc, stats?.Count ?? 0, stats?.Last);
            })],
            [.. c.Evidence.OrderBy(e => e.RecordedAtUtc).Select(ViewOf)],
            [.. c.Discrepancies.OrderBy(d => d.RaisedAtUtc).Select(d => new DiscrepancyView(d.Id, d.Description, d.RaisedBy, d.RaisedAtUtc, d.Resolution, d.ResolvedBy, d.ResolvedAtUtc))],
            [.. c.History.OrderByDescending(h => h.AtUtc).Select(h => new HistoryView(h.From, h.To, h.By, h.AtUtc, h.Note))],
            c.Status is CustomerStatus.Draft or CustomerStatus.Rejected ? CustomerPolicy.CanSubmit(c) : [],
            c.IsPendingDecision ? [.. CustomerPolicy.CanVerify(c, risk.OpenScreeningHits, specialMeasures: risk.SpecialMeasures), .. owners.VerificationBlockers] : [],
            c.CreatedBy, c.CreatedAtUtc, c.UpdatedAtUtc, c.Version);
    }

    public static EvidenceView ViewOf(Evidence e) => new(e.Id, e.Kind, e.Describe(), e.DocumentType, e.DocumentNumberMasked,
        e.IssuingCountry, e.Expires, e.FileName, e.UploadId is not null, e.Source, e.CheckedOn, e.Result, e.RecordedBy, e.RecordedAtUtc, e.OwnerKey);

    /// <summary>The status of every customer as of a moment, from the status history (for reports "as of" a date).</summary>
    public async Task<IReadOnlyDictionary<Guid, CustomerStatus>> StatusAsOfAsync(DateTime asOfUtc, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var changes = await db.StatusChanges.AsNoTracking().Where(h => h.AtUtc <= asOfUtc)
            .Select(h => new { h.CustomerId, h.AtUtc, h.To }).ToListAsync(ct);
        return changes.GroupBy(h => h.CustomerId).ToDictionary(g => g.Key, g => g.OrderBy(h => h.AtUtc).Last().To);
    }

    internal static string Escape(string s) => s.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
