using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Owners;
using IaasKyc.Portal.Features;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Owners;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Data.Seed;

/// <summary>
/// Ownership structures of a few demo entity customers (a holding chain, a diamond, a control-only officer) with their
/// beneficial owners' profiles: Shenzhen Lianhe waits for two unverified foreign owners (one other is verified with a passport),
/// Amstel Edge's foreign owners are all verified, and Cascade Genomics (U.S.) records that all its beneficial owners are U.S. persons.
/// </summary>
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
        // Two U.S. founders; the officer records that all beneficial owners are U.S. persons instead of a profile for each.
        ["Cascade Genomics Corp."] = new(
        [
            new("nguyen", OwnerKind.Individual, "Linh Nguyen", "US"),
            new("okonkwo", OwnerKind.Individual, "Daniel Okonkwo", "US"),
        ],
        [
            new("nguyen", OwnershipGraph.CustomerKey, 55m, ControlRole.SeniorOfficer), new("okonkwo", OwnershipGraph.CustomerKey, 45m),
        ]),
    };

    private sealed record OwnerSpec(string Customer, string Key, OwnerProfileInput Profile, string? Evidence = null, bool Check = false, bool Verify = false);

    private static OwnerProfileInput Foreign(string dob, string nationality, string line1, string city, string? postal, string email, string phone,
        string document, string number, string basis) =>
        new(dob, nationality, new AddressInput(line1, null, city, null, postal, nationality), email, phone, document, number, nationality, false, basis);

    private static readonly OwnerSpec[] Owners =
    [
        new("Shenzhen Lianhe Computing Co., Ltd.", "zhang", Foreign("1972-08-14", "CN", "Futian District, Yitian Road 5033, Flat 2201", "Shenzhen", "518000",
            "zhang.wei@lianhe-compute.example", "+86 755 8888 1234", "Passport", "E12345678", "Chinese passport copy; declared address in Shenzhen")),
        new("Shenzhen Lianhe Computing Co., Ltd.", "li", Foreign("1979-03-02", "HK", "12 Conduit Road, Flat 8B", "Hong Kong", null,
            "li.na@lianhe-hk.example", "+852 9123 4567", "National ID", "K1234567", "Hong Kong identity card copy; declared address in Hong Kong")),
        new("Shenzhen Lianhe Computing Co., Ltd.", "chen", Foreign("1985-11-20", "CN", "Nanshan District, Keyuan Road 15, Flat 903", "Shenzhen", "518057",
            "chen.jie@lianhe-compute.example", "+86 755 8888 5678", "Passport", "E87654321", "Chinese passport seen at video call; declared address in Shenzhen"),
            Evidence: "E87654321", Verify: true),
        new("Amstel Edge B.V.", "devries", Foreign("1981-05-09", "NL", "Prinsengracht 263", "Amsterdam", "1016 GV",
            "pieter@amstel-edge.example", "+31 20 555 0101", "Passport", "NX4K81P27", "Dutch passport seen"), Evidence: "NX4K81P27", Verify: true),
        new("Amstel Edge B.V.", "jansen", Foreign("1986-01-23", "NL", "Keizersgracht 12", "Amsterdam", "1015 CR",
            "sanne@amstel-edge.example", "+31 20 555 0102", "National ID", "IR57TK3L9", "Dutch identity card seen"), Check: true, Verify: true),
        new("Amstel Edge B.V.", "okafor", Foreign("1976-09-30", "GB", "14 Canonbury Square", "London", "N1 2AN",
            "chidi.okafor@amstel-edge.example", "+44 20 7946 0321", "Passport", "533380006", "British passport seen"), Evidence: "533380006", Verify: true),
    ];

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

        var customerService = scope.ServiceProvider.GetRequiredService<CustomerService>();
        var queries = scope.ServiceProvider.GetRequiredService<CustomerQueries>();
        foreach (var o in Owners)
        {
            if (!customers.TryGetValue(o.Customer, out var id)) continue;
            var saved = Check(await ownership.SaveProfileAsync(id, o.Key, o.Profile, null, ct), o.Key);
            var version = (await queries.GetAsync(id, ct))!.Version;
            if (o.Evidence is { } number)
                Check(await customerService.AddDocumentaryEvidenceAsync(id, version, o.Profile.DocumentType, number, o.Profile.DocumentCountry, null, null, ct, o.Key), o.Key);
            if (o.Check)
            {
                Check(await customerService.AddNonDocumentaryEvidenceAsync(id, version, "Dutch BRP population register extract via a verification provider",
                    new DateOnly(2026, 10, 2), "Name, date of birth and address match", ct, o.Key), o.Key);
            }
            if (o.Verify) Check(await ownership.VerifyOwnerAsync(id, o.Key, saved.Version!.Value, ct), o.Key);
        }
        if (customers.TryGetValue("Cascade Genomics Corp.", out var cascade))
            Check(await ownership.RecordAllUsPersonsAsync(cascade, "Operating agreement and register of members seen; U.S. passports of both founders seen", ct), "statement");
    }

    private static Outcome Check(Outcome outcome, string what) =>
        outcome.Ok ? outcome : throw new InvalidOperationException($"Demo owner {what} refused: {outcome.Message}");
}
