using System.Text.Json;
using IaasKyc.Domain.AiTraining;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Owners;
using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Customers.Intake;
using IaasKyc.Portal.Features.Owners;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.AiTraining;

public sealed record ReportSubject(string Name, string Kind, string Address, string? Country, string? Email, string? Phone, string? Citizenship);

/// <summary>An account's means and source of payment, the identifier masked (proposed § 7.302).</summary>
public sealed record ReportAccount(string Reference, string Means, string MaskedIdentifier, string IssuerCountry, string PaidBy, bool Prepaid);

/// <summary>An IP address used on the case's accounts, from the access records (proposed § 7.302: IP addresses with date and time).</summary>
public sealed record ReportIp(string Ip, string Account, DateTime FirstSeenUtc, DateTime LastSeenUtc, int Times);

public sealed record ReportOwner(string Name, string? Country, decimal Percent, string Reasons);

public sealed record ReportContact(string Name, string Title, string Email, string Phone, int CipVersion);

public sealed record ReportSignal(DateTime ReceivedAtUtc, string Account, string Accelerator, double Count, double Hours, double Utilization,
    double EstimatedOperations, double ClusterOpsPerSecond);

/// <summary>
/// Everything a report states (regulation.md § 6): the foreign person's CIP data as the portal holds it, the training run as the
/// Officer describes it with the compute arithmetic, the usage signals, the reseller, the provider's CIP contact. A report version
/// stores this as JSON: what was approved never changes when the customer's record does.
/// </summary>
public sealed record ReportContent(
    ReportSubject Subject,
    IReadOnlyList<ReportAccount> Accounts,
    IReadOnlyList<ReportIp> IpAddresses,
    IReadOnlyList<ReportOwner> BeneficialOwners,
    string? Reseller,
    ReportContact? CipContact,
    string Trigger,
    DateTime KnowledgeAtUtc,
    DateOnly DueDate,
    string? FollowUpOf,
    ReportNarrative Narrative,
    double? EstimatedOperations,
    double? ClusterOpsPerSecond,
    IReadOnlyList<string> ThresholdsMet,
    IReadOnlyList<string> Arithmetic,
    IReadOnlyList<ReportSignal> Signals)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public double SignalsTotalOps => Signals.Sum(s => s.EstimatedOperations);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReportContent FromJson(string json) => JsonSerializer.Deserialize<ReportContent>(json, Json)
        ?? throw new InvalidOperationException("A stored report version is empty.");

    /// <summary>Reads the report's content from the data as it stands now.</summary>
    public static async Task<ReportContent> BuildAsync(PortalDbContext db, TrainingCase c, RulePack rules, DateOnly today, CancellationToken ct)
    {
        var customer = await db.Customers.AsNoTracking().FirstAsync(x => x.Id == c.CustomerId, ct);
        var references = c.AccountReferences.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var accounts = (await db.Accounts.AsNoTracking().Where(a => a.CustomerId == c.CustomerId).ToListAsync(ct))
            .Where(a => references.Contains(a.Reference)).OrderBy(a => a.Reference, StringComparer.Ordinal).ToList();
        var accountIds = accounts.Select(a => a.Id).ToList();
        var ips = await db.AccessEvents.AsNoTracking().Where(e => accountIds.Contains(e.AccountId))
            .GroupBy(e => new { e.AccountId, e.Ip })
            .Select(g => new { g.Key.AccountId, g.Key.Ip, First = g.Min(e => e.AtUtc), Last = g.Max(e => e.AtUtc), Times = g.Count() })
            .ToListAsync(ct);
        var signals = await db.UsageSignals.AsNoTracking().Where(s => s.CaseId == c.Id).ToListAsync(ct);

        var address = string.Join(", ", new[] { customer.AddressLine1, customer.AddressLine2, customer.City, customer.Region, customer.PostalCode }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
        var subject = new ReportSubject(customer.LegalName, customer.Kind.ToString(), address, Countries.NameOf(customer.Country), customer.Email, customer.Phone,
            customer.CitizenshipOrJurisdiction is null ? null : Countries.NameOf(customer.CitizenshipOrJurisdiction));
        var reference = accounts.ToDictionary(a => a.Id, a => a.Reference);

        var narrative = c.Narrative;
        var estimate = await EstimateAsync(db, narrative, rules, ct);
        return new ReportContent(
            subject,
            [.. accounts.Select(a => new ReportAccount(a.Reference, Labels.Means(a.PaymentMeans), a.PaymentIdentifierMasked, Countries.NameOf(a.IssuerCountry),
                Labels.PaidBy(a.PaymentSource, a.PaymentSourceName), a.Prepaid))],
            [.. ips.OrderBy(i => i.First).ThenBy(i => i.Ip, StringComparer.Ordinal).Select(i => new ReportIp(i.Ip, reference[i.AccountId], i.First, i.Last, i.Times))],
            await OwnersAsync(db, c.CustomerId, rules, ct),
            await ResellerNameAsync(db, c.ResellerId, ct),
            await db.CipDocuments.AsNoTracking().OrderByDescending(d => d.Number)
                .Select(d => new ReportContact(d.ContactName, d.ContactTitle, d.ContactEmail, d.ContactPhone, d.Number)).FirstOrDefaultAsync(ct),
            CaseText.Trigger(c.Trigger),
            c.KnowledgeAtUtc,
            c.DueDate,
            c.FollowUpOfId is { } earlier ? await db.TrainingCases.AsNoTracking().Where(x => x.Id == earlier)
                .Select(x => $"Follow-up of the report filed {x.FiledOn:yyyy-MM-dd}, reference {x.FilingReference}").FirstOrDefaultAsync(ct) : null,
            narrative,
            estimate?.EstimatedOperations,
            estimate?.ClusterOpsPerSecond,
            estimate?.ThresholdsMet ?? [],
            estimate?.Arithmetic ?? [],
            [.. signals.OrderBy(s => s.ReceivedAtUtc).Select(s => new ReportSignal(s.ReceivedAtUtc, accounts.FirstOrDefault(a => a.Id == s.AccountId)?.Reference ?? "",
                s.Accelerator, s.AcceleratorCount, s.Hours, s.Utilization, s.EstimatedOperations, s.ClusterOpsPerSecond))]);
    }

    /// <summary>The Officer's estimate from the run's accelerator figures; null when they are not (all) given.</summary>
    public static async Task<ComputeEstimate?> EstimateAsync(PortalDbContext db, ReportNarrative n, RulePack rules, CancellationToken ct)
    {
        if (!n.HasRunFigures) return null;
        var key = n.Accelerator is null ? null : Accelerator.Key(n.Accelerator);
        var accelerator = key is null ? null : await db.Accelerators.AsNoTracking().FirstOrDefaultAsync(a => a.NameKey == key, ct);
        return ComputeEstimator.Estimate(new AcceleratorRunInput(accelerator, n.AcceleratorCount, n.Hours, n.Utilization, n.NetworkGbps, n.BiologicalData), rules).Estimate;
    }

    public static async Task<string?> ResellerNameAsync(PortalDbContext db, Guid? resellerId, CancellationToken ct) =>
        resellerId is not { } id ? null : await db.Resellers.AsNoTracking().Where(r => r.Id == id)
            .Join(db.Customers, r => r.CustomerId, p => p.Id, (r, p) => p.LegalName + " (" + p.Country + ")").FirstOrDefaultAsync(ct);

    private static async Task<IReadOnlyList<ReportOwner>> OwnersAsync(PortalDbContext db, Guid customerId, RulePack rules, CancellationToken ct)
    {
        var stored = await db.OwnershipStructures.AsNoTracking().FirstOrDefaultAsync(o => o.CustomerId == customerId, ct);
        if (stored is null) return [];
        var owners = OwnershipPolicy.Evaluate(OwnershipJson.Read(stored), rules).BeneficialOwners;
        return [.. owners.Select(o => new ReportOwner(o.Name, o.Country is null ? null : Countries.NameOf(o.Country), o.EffectivePercent, string.Join("; ", o.Reasons)))];
    }
}
