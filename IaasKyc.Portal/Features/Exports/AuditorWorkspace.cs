using System.Globalization;
using System.Text.Json;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Owners;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Exports;

public enum FoundKind { Customer, BeneficialOwner, ScreeningHit, Reseller, AiCase, AuditEntry }

/// <summary>A record the auditor's search found: what it is, where its page is and, when it has one, its PDF.</summary>
public sealed record FoundRecord(FoundKind Kind, string Title, string Detail, string Href, string? PdfHref);

/// <summary>
/// The auditor workspace's search (issue 8, item 4): one text finds customers (name, email or id), beneficial owners and other
/// persons in ownership structures (name), screening hits (subject or list-entry name), resellers and AI-training cases (their
/// customer's name or id) and audit entries (entity id, or sequence number). Read-only.
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
        return found;
    }

    private static string Dossier(Guid customerId) => $"/customers/{customerId}/dossier.pdf";
}
