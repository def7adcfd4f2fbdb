using IaasKyc.Domain.Certifications;
using IaasKyc.Portal.Features;
using IaasKyc.Portal.Features.Certifications;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Data.Seed;

/// <summary>
/// A signed initial certification (prepared by an Officer, signed by an Approver), an annual draft with one statement checked, and
/// an ADP exemption application draft, all over the demo data seeded before.
/// </summary>
public sealed class CertificationsDemoSeed : IDemoSeed
{
    private const string Officer = "officer@iaaskyc.example";
    private const string Approver = "approver@iaaskyc.example";

    public int Order => 70;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct))
        {
            if (await db.Certifications.AnyAsync(ct)) return;
        }
        var today = services.GetRequiredService<PortalTime>().Today;
        var initial = await As(services, Officer, s => s.DraftAsync(CertificationKind.Initial, today, null, ct), "initial certification");
        await As(services, Approver, s => s.SignAsync(initial.Id!.Value, initial.Version!.Value, "Avery Quinn", "Chief Compliance Officer", ct), "signature");
        var annual = await As(services, Officer, s => s.DraftAsync(CertificationKind.Annual, today, null, ct), "annual certification");
        await As(services, Officer, s => s.SetStatementAsync(annual.Id!.Value, annual.Version!.Value, AnnualStatement.CipReviewed, true,
            "Reviewed by the compliance committee; minutes on file.", ct), "statement");

        var adp = await DemoSeed.As(services, Officer, async sp => DemoSeed.Check(await sp.GetRequiredService<AdpService>()
            .CreateAsync("Accounts of enterprise customers with a signed master agreement and invoiced payment", ct), "ADP application"));
        await DemoSeed.As(services, Officer, async sp => DemoSeed.Check(await sp.GetRequiredService<AdpService>().WriteAsync(adp.Id!.Value, adp.Version!.Value,
            "Accounts of enterprise customers with a signed master agreement and invoiced payment", AdpNarratives, ct), "ADP narratives"));
    }

    private static readonly Dictionary<AdpFactor, string?> AdpNarratives = new()
    {
        [AdpFactor.FitToSize] = "A mid-sized provider: the program scales with the customer book shown in the figures, with risk-based review depth.",
        [AdpFactor.RedFlags] = "Every customer and beneficial owner is screened at intake, on ownership changes and after each list import; hits are decided under four eyes.",
        [AdpFactor.ResellerOversight] = "Each foreign reseller signs the flow-down attestation yearly; findings run a 30-day termination clock.",
    };

    private static Task<Outcome> As(IServiceProvider services, string user, Func<CertificationService, Task<Outcome>> work, string what) =>
        DemoSeed.As(services, user, async sp => DemoSeed.Check(await work(sp.GetRequiredService<CertificationService>()), what));
}
