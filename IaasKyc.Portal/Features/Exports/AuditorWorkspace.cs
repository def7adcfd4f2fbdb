using System.Globalization;
using System.Text.Json;
using IaasKyc.Domain.Certifications;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Owners;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Exports;

public enum FoundKind { Customer, BeneficialOwner, ScreeningHit, Reseller, AiCase, AuditEntry, Certification, AdpApplication }

/// <summary>A record the auditor's search found: what it is, where its page is and, when it has one, its PDF.</summary>
public sealed record FoundRecord(FoundKind Kind, string Title, string Detail, string Href, string? PdfHref);

/// <summary>
/// The auditor workspace's search (issue 8, item 4): one text finds customers (name, email or id), beneficial owners and other
/// persons in ownership structures (name), screening hits (subject or list-entry name), resellers and AI-training cases (their
/// customer's name or id), audit entries (entity id, or sequence number), CIP certifications (kind, as-of date, state, signer, id)
/// and ADP exemption applications (state, scope, dates, decision reference, signer, id). Read-only.
/// </summary>
public sealed class AuditorWorkspace(IDbContextFactory<PortalDbContext> dbFactory, PortalTime time)
{
    public const int PerKind = 20;

    public async Task<IReadOnlyList<FoundRecord>> SearchAsync(string? text, CancellationToken ct = default)
    {
        var term = text?.Trim() ?? "";
        var sequence = long.TryParse(term, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (long?)null;
        if (term.Length < 2 && sequence is null) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Lower-cased on both sides: LIKE ignores case on SQLite (ASCII only) but not on PostgreSQL.
        var like = $"%{CustomerQueries.Escape(term)}%".ToLowerInvariant();
        var id = Guid.TryParse(term, out var g) ? g : (Guid?)null;
        var found = new List<FoundRecord>();

        var customers = await db.Customers.AsNoTracking()
            .Where(c => c.Id == id || EF.Functions.Like(c.LegalName.ToLower(), like, "\\") || EF.Functions.Like(c.Email!.ToLower(), like, "\\"))
            .OrderBy(c => c.LegalName).Take(PerKind).Select(c => new { c.Id, c.LegalName, c.Country, c.Status }).ToListAsync(ct);
        found.AddRange(customers.Select(c => new FoundRecord(FoundKind.Customer, c.LegalName, $"{c.Country ?? "no country"} · {StatusChip.Label(c.Status)}",
            $"/customers/{c.Id}", Dossier(c.Id))));

        // Names are stored as JSON, where non-ASCII letters are escaped ("ö" as \u00F6): look for the term escaped the same way.
        var jsonLike = $"%{CustomerQueries.Escape(JsonEncodedText.Encode(term).ToString())}%".ToLowerInvariant();
        var structures = await db.OwnershipStructures.AsNoTracking().Where(o => EF.Functions.Like(o.NodesJson.ToLower(), jsonLike, "\\"))
            .Join(db.Customers, o => o.CustomerId, c => c.Id, (o, c) => new { o, c.LegalName }).Take(PerKind).ToListAsync(ct);
        found.AddRange(structures.SelectMany(s => OwnershipJson.Read(s.o).Nodes
                .Where(n => n.Name.Contains(term, StringComparison.OrdinalIgnoreCase))
                .Select(n => new FoundRecord(FoundKind.BeneficialOwner, n.Name, $"in the ownership of {s.LegalName}", $"/customers/{s.o.CustomerId}", Dossier(s.o.CustomerId))))
            .Take(PerKind));

        var hits = await db.ScreeningAlerts.AsNoTracking()
            .Where(a => a.Id == id || EF.Functions.Like(a.SubjectName.ToLower(), like, "\\") || EF.Functions.Like(a.EntryName.ToLower(), like, "\\"))
            .OrderByDescending(a => a.OpenedAtUtc).Take(PerKind)
            .Select(a => new { a.Id, a.RunId, a.SubjectName, a.EntryName, a.Source, a.Score, a.Status }).ToListAsync(ct);
        found.AddRange(hits.Select(h => new FoundRecord(FoundKind.ScreeningHit, $"{h.SubjectName} ↔ {h.EntryName}",
            $"{h.Source} · score {h.Score.ToString("0.000", CultureInfo.InvariantCulture)} · {Screening.HitStatusChip.Label(h.Status, null)}",
            $"/screening/hits/{h.Id}", $"/screening/runs/{h.RunId}/certificate.pdf")));

        var resellers = await db.Resellers.AsNoTracking().Join(db.Customers, r => r.CustomerId, c => c.Id, (r, c) => new { r.Id, r.CustomerId, r.Status, c.LegalName })
            .Where(r => r.Id == id || r.CustomerId == id || EF.Functions.Like(r.LegalName.ToLower(), like, "\\")).OrderBy(r => r.LegalName).Take(PerKind).ToListAsync(ct);
        found.AddRange(resellers.Select(r => new FoundRecord(FoundKind.Reseller, r.LegalName, $"foreign reseller · {r.Status}", $"/resellers/{r.Id}", Dossier(r.CustomerId))));

        var cases = await db.TrainingCases.AsNoTracking().Join(db.Customers, t => t.CustomerId, c => c.Id, (t, c) => new { t.Id, t.CustomerId, t.State, t.DueDate, c.LegalName })
            .Where(t => t.Id == id || t.CustomerId == id || EF.Functions.Like(t.LegalName.ToLower(), like, "\\")).OrderByDescending(t => t.DueDate).Take(PerKind).ToListAsync(ct);
        found.AddRange(cases.Select(t => new FoundRecord(FoundKind.AiCase, $"AI-training case of {t.LegalName}",
            $"{AiTraining.CaseText.State(t.State)} · due {t.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", $"/ai-training/cases/{t.Id}", Dossier(t.CustomerId))));

        var entries = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence == sequence || e.EntityId == term)
            .OrderByDescending(e => e.Sequence).Take(PerKind).Select(e => new { e.Sequence, e.AtUtc, e.Actor, e.Action, e.EntityType, e.EntityId }).ToListAsync(ct);
        found.AddRange(entries.Select(e => new FoundRecord(FoundKind.AuditEntry, $"#{e.Sequence} {e.Action} {e.EntityType}",
            $"{e.Actor} · {time.Format(e.AtUtc)}", $"/audit", $"/audit/extract.pdf?entityId={Uri.EscapeDataString(e.EntityId)}")));

        // Certifications and ADP applications are a handful a year: matched here, in memory and ignoring case on every provider, against
        // the words the page shows (kind, dates as yyyy-MM-dd, state), so "annual 2026" or "signed" finds them; every word must match.
        var words = term.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var certifications = await db.Certifications.AsNoTracking().OrderByDescending(c => c.AsOf)
            .Select(c => new { c.Id, c.Kind, c.AsOf, c.State, c.OffCycleReason, c.SignerName, c.SignedAtUtc }).ToListAsync(ct);
        found.AddRange(certifications
            .Where(c => c.Id == id || Matches(words, CertificationText.Kind(c.Kind), c.Kind.ToString(), Day(c.AsOf), c.State.ToString(), c.OffCycleReason, c.SignerName))
            .Take(PerKind)
            .Select(c => new FoundRecord(FoundKind.Certification, $"{CertificationText.Kind(c.Kind)} as of {Day(c.AsOf)}",
                c.SignedAtUtc is { } signed ? $"Signed by {c.SignerName} · {time.Format(signed)}" : "Draft",
                $"/certifications/{c.Id}", $"/certifications/{c.Id}/report.pdf")));

        var applications = await db.AdpApplications.AsNoTracking().OrderByDescending(a => a.CreatedAtUtc)
            .Select(a => new { a.Id, a.Scope, a.State, a.CreatedAtUtc, a.SignerName, a.GrantedOn, a.DecisionReference }).ToListAsync(ct);
        found.AddRange(applications
            .Where(a => a.Id == id || Matches(words, "ADP exemption application", a.Scope, a.State.ToString(), Day(DateOnly.FromDateTime(a.CreatedAtUtc)),
                a.GrantedOn is { } on ? Day(on) : null, a.DecisionReference, a.SignerName))
            .Take(PerKind)
            .Select(a => new FoundRecord(FoundKind.AdpApplication, "ADP exemption application",
                $"{a.State} · {(a.GrantedOn is { } on ? $"granted {Day(on)} ({a.DecisionReference})" : $"drafted {Day(DateOnly.FromDateTime(a.CreatedAtUtc))}")} · {a.Scope}",
                $"/adp/{a.Id}", $"/adp/{a.Id}/report.pdf")));
        return found;
    }

    private static bool Matches(string[] words, params string?[] fields) =>
        words.All(w => fields.Any(f => f is not null && f.Contains(w, StringComparison.OrdinalIgnoreCase)));

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Dossier(Guid customerId) => $"/customers/{customerId}/dossier.pdf";
}
