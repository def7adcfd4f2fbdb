using IaasKyc.Domain.Resellers;
using IaasKyc.Portal.Features;
using IaasKyc.Portal.Features.Resellers;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Data.Seed;

/// <summary>
/// Demo foreign resellers among the demo entity customers: the attestation template v1 (written by an Officer, approved by an
/// Approver), one reseller with a signed attestation, one with a link sent and waiting, one found non-compliant 12 days ago whose
/// termination clock is running, and an open CIP production request. Skipped when resellers exist.
/// </summary>
public sealed class ResellersDemoSeed : IDemoSeed
{
    private const string Officer = "officer@iaaskyc.example";
    private const string Approver = "approver@iaaskyc.example";
    public const string SignedReseller = "Maple Leaf Render Studios Inc.";
    public const string PendingReseller = "Han River Semiconductor Co., Ltd.";
    public const string NonCompliantReseller = "Desert Falcon Technologies FZ-LLC";

    public int Order => 50;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        Dictionary<string, Guid> customers;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Resellers.AnyAsync(ct)) return;
            string[] names = [SignedReseller, PendingReseller, NonCompliantReseller];
            customers = await db.Customers.Where(c => names.Contains(c.LegalName)).ToDictionaryAsync(c => c.LegalName, c => c.Id, ct);
        }
        var today = services.GetRequiredService<PortalTime>().Today;
        var template = await As(services, Officer, sp => sp.GetRequiredService<AttestationService>().DraftAsync(new TemplateInput(
            StandardAttestation.Introduction, StandardAttestation.Clauses.ToDictionary(c => c.Key, c => (string?)c.Value)), ct), "template v1");
        await As(services, Approver, sp => sp.GetRequiredService<AttestationService>().ApproveAsync(template.Id!.Value, template.Version!.Value, ct), "template v1");

        if (customers.TryGetValue(SignedReseller, out var maple))
        {
            var id = await RegisterAsync(services, maple, today.AddYears(-3), new("Chloé Tremblay", "Director, Trust and Compliance", "compliance@mapleleaf-render.example", "+1 416 555 0123"), ct);
            await SignedAndActiveAsync(services, id, today.AddYears(-1).AddDays(14), "RA-2025-031 (CIP adoption addendum)",
                new SignatureInput("Marc Gagnon", "Chief Executive Officer", "marc.gagnon@mapleleaf-render.example", true, null), "203.0.113.50", ct);
        }
        if (customers.TryGetValue(NonCompliantReseller, out var falcon))
        {
            var id = await RegisterAsync(services, falcon, today.AddYears(-1), new("Omar Haddad", "Compliance Manager", "compliance@desertfalcon.example", "04 312 4599"), ct);
            await SignedAndActiveAsync(services, id, today.AddMonths(-6), "RA-2026-007",
                new SignatureInput("Layla Mansour", "General Manager", "layla.mansour@desertfalcon.example", true, null), "198.51.100.77", ct);
            await As(services, Officer, sp => sp.GetRequiredService<ResellerService>().RecordFindingAsync(id, Version(services, id),
                "Did not produce its CIP records for three end customers within the 10 days our request of last month allowed.",
                "Request RQ-2026-044 sent by e-mail; reseller's reply (no records attached) filed in the compliance mailbox.",
                today.AddDays(-12).ToString("yyyy-MM-dd"), ct), NonCompliantReseller);
        }
        if (customers.TryGetValue(PendingReseller, out var hanRiver))
        {
            var id = await RegisterAsync(services, hanRiver, today.AddMonths(-2), new("Park Ji-won", "Head of Compliance", "compliance@hanriver-semi.example", "02 3456 7890"), ct);
            await As(services, Officer, sp => sp.GetRequiredService<ResellerService>()
                .RecordAgreementAsync(id, Version(services, id), today.AddMonths(-1).ToString("yyyy-MM-dd"), "RA-2026-112", ct), PendingReseller);
            await SendAsync(services, id, ct);
            // The Department asked for our CIP and this reseller's four days ago: six days left.
            await As(services, Officer, sp => sp.GetRequiredService<CipRequestService>().RecordAsync(
                new CipRequestInput("BIS-ICTS-2026-0418", today.AddDays(-4).ToString("yyyy-MM-dd"), true, [id]), ct), "CIP production request");
        }
    }

    /// <summary>Adoption agreement, an attestation signed through its link, then activation by an Approver.</summary>
    private static async Task SignedAndActiveAsync(IServiceProvider services, Guid id, DateOnly agreedOn, string agreement, SignatureInput signature, string ip,
        CancellationToken ct)
    {
        await As(services, Officer, sp => sp.GetRequiredService<ResellerService>()
            .RecordAgreementAsync(id, Version(services, id), agreedOn.ToString("yyyy-MM-dd"), agreement, ct), agreement);
        var link = (await SendAsync(services, id, ct)).Link!;
        var token = link[(link.LastIndexOf('/') + 1)..];
        await As(services, $"anonymous ({ip})", async sp =>
        {
            var attestations = sp.GetRequiredService<AttestationService>();
            var opened = await attestations.OpenAsync(token, ct);
            return await attestations.SignAsync(token, signature with { ShownTextSha256 = opened.TextSha256 }, ip, ct);
        }, agreement);
        await As(services, Approver, sp => sp.GetRequiredService<ResellerService>().ActivateAsync(id, Version(services, id), ct), agreement);
    }

    private static async Task<Guid> RegisterAsync(IServiceProvider services, Guid customerId, DateOnly start, ResellerContactInput contact, CancellationToken ct) =>
        (await As(services, Officer, sp => sp.GetRequiredService<ResellerService>().CreateAsync(new NewResellerInput(customerId, start.ToString("yyyy-MM-dd"), contact), ct),
            customerId.ToString())).Id!.Value;

    private static async Task<SentAttestation> SendAsync(IServiceProvider services, Guid resellerId, CancellationToken ct)
    {
        return await DemoSeed.As(services, Officer, async sp =>
        {
            var contact = (await sp.GetRequiredService<ResellerService>().GetAsync(resellerId, ct))!.Contacts[0].Id;
            var sent = await sp.GetRequiredService<AttestationService>().SendAsync(resellerId, contact, "http://localhost:5080/", ct);
            DemoSeed.Check(sent.Outcome, "attestation");
            return sent;
        });
    }

    private static Guid Version(IServiceProvider services, Guid resellerId)
    {
        using var scope = services.CreateScope();
        using var db = scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        return db.Resellers.Where(r => r.Id == resellerId).Select(r => r.Version).First();
    }

    private static Task<Outcome> As(IServiceProvider services, string user, Func<IServiceProvider, Task<Outcome>> work, string what) =>
        DemoSeed.As(services, user, async sp => DemoSeed.Check(await work(sp), what));
}
