using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Owners;
using IaasKyc.Portal.Features.Owners;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Data.Seed;

/// <summary>Ownership structures of a few demo entity customers: a holding chain, a diamond, a control-only officer.</summary>
public sealed class OwnersDemoSeed : IDemoSeed
{
    public int Order => 20;

    private static readonly IReadOnlyDictionary<string, OwnershipGraph> Structures = new Dictionary<string, OwnershipGraph>
    {
        // A diamond: Wei Zhang holds through two companies; 60 % × 50 % + 40 % × 25 % = 40 % effective.
        ["Shenzhen Lianhe Computing Co., Ltd."] = new(
        [
            new("zhang", OwnerKind.Individual, "Wei Zhang", "CN"),
            new("li", OwnerKind.Individual, "Li Na", "HK"),
            new("chen", OwnerKind.Individual, "Chen Jie", "CN"),
            new("lianhe-hk", OwnerKind.Entity, "Lianhe Holdings (HK) Limited", "HK", "HK-2871345"),
            new("pearl", OwnerKind.Entity, "Pearl Delta Ventures Ltd", "VG", "BVI-1908877"),
        ],
        [
            new("zhang", "lianhe-hk", 50m), new("li", "lianhe-hk", 50m),
            new("zhang", "pearl", 25m), new("chen", "pearl", 75m),
            new("lianhe-hk", OwnershipGraph.CustomerKey, 60m), new("pearl", OwnershipGraph.CustomerKey, 40m),
            new("chen", OwnershipGraph.CustomerKey, null, ControlRole.SeniorOfficer),
        ]),
        // Two founders directly, a director without shares.
        ["Amstel Edge B.V."] = new(
        [
            new("devries", OwnerKind.Individual, "Pieter de Vries", "NL"),
            new("jansen", OwnerKind.Individual, "Sanne Jansen", "NL"),
            new("okafor", OwnerKind.Individual, "Chidi Okafor", "GB"),
            new("seed", OwnerKind.Entity, "Canal Seed Fund C.V.", "NL", "KVK 77120334"),
        ],
        [
            new("devries", OwnershipGraph.CustomerKey, 45m, ControlRole.SeniorOfficer), new("jansen", OwnershipGraph.CustomerKey, 30m),
            new("seed", OwnershipGraph.CustomerKey, 25m), new("okafor", OwnershipGraph.CustomerKey, null, ControlRole.Director),
        ]),
    };

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        Dictionary<string, Guid> customers;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Set<OwnershipStructure>().AnyAsync(ct)) return;
            var names = Structures.Keys.ToList();
            customers = await db.Customers.Where(c => names.Contains(c.LegalName) && c.Kind == CustomerKind.Entity)
                .ToDictionaryAsync(c => c.LegalName, c => c.Id, ct);
        }
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Use("officer@iaaskyc.example");
        var ownership = scope.ServiceProvider.GetRequiredService<OwnershipService>();
        foreach (var (name, graph) in Structures)
        {
            if (!customers.TryGetValue(name, out var id)) continue;
            var outcome = await ownership.ReplaceAsync(id, graph, null, ct);
            if (!outcome.Ok) throw new InvalidOperationException($"Demo ownership of {name} refused: {outcome.Message}");
        }
    }
}
