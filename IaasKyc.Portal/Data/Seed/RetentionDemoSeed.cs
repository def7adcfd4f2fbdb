using System.Globalization;
using System.Text.Json;
using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Features.AccessEvents;
using IaasKyc.Portal.Features.Retention;
using IaasKyc.Portal.Security;
using IaasKyc.Portal.Storage;
using Microsoft.EntityFrameworkCore;
using static IaasKyc.Portal.Data.Seed.DemoSeed;

namespace IaasKyc.Portal.Data.Seed;

/// <summary>
/// Demo retention: customers closed years ago, brought in as the historical records they would be (their closure dates lie in
/// the past, which no service can backdate), with their IP access records through the ingest service. Two are past retention
/// (purgeable), one of those is under a legal hold an Approver placed, one was closed recently and is not yet due.
/// The daily job's listing runs once at the end. Skipped when the first demo reference exists.
/// </summary>
public sealed class RetentionDemoSeed : IDemoSeed
{
    private const string Officer = "officer@iaaskyc.example";
    private const string Approver = "approver@iaaskyc.example";

    public int Order => 80;

    private sealed record Spec(CustomerKind Kind, string Name, string Line1, string City, string Postal, string Country, string Email, string Phone,
        string Reference, string Card, int ClosedDaysAgo, int LastAccessDaysAgo, string? Hold = null);

    public static readonly IReadOnlyList<string> Names = ["Halvorsen Datatjenester AS", "Marisol Ortega Vidal", "Kestrel Analytics Pte. Ltd.", "Tamsin Okafor"];

    private static readonly Spec[] Specs =
    [
        new(CustomerKind.Entity, Names[0], "Dronning Eufemias gate 16", "Oslo", "0191", "NO", "kontakt@halvorsen.example", "+47 21 23 45 67",
            "ACC-RET-HALV", "4000056655665556", ClosedDaysAgo: 1300, LastAccessDaysAgo: 1290),
        new(CustomerKind.Individual, Names[1], "Calle de Alcalá 48", "Madrid", "28014", "ES", "marisol.ortega@example.es", "+34 912 345 678",
            "ACC-RET-ORTE", "5555555555554444", ClosedDaysAgo: 1100, LastAccessDaysAgo: 1150),
        new(CustomerKind.Entity, Names[2], "8 Marina View", "Singapore", "018960", "SG", "ops@kestrel.example", "+65 6123 4567",
            "ACC-RET-KEST", "4111111111111111", ClosedDaysAgo: 1000, LastAccessDaysAgo: 1005,
            Hold: "Grand-jury subpoena 25-GJ-0417 (fictional): preserve every record until counsel releases it"),
        new(CustomerKind.Individual, Names[3], "14 Clerkenwell Road", "London", "EC1M 5PA", "GB", "tamsin.okafor@example.co.uk", "+44 20 7946 0958",
            "ACC-RET-OKAF", "378282246310005", ClosedDaysAgo: 90, LastAccessDaysAgo: 85),
    ];

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Accounts.AnyAsync(a => a.Reference == Specs[0].Reference, ct)) return;
        }
        var now = services.GetRequiredService<PortalTime>().UtcNow;
        var cipher = services.GetRequiredService<FieldCipher>();
        var uploads = services.GetRequiredService<UploadStore>();
        foreach (var spec in Specs)
        {
            var id = await As(services, Officer, async sp =>
            {
                var customer = Historical(spec, now, cipher);
                // The identity document's scan, as intake stored it; a purge deletes the file with the record.
                var (scan, refused) = await uploads.SaveAsync(new MemoryStream(DemoScan(spec.Name)), "identity-document.pdf", "file", [UploadKind.Pdf], ct: ct);
                if (scan is null) throw new InvalidOperationException($"Demo retention scan refused: {refused?.Message}");
                var number = $"{spec.Country}{spec.Reference.Sum(c => c) * 7919 % 10_000_000:D7}";
                customer.AddEvidence(Evidence.Documentary(customer.Id, spec.Kind == CustomerKind.Entity ? "Certificate of incorporation" : "Passport",
                    cipher.Encrypt(number), FieldCipher.Mask(number), spec.Country, null, scan.Id, scan.OriginalName, Officer, customer.CreatedAtUtc),
                    Officer, customer.CreatedAtUtc);
                await using var db = await sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
                db.Customers.Add(customer);
                await db.SaveChangesAsync(ct);
                return customer.Id;
            });
            // Access records as the provider's systems reported them while the account was in use (ingested now, dated then).
            await As(services, Officer, async sp =>
            {
                var access = Enumerable.Range(0, 6).Select(i => new AccessEventInput($"198.51.100.{20 + i}",
                    now.AddDays(-spec.LastAccessDaysAgo - 40 * i).ToString("O", CultureInfo.InvariantCulture), i % 3 == 0 ? "administration" : "access")).ToList();
                var result = await sp.GetRequiredService<AccessEventService>().IngestAsync(spec.Reference, access, ct);
                if (!result.Ok) throw new InvalidOperationException($"Demo retention access records refused: {string.Join("; ", result.Findings.Select(f => f.Message))}");
            });
            if (spec.Hold is { } reason)
                await As(services, Approver, async sp => Check(await sp.GetRequiredService<RetentionService>().PlaceHoldAsync(id, reason, ct), "legal hold"));
        }
        await As(services, RetentionJob.ActorName, sp => sp.GetRequiredService<RetentionService>().ListPurgeableAsync(ct));
    }

    private static byte[] DemoScan(string name) =>
        System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% Demo identity document scan for {Ascii(name)} (fictional)\n%%EOF\n");

    private static string Ascii(string s) => new([.. s.Where(char.IsAscii)]);

    /// <summary>A verified foreign customer with one account, closed <see cref="Spec.ClosedDaysAgo"/> days before now.</summary>
    private static Customer Historical(Spec spec, DateTime now, FieldCipher cipher)
    {
        var opened = now.AddDays(-spec.ClosedDaysAgo - 700);
        var closed = now.AddDays(-spec.ClosedDaysAgo);
        var customer = new Customer(Guid.NewGuid(), spec.Kind, spec.Name, Officer, opened);
        customer.SetIdentity(spec.Kind, spec.Name, null, DateOnly.FromDateTime(opened).AddYears(spec.Kind == CustomerKind.Entity ? -8 : -35), spec.Country,
            Officer, opened);
        customer.SetContact(new Address(spec.Line1, null, spec.City, null, spec.Postal, spec.Country), spec.Email, spec.Phone, Officer, opened);
        customer.SetDetermination(false, $"Foreign address and {(spec.Kind == CustomerKind.Entity ? "certificate of incorporation" : "passport")} ({spec.Country})",
            DateOnly.FromDateTime(opened), "CIP v1", Officer, opened);
        customer.AddAccount(spec.Reference, PaymentMeansType.Card, false, spec.Country, cipher.Encrypt(spec.Card), FieldCipher.Mask(spec.Card),
            PaymentSource.Customer, null, opened, Officer);
        customer.Submit(Officer, opened.AddHours(1));
        customer.Verify(Approver, opened.AddDays(1), JsonSerializer.Serialize(new { spec.Name, spec.Country }), "v1",
            DateOnly.FromDateTime(opened).AddYears(2), "Historical record");
        customer.Close("Contract ended", Officer, closed);
        return customer;
    }
}
