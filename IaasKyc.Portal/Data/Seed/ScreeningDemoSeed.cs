using IaasKyc.Domain.Screening;
using IaasKyc.Portal.Features.Screening;
using Microsoft.EntityFrameworkCore;
using static IaasKyc.Portal.Data.Seed.DemoSeed;

namespace IaasKyc.Portal.Data.Seed;

/// <summary>
/// Demo screening: the Admin imports the three lists from excerpts of the real files carried in the portal
/// (<c>Data/Seed/Lists</c>, see its README), every customer is screened again, and the hits are brought to each review
/// state: one left to review, one proposed as a match awaiting an Approver, the rest cleared as no match by two people.
/// </summary>
public sealed class ScreeningDemoSeed : IDemoSeed
{
    private const string Officer = "officer@iaaskyc.example";
    private const string Approver = "approver@iaaskyc.example";
    private const string Admin = "admin@iaaskyc.example";

    public int Order => 30;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
            if (await db.ListSnapshots.AnyAsync(ct)) return;
        }

        await As(services, Admin, async sp =>
        {
            var imports = sp.GetRequiredService<ListImportService>();
            foreach (var source in Enum.GetValues<ListSource>())
            {
                var files = source.FileNames().ToDictionary(n => n, Read);
                var result = await imports.ImportAsync(source, files, ct: ct);
                if (!result.Ok) throw new InvalidOperationException($"Demo seed: the {source.Code()} excerpt was refused: {string.Join("; ", result.Findings.Select(f => f.Message))}");
            }
        });
        await services.GetRequiredService<RescreenQueue>().RunPendingAsync(ct);

        var alerts = await As(services, Officer, sp => sp.GetRequiredService<ScreeningQueries>().AlertsAsync(AlertFilter.ToReview, ct: ct));
        var ordered = alerts.OrderBy(a => a.CustomerName, StringComparer.Ordinal).ThenByDescending(a => a.Score).ToList();
        var match = ordered.FirstOrDefault(a => a.CustomerName.StartsWith("Mohammad Ghorbanian", StringComparison.Ordinal));
        var leftOpen = ordered.FirstOrDefault(a => a.CustomerName.StartsWith("Douran", StringComparison.Ordinal));
        foreach (var a in ordered)
        {
            if (a.Id == leftOpen?.Id) continue;
            var version = await VersionAsync(services, a.Id, ct);
            if (a.Id == match?.Id)
            {
                await Check(services, Officer, s => s.ProposeAsync(a.Id, version, AlertDecision.Match,
                    "Same name in another transliteration, same date of birth (9 March 1987) and Iranian nationality as the SDN entry; the passport copy matches.", ct));
                continue;
            }
            version = (await Check(services, Officer, s => s.ProposeAsync(a.Id, version, AlertDecision.NoMatch,
                "Different person: date of birth, nationality and address differ from the list entry; the name similarity is coincidental.", ct))).Version!.Value;
            await Check(services, Approver, s => s.DecideAsync(a.Id, version, agree: true, "Agreed: the identifiers on file rule the entry out.", ct));
        }
    }

    private static byte[] Read(string name)
    {
        var file = name switch { "dpl" => "dpl.tsv", _ => name + ".csv" };
        using var stream = typeof(ScreeningDemoSeed).Assembly.GetManifestResourceStream($"IaasKyc.Portal.Data.Seed.Lists.{file}")
            ?? throw new InvalidOperationException($"The demo list excerpt {file} is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static Task<Guid> VersionAsync(IServiceProvider services, Guid alertId, CancellationToken ct) =>
        As(services, Officer, async sp => (await sp.GetRequiredService<ScreeningQueries>().AlertAsync(alertId, ct))!.Alert.Version);

    private static Task<Features.Outcome> Check(IServiceProvider services, string user, Func<ScreeningService, Task<Features.Outcome>> step) =>
        As(services, user, async sp =>
        {
            var outcome = await step(sp.GetRequiredService<ScreeningService>());
            return outcome.Ok ? outcome : throw new InvalidOperationException("Demo seed (screening) failed: " + outcome.Message);
        });

}
