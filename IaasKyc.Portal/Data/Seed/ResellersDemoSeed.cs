using IaasKyc.Domain.Resellers;
using IaasKyc.Portal.Features;
using IaasKyc.Portal.Features.Resellers;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Data.Seed;

/// <summary>
/// Demo foreign resellers among the demo entity customers: the attestation template v1 (written by an Officer, approved by an
/// Approver), one reseller with a signed attestation, one with a link sent and waiting. Skipped when resellers exist.
/// </summary>
public sealed class ResellersDemoSeed : IDemoSeed
{
    private const string Officer = "officer@iaaskyc.example";
    private const string Approver = "approver@iaaskyc.example";
    public const string SignedReseller = "Maple Leaf Render Studios Inc.";
    public const string PendingReseller = "Han River Semiconductor Co., Ltd.";

    public int Order => 50;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        Dictionary<string, Guid> customers;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Resellers.AnyAsync(ct)) return;
            string[] names = [SignedReseller, PendingReseller];
            customers = await db.Customers.Where(c => names.Contains(c.LegalName)).ToDictionaryAsync(c => c.LegalName, c => c.Id, ct);
        }
        var today = services.GetRequiredService<PortalTime>().Today;
        var template = await As(services, Officer, sp => sp.GetRequiredService<AttestationService>().DraftAsync(new TemplateInput(
            StandardAttestation.Introduction, StandardAttestation.Clauses.ToDictionary(c => c.Key, c => (string?)c.Value)), ct), "template v1");
        await As(services, Approver, sp => sp.GetRequiredService<AttestationService>().ApproveAsync(template.Id!.Value, template.Version!.Value, ct), "template v1");

        if (customers.TryGetValue(SignedReseller, out var maple))
        {
            var id = await RegisterAsync(services, maple, today.AddYears(-3), new("Chloé Tremblay", "Director, Trust and Compliance", "compliance@mapleleaf-render.example", "+1 416 555 0123"), ct);
            await As(services, Officer, sp => sp.GetRequiredService<ResellerService>()
                .RecordAgreementAsync(id, Version(services, id), today.AddYears(-1).AddDays(14).ToString("yyyy-MM-dd"), "RA-2025-031 (CIP adoption addendum)", ct), SignedReseller);
            var sent = await SendAsync(services, id, ct);
            var link = sent.Link!;
            var token = link[(link.LastIndexOf('/') + 1)..];
            await As(services, "anonymous (203.0.113.50)", async sp =>
            {
                var attestations = sp.GetRequiredService<AttestationService>();
                var opened = await attestations.OpenAsync(token, ct);
                return await attestations.SignAsync(token, new SignatureInput("Marc Gagnon", "Chief Executive Officer", "marc.gagnon@mapleleaf-render.example", true,
                    opened.TextSha256), "203.0.113.50", ct);
            }, SignedReseller);
            await As(services, Approver, sp => sp.GetRequiredService<ResellerService>().ActivateAsync(id, Version(services, id), ct), SignedReseller);
        }
        if (customers.TryGetValue(PendingReseller, out var hanRiver))
        {
            var id = await RegisterAsync(services, hanRiver, today.AddMonths(-2), new("Park Ji-won", "Head of Compliance", "compliance@hanriver-semi.example", "02 3456 7890"), ct);
            await As(services, Officer, sp => sp.GetRequiredService<ResellerService>()
                .RecordAgreementAsync(id, Version(services, id), today.AddMonths(-1).ToString("yyyy-MM-dd"), "RA-2026-112", ct), PendingReseller);
            await SendAsync(services, id, ct);
        }
    }

    private static async Task<Guid> RegisterAsync(IServiceProvider services, Guid customerId, DateOnly start, ResellerContactInput contact, CancellationToken ct) =>
        (await As(services, Officer, sp => sp.GetRequiredService<ResellerService>().CreateAsync(new NewResellerInput(customerId, start.ToString("yyyy-MM-dd"), contact), ct),
            customerId.ToString())).Id!.Value;

    private static async Task<SentAttestation> SendAsync(IServiceProvider services, Guid resellerId, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Use(Officer);
        var contact = (await scope.ServiceProvider.GetRequiredService<ResellerService>().GetAsync(resellerId, ct))!.Contacts[0].Id;
        var sent = await scope.ServiceProvider.GetRequiredService<AttestationService>().SendAsync(resellerId, contact, "http://localhost:5080/", ct);
        Check(sent.Outcome, "attestation");
        return sent;
    }

    private static Guid Version(IServiceProvider services, Guid resellerId)
    {
        using var scope = services.CreateScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        return db.Resellers.Where(r => r.Id == resellerId).Select(r => r.Version).First();
    }

    private static async Task<Outcome> As(IServiceProvider services, string user, Func<IServiceProvider, Task<Outcome>> work, string what)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Use(user);
        return Check(await work(scope.ServiceProvider), what);
    }

    private static Outcome Check(Outcome o, string what) =>
        o.Ok ? o : throw new InvalidOperationException($"Demo seed failed for {what}: {string.Join("; ", o.Findings.Select(f => $"{f.Field}: {f.Message}"))}");
}
