using IaasKyc.Domain.Screening;
using IaasKyc.Portal.Features;
using IaasKyc.Portal.Features.SpecialMeasures;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Data.Seed;

/// <summary>
/// Demo entries of the special-measures register, all fictional: a jurisdiction prohibition in effect that touches seeded Russian
/// customers, a pending prohibition determined recently, a condition in effect on Hong Kong, and a person awaiting approval whose
/// name matches a seeded beneficial owner. Officers record, another user approves (four-eyes).
/// </summary>
public sealed class SpecialMeasuresDemoSeed : IDemoSeed
{
    private const string Officer = "officer@iaaskyc.example";
    private const string Approver = "approver@iaaskyc.example";
    private const string Demo = "Demo data: a fictional entry made up to show the register; no such determination exists.";

    public int Order => 40;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.SpecialMeasures.AnyAsync(ct)) return;
        }
        var today = services.GetRequiredService<PortalTime>().Today;
        var inEffectSince = today.AddDays(-40).AddDays(-180);

        await RecordAsync(services, approve: true, ct, new(MeasureTarget.Jurisdiction, MeasureAction.Prohibit, "RU", null, null, null,
            inEffectSince, inEffectSince.AddDays(180), null, "Demo determination DEMO-SM-2026-01 (fictional)",
            $"{Demo} Prohibits opening or keeping accounts for persons of the jurisdiction after a finding of widespread use of U.S. IaaS for ransomware operations."));
        await RecordAsync(services, approve: true, ct, new(MeasureTarget.Jurisdiction, MeasureAction.Prohibit, "IR", null, null, null,
            today.AddDays(-30), today.AddDays(150), null, "Demo determination DEMO-SM-2026-04 (fictional)",
            $"{Demo} Determined 30 days ago; takes effect after the 180-day lead time."));
        await RecordAsync(services, approve: true, ct, new(MeasureTarget.Jurisdiction, MeasureAction.Condition, "HK", null, null,
            "No GPU cluster products; beneficial owners verified by documents before any account opens; access records reviewed monthly.",
            today.AddDays(-200), today.AddDays(-20), null, "Demo determination DEMO-SM-2026-02 (fictional)",
            $"{Demo} Conditions on accounts tied to the jurisdiction after reports of compute resold to malicious actors."));
        await RecordAsync(services, approve: false, ct, new(MeasureTarget.Person, MeasureAction.Prohibit, "CN", "Chen Jie", "Jie Chen; Chen Jay", null,
            today.AddDays(-10), today.AddDays(170), null, "Demo determination DEMO-SM-2026-07 (fictional)",
            $"{Demo} A foreign person with a pattern of obtaining GPU capacity through front companies; awaiting a second Approver."));
    }

    private static async Task RecordAsync(IServiceProvider services, bool approve, CancellationToken ct, SpecialMeasureInput input)
    {
        var recorded = await As(services, Officer, s => s.RecordAsync(input, ct), input.SourceReference);
        if (approve) await As(services, Approver, s => s.ApproveAsync(recorded.Id!.Value, recorded.Version!.Value, ct), input.SourceReference);
    }

    private static Task<Outcome> As(IServiceProvider services, string user, Func<SpecialMeasureService, Task<Outcome>> work, string? what) =>
        DemoSeed.As(services, user, async sp =>
        {
            var outcome = await work(sp.GetRequiredService<SpecialMeasureService>());
            return outcome.Ok ? outcome : throw new InvalidOperationException($"Demo special measure {what} refused: {outcome.Message}");
        });
}
