using IaasKyc.Domain.AiTraining;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Resellers;
using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.SpecialMeasures;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Dashboard;

/// <summary>
/// One open clock as its feature reports it: the kind of clock, what it concerns, whose it is (the user who owns the work,
/// notified when it comes due), the due date and where to act on it. <see cref="Key"/> identifies the clock across runs.
/// </summary>
public sealed record DeadlineItem(string Kind, string Key, string What, string? Whose, DateOnly DueDate, string Href);

/// <summary>The clocks a board asks for: those due on or before <see cref="Until"/>, under the rule pack in effect.</summary>
public sealed record DeadlineWindow(DateOnly Today, DateOnly Until, RulePack Pack);

/// <summary>
/// A feature's clocks for the deadline board and the notifications, read with one set-based query per call.
/// Each feature registers its own (AI-training reports, reseller terminations, attestation renewals, CIP production requests,
/// re-verifications, special measures); retention adds the records becoming purgeable the same way.
/// </summary>
public interface IDeadlineSource
{
    Task<IReadOnlyList<DeadlineItem>> OpenAsync(PortalDbContext db, DeadlineWindow window, CancellationToken ct);
}

/// <summary>Proposed § 7.308: the report is due 15 calendar days after knowledge; the clock runs until it is filed or the case closed.</summary>
public sealed class AiTrainingDeadlines : IDeadlineSource
{
    public const string Kind = "AI-training report";

    public async Task<IReadOnlyList<DeadlineItem>> OpenAsync(PortalDbContext db, DeadlineWindow window, CancellationToken ct) =>
        [.. (await db.TrainingCases.AsNoTracking()
            .Where(c => (c.State == CaseState.Open || c.State == CaseState.DraftReady || c.State == CaseState.Approved) && c.DueDate <= window.Until)
            .Join(db.Customers, c => c.CustomerId, x => x.Id, (c, x) => new { c.Id, c.OpenedBy, c.DueDate, x.LegalName })
            .ToListAsync(ct))
            .Select(r => new DeadlineItem(Kind, $"ai-case:{r.Id}", r.LegalName, r.OpenedBy, r.DueDate, $"/ai-training/cases/{r.Id}"))];
}

/// <summary>Proposed § 7.301: a non-compliant foreign reseller is terminated within 30 calendar days of learning of it unless cured.</summary>
public sealed class ResellerTerminationDeadlines : IDeadlineSource
{
    public const string Kind = "Reseller termination";

    public async Task<IReadOnlyList<DeadlineItem>> OpenAsync(PortalDbContext db, DeadlineWindow window, CancellationToken ct)
    {
        var open = await db.Set<NonComplianceFinding>().AsNoTracking().Where(f => f.ClosedAtUtc == null)
            .Join(db.Resellers, f => f.ResellerId, r => r.Id, (f, r) => new { f.Id, f.ResellerId, f.LearnedOn, f.TerminationDays, f.RecordedBy, r.CustomerId })
            .Join(db.Customers, f => f.CustomerId, c => c.Id, (f, c) => new { f.Id, f.ResellerId, f.LearnedOn, f.TerminationDays, f.RecordedBy, c.LegalName })
            .ToListAsync(ct);
        return [.. open.Select(f => new DeadlineItem(Kind, $"reseller-finding:{f.Id}", f.LegalName, f.RecordedBy, f.LearnedOn.AddDays(f.TerminationDays), $"/resellers/{f.ResellerId}"))
            .Where(i => i.DueDate <= window.Until)];
    }
}

/// <summary>Issue 6: each active reseller's latest signed attestation is renewed before it expires (rule pack attestationValidityDays).</summary>
public sealed class AttestationRenewalDeadlines : IDeadlineSource
{
    public const string Kind = "Attestation renewal";

    public async Task<IReadOnlyList<DeadlineItem>> OpenAsync(PortalDbContext db, DeadlineWindow window, CancellationToken ct) =>
        [.. (await db.Attestations.AsNoTracking()
            .Where(a => a.SignedAtUtc != null && a.ValidUntil != null && a.ValidUntil <= window.Until
                && !db.Attestations.Any(b => b.ResellerId == a.ResellerId && b.SignedAtUtc > a.SignedAtUtc))
            .Join(db.Resellers.Where(r => r.Status == ResellerStatus.Active || r.Status == ResellerStatus.NonCompliant),
                a => a.ResellerId, r => r.Id, (a, r) => new { a.Id, a.ResellerId, a.SentBy, a.ValidUntil, r.CustomerId })
            .Join(db.Customers, a => a.CustomerId, c => c.Id, (a, c) => new { a.Id, a.ResellerId, a.SentBy, ValidUntil = a.ValidUntil!.Value, c.LegalName })
            .ToListAsync(ct))
            .Select(a => new DeadlineItem(Kind, $"attestation:{a.Id}", a.LegalName, a.SentBy, a.ValidUntil, $"/resellers/{a.ResellerId}"))];
}

