using IaasKyc.Domain.Certifications;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Resellers;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Certifications;

/// <summary>
/// Computes a certification's figures from the data as of a day, with set-based queries: the database groups customers and open
/// accounts by country, determination and status on that day (each customer's last status change before the day ends), so no
/// customer is loaded one by one (issue 8: 100,000 customers in ≤ 2 s; see docs/performance.md).
/// </summary>
public sealed class CertificationFiguresQuery(IDbContextFactory<PortalDbContext> dbFactory, ResellerService resellers, PortalTime time)
{
    /// <param name="periodStart">The as-of day of the last certification: failed verifications are listed after its end.</param>
    public async Task<CertificationFigures> ComputeAsync(DateOnly asOf, DateOnly? periodStart, CancellationToken ct = default)
    {
        var end = new Deadline(asOf, time.Zone).EndsAtUtc;
        var start = periodStart is { } p ? new Deadline(p, time.Zone).EndsAtUtc : DateTime.MinValue;
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        // One pass over the customers: each one's status on the day and its open accounts, grouped in the database.
        var groups = await db.Customers.AsNoTracking()
            .Where(c => c.CreatedAtUtc < end)
            .Select(c => new
            {
                c.Country,
                c.UsPerson,
                Status = db.StatusChanges.Where(h => h.CustomerId == c.Id && h.AtUtc < end).OrderByDescending(h => h.AtUtc).Select(h => (CustomerStatus?)h.To).FirstOrDefault(),
                Accounts = db.Accounts.Count(a => a.CustomerId == c.Id && a.OpenedAtUtc < end && (a.ClosedAtUtc == null || a.ClosedAtUtc >= end)),
            })
            .GroupBy(x => new { x.Country, x.UsPerson, x.Status })
            .Select(g => new StatusGroup(g.Key.Country, g.Key.UsPerson, g.Key.Status, g.Count(), g.Sum(x => x.Accounts)))
            .ToListAsync(ct);

        // Beneficial owners determined foreign, by their address, of the customers counted; a profile whose node left the structure is not counted.
        var owners = await db.OwnerProfiles.AsNoTracking()
            .Where(o => o.UsPerson == false)
            .Join(db.OwnershipStructures, o => o.CustomerId, s => s.CustomerId, (o, s) => new { o, s })
            .Where(x => x.s.NodesJson.Contains("\"key\":\"" + x.o.NodeKey + "\""))
            .Join(db.Customers.Where(c => c.CreatedAtUtc < end), x => x.o.CustomerId, c => c.Id, (x, c) => new
            {
                x.o.Country,
                Status = db.StatusChanges.Where(h => h.CustomerId == c.Id && h.AtUtc < end).OrderByDescending(h => h.AtUtc).Select(h => (CustomerStatus?)h.To).FirstOrDefault(),
            })
            .GroupBy(x => new { x.Country, x.Status })
            .Select(g => new { g.Key.Country, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);

        var cip = await db.CipDocuments.AsNoTracking().Where(d => d.PublishedAtUtc < end).OrderByDescending(d => d.Number).FirstOrDefaultAsync(ct);
        var resellerLines = (await resellers.CertificationListAsync(asOf, ct))
            .Select(r => new ResellerLine(r.Name, r.Country, ResellerStatusText(r.StatusAsOf), ResellerArrangement(r.Arrangement), r.RelationshipStart, r.EndDate))
            .ToList();

        return new CertificationFigures(asOf, periodStart, time.UtcNow,
            CertificationRules.CustomersByCountry(groups),
            CertificationRules.AccountsByCountry(groups),
            CertificationRules.ByCountry(owners.Where(o => CertificationRules.IsCustomer(o.Status)).Select(o => (o.Country, o.Count))),
            resellerLines,
            CertificationRules.ForeignAccountsNotVerified(groups),
            await FailedVerificationsAsync(db, start, end, ct),
            cip is null ? null : new CipFacts(cip.VersionLabel, cip.ContactName, cip.ContactTitle, cip.ContactEmail, cip.ContactPhone,
                cip.VerificationProcedures, cip.AbuseDetectionResources));
    }

    /// <summary>Regulation.md §3: every refused verification (a customer moved to Rejected) in the period, with what followed up to its end.</summary>
    private async Task<IReadOnlyList<FailedVerification>> FailedVerificationsAsync(PortalDbContext db, DateTime start, DateTime end, CancellationToken ct)
    {
        var rejections = await db.StatusChanges.AsNoTracking()
            .Where(h => h.To == CustomerStatus.Rejected && h.From != CustomerStatus.Rejected && h.AtUtc > start && h.AtUtc < end)
            .Join(db.Customers, h => h.CustomerId, c => c.Id, (h, c) => new { h.CustomerId, c.LegalName, c.Country, h.AtUtc, h.Note })
            .ToListAsync(ct);
        var ids = rejections.Select(r => r.CustomerId).Distinct().ToList();
        var later = (await db.StatusChanges.AsNoTracking()
                .Where(h => ids.Contains(h.CustomerId) && h.AtUtc < end && h.From != h.To)
                .Select(h => new { h.CustomerId, h.To, h.AtUtc })
                .ToListAsync(ct))
            .ToLookup(h => h.CustomerId);
        return [.. rejections
            .OrderBy(r => r.AtUtc)
            .Select(r => new FailedVerification(r.CustomerId, r.LegalName, r.Country, r.AtUtc, Reason(r.Note),
                CertificationRules.Resolution([.. later[r.CustomerId].Where(h => h.AtUtc > r.AtUtc).OrderBy(h => h.AtUtc).Select(h => (h.To, h.AtUtc))],
                    t => time.Format(t))))];
    }

    private static string Reason(string note) => note.StartsWith("Rejected: ", StringComparison.Ordinal) ? note["Rejected: ".Length..] : note;

    public static string ResellerArrangement(Domain.Resellers.CipArrangement a) => a switch
    {
        Domain.Resellers.CipArrangement.OwnCip => "Own CIP",
        Domain.Resellers.CipArrangement.AdoptsProviderCip => "Adopts the provider's CIP",
        _ => "No CIP on record",
    };

    public static string ResellerStatusText(Domain.Resellers.ResellerStatus s) => s == Domain.Resellers.ResellerStatus.NonCompliant ? "Non-compliant" : s.ToString();
}
