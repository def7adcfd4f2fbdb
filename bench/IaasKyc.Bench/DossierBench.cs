using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Owners;
using IaasKyc.Portal;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.AccessEvents;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Owners;
using IaasKyc.Portal.Reports;
using IaasKyc.Portal.Security;
using IaasKyc.Portal.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf.IO;

namespace IaasKyc.Bench;

/// <summary>
/// Issue 8, Performance: a 20-page customer dossier renders in ≤ 300 ms warm. Builds, through the real services on a temporary
/// SQLite file with the real migrations, a foreign entity customer with 4 accounts, 2,000 access records from 60 addresses, a
/// 12-node ownership structure with profiles, documentary and non-documentary evidence, discrepancies and decisions, until its
/// dossier has at least 20 pages; then times <see cref="CustomerDossierDocument.RenderAsync"/> (all queries, the chain
/// verification over the whole trail, layout and PDF) after a warm-up.
/// </summary>
public static class DossierBench
{
    private const int Accounts = 4, Events = 2000, Addresses = 60, TargetPages = 20, Warmup = 5, Runs = 30;

    public static async Task<int> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("iaaskyc-bench-").FullName;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "bench.db"), Pooling = true }.ToString();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        services.AddSingleton(new FieldCipher(RandomNumberGenerator.GetBytes(32)));
        services.AddSingleton(_ => PdfFonts.Registered);
        services.AddSingleton(new UploadStore(Path.Combine(folder, "uploads")));
        services.AddPortalData(o => o.UseSqlite(connectionString));
        services.AddPortalFeatures();
        await using var provider = services.BuildServiceProvider();
        try
        {
            Console.WriteLine(Measure.Machine());
            var clock = Stopwatch.StartNew();
            await using var scope = provider.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            sp.GetRequiredService<AuditActor>().Use("officer@bench.example");
            var db = sp.GetRequiredService<PortalDbContext>();
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            var id = await SeedAsync(sp);
            var document = sp.GetRequiredService<CustomerDossierDocument>();
            int pages;
            while ((pages = Pages((await document.RenderAsync(id, "auditor@bench.example"))!.Pdf)) < TargetPages)
                await MoreHistoryAsync(sp, id, 10);
            var trail = await db.AuditEntries.CountAsync();
            Console.WriteLine($"Seeded one customer ({Events:N0} access records, {trail:N0} audit entries in the trail) in {clock.Elapsed.TotalSeconds:0.0} s; dossier: {pages} pages");

            var size = 0;
            var cpu = new List<double>();
            var process = Process.GetCurrentProcess();
            var times = await Measure.RepeatAsync(Warmup, Runs, async i =>
            {
                process.Refresh();
                var before = process.TotalProcessorTime;
                size = (await document.RenderAsync(id, "auditor@bench.example"))!.Pdf.Length;
                process.Refresh();
                if (i >= Warmup) cpu.Add((process.TotalProcessorTime - before).TotalMilliseconds);
            });
            Console.WriteLine($"Dossier render ({pages} pages, {size / 1024.0:0} KB): {Measure.Describe(times)}; target p95 <= 300 ms "
                + (Measure.Percentile(times, 95) <= 300 ? "met" : "MISSED"));
            var cpuSorted = cpu.Order().ToArray();
            // On a shared machine the wall clock counts the time other processes hold the cores; the CPU time is what a render costs.
            Console.WriteLine($"  the same renders in process CPU time: {Measure.Describe(cpuSorted)}");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int Pages(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        return document.PageCount;
    }

    private static async Task<Guid> SeedAsync(IServiceProvider sp)
    {
        var customers = sp.GetRequiredService<CustomerService>();
        var input = new IntakeInput("entity", "Baltic Edge Compute AB", "BEC", "2014-05-20", "SE",
            new AddressInput("Drottninggatan 33", null, "Stockholm", null, "111 51", "SE"), "kyc@balticedge.example", "+46 8 123 456 78",
            new DeterminationInput(false, "Swedish certificate of registration; declared address in Stockholm", "2026-10-01", "CIP v1"),
            [.. Enumerable.Range(0, Accounts).Select(a => new AccountInput($"BEC-{a + 1:000}",
                new PaymentMeansInput(a % 2 == 0 ? "card" : "bankAccount", "SE", a % 2 == 0 ? "4111111111111111" : "SE4550000000058398257466"),
                a == 3 ? "thirdParty" : "customer", a == 3 ? "Nordic Cloud Holding AB" : null))]);
        var created = Check(await customers.CreateAsync(input));
        var id = created.Id!.Value;
        var version = Check(await customers.AddDocumentaryEvidenceAsync(id, created.Version!.Value, "Certificate of registration", "556677-8899", "SE", null, null)).Version!.Value;
        Check(await customers.SubmitAsync(id, version));

        var access = sp.GetRequiredService<AccessEventService>();
        var start = DateTime.UtcNow.AddDays(-365);
        for (var a = 0; a < Accounts; a++)
        {
            var rows = Enumerable.Range(0, Events / Accounts).Select(i => (AccessEventInput?)new AccessEventInput(AccessBench.Address(a, i % (Addresses / Accounts)),
                start.AddMinutes(i * 263 + a * 17).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), i % 9 == 0 ? "administration" : "access")).ToList();
            var stored = await access.IngestAsync($"BEC-{a + 1:000}", rows);
            if (!stored.Ok) throw new InvalidOperationException(string.Join("; ", stored.Findings.Select(f => f.Message)));
        }

        var ownership = sp.GetRequiredService<OwnershipService>();
        OwnerNode[] nodes =
        [
            new("holding", OwnerKind.Entity, "Nordic Cloud Holding AB", "SE", "556000-1111"), new("fund", OwnerKind.Entity, "Aurora Growth Fund SICAV", "LU", "B 201 334"),
            new("lind", OwnerKind.Individual, "Erik Lindqvist", "SE"), new("berg", OwnerKind.Individual, "Maja Berg", "SE"),
            new("niemi", OwnerKind.Individual, "Aino Niemi", "FI"), new("hansen", OwnerKind.Individual, "Lars Hansen", "DK"),
            new("weber", OwnerKind.Individual, "Jonas Weber", "DE"), new("rossi", OwnerKind.Individual, "Giulia Rossi", "IT"),
            new("mgmt", OwnerKind.Entity, "BEC Management AB", "SE", "559900-2222"), new("ceo", OwnerKind.Individual, "Sofia Ek", "SE"),
            new("director", OwnerKind.Individual, "Henrik Dahl", "NO"),
        ];
        OwnershipEdge[] edges =
        [
            new("holding", OwnershipGraph.CustomerKey, 55m), new("fund", OwnershipGraph.CustomerKey, 30m), new("mgmt", OwnershipGraph.CustomerKey, 15m),
            new("lind", "holding", 50m), new("berg", "holding", 50m), new("niemi", "fund", 40m), new("hansen", "fund", 35m), new("weber", "fund", 25m),
            new("rossi", "mgmt", 60m), new("ceo", "mgmt", 40m), new("ceo", OwnershipGraph.CustomerKey, null, ControlRole.SeniorOfficer),
            new("director", OwnershipGraph.CustomerKey, null, ControlRole.Director),
        ];
        Check(await ownership.ReplaceAsync(id, new OwnershipGraph(nodes, edges), null));
        foreach (var key in new[] { "lind", "berg", "ceo" })
        {
            Check(await ownership.SaveProfileAsync(id, key, new OwnerProfileInput("1980-01-01", "SE", new AddressInput("Storgatan 1", null, "Stockholm", null, "111 22", "SE"),
                $"{key}@balticedge.example", "+46 8 555 000 11", "Passport", "SE1234567", "SE", false, "Swedish passport seen"), null));
        }
        return id;
    }

    /// <summary>More of what accumulates on a customer over the years: checks, discrepancies raised and resolved.</summary>
    private static async Task MoreHistoryAsync(IServiceProvider sp, Guid id, int count)
    {
        var customers = sp.GetRequiredService<CustomerService>();
        var queries = sp.GetRequiredService<CustomerQueries>();
        for (var i = 0; i < count; i++)
        {
            var version = (await queries.GetAsync(id))!.Version;
            version = Check(await customers.AddNonDocumentaryEvidenceAsync(id, version, $"Bolagsverket register extract, review {i + 1}",
                DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1 - i), "Name, registration number and address match the intake data")).Version!.Value;
            Check(await customers.RaiseDiscrepancyAsync(id, version, $"Billing address on invoice {1000 + i} differs from the registered address"));
        }
    }

    private static IaasKyc.Portal.Features.Outcome Check(IaasKyc.Portal.Features.Outcome o) =>
        o.Ok ? o : throw new InvalidOperationException(string.Join("; ", o.Findings.Select(f => $"{f.Field}: {f.Message}")));
}