/// <summary>Proposed § 7.301: copies of CIPs are produced within 10 calendar days of the Department's request.</summary>
public sealed class CipProductionDeadlines : IDeadlineSource
{
    public const string Kind = "CIP production request";

    public async Task<IReadOnlyList<DeadlineItem>> OpenAsync(PortalDbContext db, DeadlineWindow window, CancellationToken ct)
    {
        var open = await db.CipProductionRequests.AsNoTracking().Where(r => r.SentOn == null)
            .Select(r => new { r.Id, r.Reference, r.ReceivedOn, r.ProductionDays, r.RecordedBy }).ToListAsync(ct);
        return [.. open.Select(r => new DeadlineItem(Kind, $"cip-request:{r.Id}", "Request " + r.Reference, r.RecordedBy, r.ReceivedOn.AddDays(r.ProductionDays), "/resellers/cip-requests"))
            .Where(i => i.DueDate <= window.Until)];
    }
}

/// <summary>Re-verification by risk level (rule pack reverifyYears*), set when a customer is verified; the customer's officer owns it.</summary>
public sealed class ReverificationDeadlines : IDeadlineSource
{
    public const string Kind = "Re-verification";

    public async Task<IReadOnlyList<DeadlineItem>> OpenAsync(PortalDbContext db, DeadlineWindow window, CancellationToken ct) =>
        [.. (await db.Customers.AsNoTracking()
            .Where(c => c.Status == CustomerStatus.Verified && c.ReverifyDue != null && c.ReverifyDue <= window.Until)
            .Select(c => new { c.Id, c.LegalName, c.CreatedBy, Due = c.ReverifyDue!.Value })
            .ToListAsync(ct))
            .Select(c => new DeadlineItem(Kind, $"reverify:{c.Id}", c.LegalName, c.CreatedBy, c.Due, $"/customers/{c.Id}"))];
}

/// <summary>Proposed § 7.305–7.307: an approved measure takes effect on its effective date and stops applying on its expiry date.</summary>
public sealed class SpecialMeasureDeadlines : IDeadlineSource
{
    public const string TakesEffect = "Special measure takes effect";
    public const string Expires = "Special measure expires";

    public async Task<IReadOnlyList<DeadlineItem>> OpenAsync(PortalDbContext db, DeadlineWindow window, CancellationToken ct)
    {
        var rows = await db.SpecialMeasures.AsNoTracking()
            .Where(m => m.Status == MeasureStatus.Approved && m.ExpiryDate > window.Today
                && (m.EffectiveDate > window.Today ? m.EffectiveDate : m.ExpiryDate) <= window.Until)
            .Select(m => new { m.Id, m.Number, m.Target, m.Country, m.PersonName, m.RecordedBy, m.EffectiveDate, m.ExpiryDate })
            .ToListAsync(ct);
        return [.. rows.Select(m =>
        {
            var subject = $"SM-{m.Number:000}: " + (m.Target == Domain.Screening.MeasureTarget.Jurisdiction ? Countries.NameOf(m.Country) : m.PersonName);
            return m.EffectiveDate > window.Today
                ? new DeadlineItem(TakesEffect, $"measure-effect:{m.Id}", subject, m.RecordedBy, m.EffectiveDate, $"/special-measures/{m.Id}")
                : new DeadlineItem(Expires, $"measure-expiry:{m.Id}", subject, m.RecordedBy, m.ExpiryDate, $"/special-measures/{m.Id}");
        })];
    }
}

/// <summary>
/// Records whose retention ends soon or has ended (listed by the daily retention job); a record under legal hold is not
/// due for purge and stays off the board. The due date is the last day the record is kept.
/// </summary>
public sealed class RetentionDeadlines(TimeZoneInfo zone) : IDeadlineSource
{
    public const string Kind = "Record purgeable";

    public async Task<IReadOnlyList<DeadlineItem>> OpenAsync(PortalDbContext db, DeadlineWindow window, CancellationToken ct) =>
        [.. (await Retention.RetentionService.ClocksAsync(db, window.Today, zone, ct, window.Pack))
            .Where(c => !c.OnLegalHold && c.DueDate <= window.Until)
            .Select(c => new DeadlineItem(Kind, $"retention:{c.CustomerId}", c.Whose, null, c.DueDate, c.Href))];
}
