using IaasKyc.Domain;
using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Cip;

/// <param name="BasedOn">The number of the version the draft was written from (null for the first): a newer one refuses it, so no one's text is lost.</param>
public sealed record CipDraft(string? VerificationProcedures, string? RestrictedUse, string? RefusalAndClosure, string? UnverifiedCustomers,
    string? CustomerNotice, string? AbuseDetectionResources, string? ContactName, string? ContactTitle, string? ContactEmail, string? ContactPhone,
    int? BasedOn = null);

/// <summary>The provider's written CIP (proposed § 7.301): versions are published by Approvers and never edited.</summary>
public sealed class CipService(IDbContextFactory<PortalDbContext> dbFactory, AuditActor actor, PortalTime time)
{
    public async Task<CipDocument?> CurrentAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CipDocuments.AsNoTracking().OrderByDescending(d => d.Number).FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<CipDocument>> HistoryAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.CipDocuments.AsNoTracking().OrderByDescending(d => d.Number).ToListAsync(ct);
    }

    public async Task<Outcome> PublishAsync(CipDraft d, CancellationToken ct = default)
    {
        var f = new List<Finding>();
        string Req(string? v, string field, string what, int max = 8000) =>
            IntakeRules.Text(v, field, max, f, required: true, $"Write the {what}.") ?? "";
        var doc = (
            Procedures: Req(d.VerificationProcedures, "verificationProcedures", "identity-verification procedures"),
            Restricted: Req(d.RestrictedUse, "restrictedUse", "restricted use allowed while verification is pending"),
            Refusal: Req(d.RefusalAndClosure, "refusalAndClosure", "rules for refusing and closing accounts"),
            Unverified: Req(d.UnverifiedCustomers, "unverifiedCustomers", "treatment of customers who cannot be verified"),
            Notice: Req(d.CustomerNotice, "customerNotice", "notice customers receive"),
            Abuse: Req(d.AbuseDetectionResources, "abuseDetectionResources", "abuse-detection resources"),
            Name: Req(d.ContactName, "contactName", "CIP contact's name", 200),
            Title: Req(d.ContactTitle, "contactTitle", "CIP contact's title", 200));
        var email = IntakeRules.Email(d.ContactEmail, f, "contactEmail");
        var phone = IntakeRules.Phone(d.ContactPhone, "US", f, "contactPhone");
        if (f.Count > 0) return Outcome.Invalid(f);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var latest = await db.CipDocuments.MaxAsync(x => (int?)x.Number, ct);
        if (latest != d.BasedOn)
            return Outcome.ConflictWith($"CIP v{latest} was published since you started this draft: compare it with yours before publishing.");
        var number = (latest ?? 0) + 1;
        var document = new CipDocument(Guid.NewGuid(), number, doc.Procedures, doc.Restricted, doc.Refusal, doc.Unverified, doc.Notice, doc.Abuse,
            doc.Name, doc.Title, email!, phone!, await actor.NameAsync(), time.UtcNow);
        db.CipDocuments.Add(document);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome.ConflictWith("Another version was published at the same moment: reload and publish again.");
        }
        return Outcome.Success(Guid.Empty, document.Id);
    }
}
