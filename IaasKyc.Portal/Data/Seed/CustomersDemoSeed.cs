using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Features;
using IaasKyc.Portal.Features.AccessEvents;
using IaasKyc.Portal.Features.Cip;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Products;
using Microsoft.EntityFrameworkCore;
using static IaasKyc.Portal.Data.Seed.DemoSeed;

namespace IaasKyc.Portal.Data.Seed;

/// <summary>
/// Demo customers: the product catalogue, the written CIP v1, about two dozen customers in every status taken in
/// through <see cref="CustomerService"/> (so risk and the audit trail are real; an Officer submits, another user
/// decides), and IP access records for each account. Skipped when customers exist.
/// </summary>
public sealed class CustomersDemoSeed : IDemoSeed
{
    private const string Officer = "officer@iaaskyc.example";
    private const string Approver = "approver@iaaskyc.example";
    private const string Lead = "lead@iaaskyc.example";
    private const string Admin = "admin@iaaskyc.example";

    public int Order => 10;

    private enum Goal { Draft, Submitted, Escalated, Restricted, Verified, Rejected, Closed }

    private sealed record Acct(string Reference, string Type, string Issuer, string Identifier, string Source = "customer", string? SourceName = null,
        string[]? Products = null, bool Prepaid = false);

    private sealed record Spec(string Kind, string Name, string Line1, string City, string? Region, string? Postal, string Country, string Email,
        string Phone, string Jurisdiction, string? Date, bool UsPerson, string Basis, Acct[] Accounts, Goal Goal,
        bool Documentary = true, bool NonDocumentary = false, string? Discrepancy = null, bool DiscrepancyResolved = true,
        string SubmittedBy = Officer, string? Reason = null);

    private static readonly (string Code, string Name, string Description, bool InScope, bool Advanced, string? Eccn)[] Catalogue =
    [
        ("VM-GP", "General-purpose virtual machines", "Shared and dedicated vCPU instances (2–192 vCPU) with block storage, in six U.S. regions.", true, false, null),
        ("BM-STD", "Bare-metal servers", "Single-tenant dual-socket servers with full root access, provisioned in under 10 minutes.", true, false, null),
        ("OBJ-STORE", "Object storage", "S3-compatible object storage with lifecycle rules and cross-region replication.", true, false, null),
        ("K8S-MANAGED", "Managed Kubernetes", "Managed control plane with auto-scaling node pools running customer workloads.", true, false, null),
        ("GPU-H100", "GPU cluster – NVIDIA H100", "8× H100 SXM nodes with 3.2 Tbit/s InfiniBand, reservable up to 2,048 GPUs.", true, true, "4A090"),
        ("GPU-B200", "GPU cluster – NVIDIA B200", "8× B200 nodes with NVLink 5 and 400 Gbit/s per GPU networking, reservable up to 4,096 GPUs.", true, true, "3A090"),
        ("CDN-EDGE", "Edge CDN", "Content delivery and caching; customers run no software of their own on it, so it is treated as outside the IaaS definition.", false, false, null),
    ];

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var dbFactory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.Customers.AnyAsync(ct)) return;
        }
        var time = services.GetRequiredService<PortalTime>();
        var today = time.Today;

        await As(services, Admin, async sp =>
        {
            var products = sp.GetRequiredService<ProductService>();
            if ((await products.ListAsync(ct: ct)).Count > 0) return;
            foreach (var p in Catalogue) Check(await products.SaveAsync(new ProductInput(p.Code, p.Name, p.Description, p.InScope, p.Advanced, p.Eccn), null, ct), p.Code);
        });
        await As(services, Approver, async sp =>
        {
            var cip = sp.GetRequiredService<CipService>();
            if (await cip.CurrentAsync(ct) is null) Check(await cip.PublishAsync(Cip, ct), "CIP v1");
        });

        var random = new Random(20261129);
        var accounts = new List<(Guid CustomerId, Guid AccountId, string Reference, Goal Goal)>();
        foreach (var spec in Customers)
        {
            var id = await TakeInAsync(services, spec, today, ct);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            accounts.AddRange((await db.Accounts.Where(a => a.CustomerId == id).Select(a => new { a.Id, a.Reference }).ToListAsync(ct))
                .Select(a => (id, a.Id, a.Reference, spec.Goal)));
        }
        await As(services, "system:demo-seed", async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
            AddAccessEvents(db, accounts, time.UtcNow, random);
            await db.SaveChangesAsync(ct);
        });
    }

    /// <summary>Intake, evidence, discrepancies and the decisions that bring the customer to its goal, each by the right user.</summary>
    private static async Task<Guid> TakeInAsync(IServiceProvider services, Spec s, DateOnly today, CancellationToken ct)
    {
        var foreign = !s.UsPerson;
        var input = new IntakeInput(s.Kind, s.Name, null, s.Date, s.Jurisdiction, new AddressInput(s.Line1, null, s.City, s.Region, s.Postal, s.Country),
            s.Email, s.Phone,
            s.Goal == Goal.Draft && foreign ? null
                : new DeterminationInput(s.UsPerson, s.Basis, today.AddDays(-14).ToString("yyyy-MM-dd"), "CIP v1"),
            [.. s.Accounts.Select(a => new AccountInput(a.Reference, new PaymentMeansInput(a.Type, a.Issuer, a.Identifier, a.Prepaid), a.Source, a.SourceName, a.Products))]);
        var created = await Run(services, Officer, x => x.CreateAsync(input, ct), s.Name);
        var id = created.Id!.Value;
        var version = created.Version!.Value;

        if (foreign && s.Documentary)
        {
            var (type, number) = s.Kind == "entity" ? ("Certificate of incorporation", $"HRB {(Stable(s.Name) % 900000) + 100000}")
                : ("Passport", $"{s.Country}{(Stable(s.Name) % 9000000) + 1000000}");
            version = (await Run(services, Officer, x => x.AddDocumentaryEvidenceAsync(id, version, type, number, s.Country,
                s.Kind == "entity" ? null : today.AddYears(6), null, ct), s.Name)).Version!.Value;
        }
        if (foreign && (s.NonDocumentary || !s.Documentary))
        {
            version = (await Run(services, Officer, x => x.AddNonDocumentaryEvidenceAsync(id, version,
                s.Kind == "entity" ? "Dun & Bradstreet business register check" : "Video call with the customer, ID shown on camera",
                today.AddDays(-10), "Name, address and registration number match the intake data", ct), s.Name)).Version!.Value;
        }
        if (s.Discrepancy is { } description)
        {
            version = (await Run(services, Officer, x => x.RaiseDiscrepancyAsync(id, version, description, ct), s.Name)).Version!.Value;
            if (s.DiscrepancyResolved)
            {
                var discrepancyId = await As(services, Officer, async sp =>
                    (await sp.GetRequiredService<CustomerQueries>().GetAsync(id, ct))!.Discrepancies.Single().Id);
                version = (await Run(services, Officer, x => x.ResolveDiscrepancyAsync(id, version, discrepancyId,
                    "Customer sent a utility bill dated last month showing the current address; register update pending.", ct), s.Name)).Version!.Value;
            }
        }
        if (s.Goal == Goal.Draft) return id;

        version = (await Run(services, s.SubmittedBy, x => x.SubmitAsync(id, version, ct), s.Name)).Version!.Value;
        switch (s.Goal)
        {
            case Goal.Escalated:
                await Run(services, Officer, x => x.EscalateAsync(id, version, s.Reason ?? "Needs an Approver's review", ct), s.Name);
                break;
            case Goal.Restricted:
                await Run(services, Approver, x => x.RestrictAsync(id, version, s.Reason ?? "One region, no GPU products, spend cap USD 5,000 until verified", ct), s.Name);
                break;
            case Goal.Verified:
                await Run(services, Approver, x => x.VerifyAsync(id, version, "Evidence matches the intake data", ct), s.Name);
                break;
            case Goal.Rejected:
                await Run(services, Approver, x => x.RejectAsync(id, version, s.Reason ?? "Identity could not be verified", ct), s.Name);
                break;
            case Goal.Closed:
                version = (await Run(services, Approver, x => x.VerifyAsync(id, version, "Evidence matches the intake data", ct), s.Name)).Version!.Value;
                await Run(services, Approver, x => x.CloseAsync(id, version, s.Reason ?? "Customer ended the contract", ct), s.Name);
                break;
        }
        return id;
    }

    /// <summary>20–200 events per account over the last 90 days, mostly from a few home addresses; one audit entry per account.</summary>
    private static void AddAccessEvents(PortalDbContext db, List<(Guid CustomerId, Guid AccountId, string Reference, Goal Goal)> accounts, DateTime nowUtc, Random random)
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var (customerId, accountId, reference, goal) in accounts)
        {
            var count = goal == Goal.Draft ? random.Next(20, 40) : random.Next(20, 201);
            var homes = Enumerable.Range(0, random.Next(2, 5)).Select(_ => RandomAddress(random)).ToList();
            var records = new List<AccessRecord>(count);
            for (var i = 0; i < count; i++)
            {
                var text = random.NextDouble() < 0.85 ? homes[random.Next(homes.Count)] : RandomAddress(random);
                IpAddresses.TryParse(text, out var address, out var bytes);
                var at = nowUtc.AddMinutes(-random.Next(5, 90 * 24 * 60)).AddSeconds(-random.Next(60));
                records.Add(new AccessRecord(address.ToString(), bytes, at, random.NextDouble() < 0.15 ? AccessKind.Administration : AccessKind.Access));
            }
            records.Sort((a, b) => a.AtUtc.CompareTo(b.AtUtc));
            db.AccessEvents.AddRange(records.Select(r => new AccessEvent(accountId, r.Ip, r.IpBytes, r.AtUtc, r.Kind)));
            db.AuditBulk<AccessEvent>("import", "AccessEvents", reference, customerId.ToString(), records.Count, AccessEventService.Payload(records));
        }
        db.ChangeTracker.AutoDetectChangesEnabled = true;
    }

    /// <summary>Documentation ranges (RFC 5737, RFC 3849): realistic-looking, never anyone's real address.</summary>
    private static string RandomAddress(Random r) => r.Next(10) switch
    {
        < 4 => $"203.0.113.{r.Next(1, 255)}",
        < 7 => $"198.51.100.{r.Next(1, 255)}",
        < 8 => $"192.0.2.{r.Next(1, 255)}",
        _ => $"2001:db8:{r.Next(0x10, 0xffff):x}:{r.Next(0, 0xff):x}::{r.Next(1, 0xffff):x}",
    };

    private static async Task<Outcome> Run(IServiceProvider services, string user, Func<CustomerService, Task<Outcome>> step, string what) =>
        await As(services, user, async sp => Check(await step(sp.GetRequiredService<CustomerService>()), what));


    /// <summary>A hash that is the same on every run (string.GetHashCode is not), for made-up document numbers.</summary>
    private static int Stable(string text) => text.Aggregate(17, (h, c) => unchecked((h * 31) + c)) & int.MaxValue;


    private static readonly CipDraft Cip = new(
        VerificationProcedures: """
            1. Every prospective customer is identified before any IaaS product is provisioned: legal name, address, email, telephone number, and for each account the means and source of payment.
            2. The Officer records whether the customer (and each beneficial owner) is a U.S. or a foreign person, with the evidence relied on (U.S. passport, state certificate of incorporation, declared address).
            3. Foreign customers are verified before approval: documentary (passport, national ID card, certificate of incorporation or register extract) for every customer, and in addition non-documentary checks (independent business registers, a video call, a bank reference) where the risk rating is medium or high.
            4. A second person (an Approver who did not submit the record) decides. The decision records the data approved and the rule-pack version.
            5. Customer information is re-verified every 3 years (low risk), 2 years (medium) or 1 year (high).
            """,
        RestrictedUse: """
            While verification is pending an Approver may allow restricted use: one region, general-purpose VMs and object storage only, no GPU clusters or bare metal, a monthly spend cap of USD 5,000, and daily review of access records. Restrictions are recorded on the customer.
            """,
        RefusalAndClosure: """
            An account is not opened when the customer's identity cannot be established, when a confirmed sanctions match or a special-measure prohibition applies, or when the customer refuses to provide the information this CIP requires. Accounts are closed within 30 days when verification fails, when documents prove false, or when the customer does not answer a re-verification request within 60 days.
            """,
        UnverifiedCustomers: """
            Customers who could not be verified are rejected; their accounts stay closed and their records are kept for 2 years after closure or last access, whichever is later. Where customer data may be compromised, the account is suspended, the customer re-verified, and the incident recorded.
            """,
        CustomerNotice: """
            We are required by U.S. law to collect and verify information about our customers. We may disclose the information you provide, and records of your use of our services, to the U.S. Department of Commerce and other U.S. government agencies as the law requires.
            """,
        AbuseDetectionResources: """
            Access-record analytics (IP addresses and times of each access and administrative action), payment-fraud screening, sanctions-list screening at intake and on each list update, and a trust-and-safety team of four analysts on call around the clock.
            """,
        ContactName: "Margaret Holloway",
        ContactTitle: "Chief Compliance Officer",
        ContactEmail: "cip@iaaskyc.example",
        ContactPhone: "+1 202 555 0143");

    private static readonly Spec[] Customers =
    [
        new("entity", "Blue Ridge Analytics LLC", "1200 Wilson Blvd, Suite 400", "Arlington", "VA", "22209", "US", "it@blueridge-analytics.example", "+1 703 555 0110",
            "US-VA", "2011-06-14", true, "Virginia certificate of organization seen", [new("BRA-1001", "card", "US", "4111111111111111", Products: ["VM-GP", "OBJ-STORE"])], Goal.Verified),
        new("individual", "Emily Carter", "48 Elm Street", "Portland", "OR", "97205", "US", "emily.carter@mail.example", "+1 503 555 0134",
            "US", "1988-02-21", true, "U.S. passport seen", [new("EC-2001", "card", "US", "5555555555554444", Products: ["VM-GP"])], Goal.Submitted),
        new("entity", "Lakeshore Robotics Inc.", "233 S Wacker Dr", "Chicago", "IL", "60606", "US", "cloud@lakeshore-robotics.example", "+1 312 555 0177",
            "US-DE", "2016-09-01", true, "Delaware certificate of incorporation seen",
            [new("LR-3001", "invoice", "US", "PO-88213", Products: ["GPU-H100", "K8S-MANAGED"]), new("LR-3002", "bankAccount", "US", "021000021-4455667788", "parentCompany", "Lakeshore Holdings Corp.", ["OBJ-STORE"])],
            Goal.Verified),
        new("entity", "Cascade Genomics Corp.", "500 Yale Ave N", "Seattle", "WA", "98109", "US", "ops@cascade-genomics.example", "+1 206 555 0158",
            "US-WA", "2019-04-30", true, "Washington certificate of formation seen", [new("CG-4001", "card", "US", "378282246310005", Products: ["GPU-B200"])], Goal.Draft),
        new("entity", "Nordlicht Rechenzentrum GmbH", "Friedrichstraße 123", "Berlin", null, "10117", "DE", "compliance@nordlicht.example", "030 1234567",
            "DE", "2015-03-01", false, "German commercial register extract (HRB); declared address in Berlin",
            [new("NL-5001", "bankAccount", "DE", "DE89370400440532013000", Products: ["BM-STD", "OBJ-STORE"])], Goal.Verified, NonDocumentary: true,
            Discrepancy: "Register extract shows the previous address Unter den Linden 5.", DiscrepancyResolved: true),
        new("individual", "Sophie Dubois", "17 rue de Rivoli", "Paris", null, "75004", "FR", "sophie.dubois@courriel.example", "01 99 00 12 34",
            "FR", "1991-07-09", false, "French passport; declared address in Paris", [new("SD-6001", "card", "FR", "4000056655665556", Products: ["VM-GP"])], Goal.Submitted),
        new("entity", "Thames Valley Compute Ltd", "20 Station Road", "Reading", "Berkshire", "RG1 1JX", "GB", "kyc@tvcompute.example", "020 7946 0958",
            "GB", "2018-11-12", false, "Companies House registration; declared address in Reading",
            [new("TV-7001", "card", "GB", "4000058260000005", Products: ["K8S-MANAGED"]), new("TV-7002", "invoice", "GB", "INV-TV-2026", "parentCompany", "Thames Valley Group plc")],
            Goal.Verified),
        new("entity", "Sakura Data Systems K.K.", "1-9-1 Marunouchi, Chiyoda-ku", "Tokyo", null, "100-0005", "JP", "cloud@sakura-data.example", "03 1234 5678",
            "JP", "2009-01-15", false, "Japanese commercial registration certificate", [new("SK-8001", "bankAccount", "JP", "0001-234-5678901", Products: ["GPU-H100"])],
            Goal.Restricted, Reason: "GPU clusters limited to 64 GPUs, one region, until the register extract is confirmed"),
        new("individual", "Rahul Mehta", "Flat 12, Sea Breeze, Carter Road", "Mumbai", "Maharashtra", "400050", "IN", "rahul.mehta@post.example", "98765 43210",
            "IN", "1993-12-03", false, "Indian passport; declared address in Mumbai", [new("RM-9001", "card", "IN", "5105105105105100", Products: ["VM-GP"])], Goal.Draft, Documentary: false),
        new("entity", "Lion City AI Pte. Ltd.", "1 Raffles Place, #20-01", "Singapore", null, "048616", "SG", "admin@lioncity-ai.example", "6123 4567",
            "SG", "2021-08-20", false, "ACRA business profile",
            [new("LC-1101", "virtualCurrencyWallet", "SG", "0x52908400098527886E0F7030069857D2E4169EE7", "thirdParty", "Merlion Ventures Ltd", ["GPU-B200"])],
            Goal.Escalated, NonDocumentary: true, Reason: "GPU cluster paid in crypto by a third party; beneficial owners unclear"),
        new("entity", "Volga Cloud Services LLC", "ul. Tverskaya 7", "Moscow", null, "125009", "RU", "info@volga-cloud.example", "+7 495 123 45 67",
            "RU", "2014-05-05", false, "Russian EGRUL extract; declared address in Moscow",
            [new("VC-1201", "card", "RU", "2200000000000004")], Goal.Rejected, Reason: "Russian entity requesting compute; identity documents could not be verified independently"),
        new("individual", "Ivan Petrov", "Nevsky Prospekt 28, apt 14", "Saint Petersburg", null, "191186", "RU", "ivan.petrov@post.example", "+7 812 123 45 67",
            "RU", "1985-10-11", false, "Russian passport; declared address in Saint Petersburg",
            [new("IP-1301", "virtualCurrencyWallet", "RU", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")], Goal.Escalated,
            Discrepancy: "Passport transliteration differs from the name given at sign-up (Petrov vs Petroff).", DiscrepancyResolved: false,
            Reason: "Foreign-adversary ties and a crypto wallet: Approver review"),
        new("entity", "Shenzhen Lianhe Computing Co., Ltd.", "Room 1801, Tower A, Shennan Blvd 6008", "Shenzhen", "Guangdong", "518000", "CN", "kyc@lianhe-compute.example", "+86 755 1234 5678",
            "CN", "2017-02-28", false, "Business licence (unified social credit code)",
            [new("SL-1401", "bankAccount", "HK", "HK-004-123456-001", "thirdParty", "Harbour Bridge Trading Ltd", ["GPU-H100"])], Goal.Submitted, NonDocumentary: true),
        new("entity", "Harbour Light Digital Ltd", "18 Harbour Road, Wan Chai", "Hong Kong", null, null, "HK", "ops@harbourlight.example", "2123 4567",
            "HK", "2012-07-07", false, "Hong Kong certificate of incorporation", [new("HL-1501", "card", "HK", "4242424242424242", Products: ["VM-GP", "CDN-EDGE"])], Goal.Closed,
            Reason: "Customer moved its workloads elsewhere"),
        new("individual", "Reza Ahmadi", "Valiasr Street 1450", "Tehran", null, "1968917", "IR", "reza.ahmadi@post.example", "+98 21 1234 5678",
            "IR", "1990-03-21", false, "Iranian passport; declared address in Tehran", [new("RA-1601", "virtualCurrencyWallet", "AE", "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE", "thirdParty", "Gulf Star Exchange LLC")],
            Goal.Rejected, Reason: "Comprehensive sanctions on Iran; account refused"),
        new("entity", "Desert Falcon Technologies FZ-LLC", "Dubai Internet City, Building 9", "Dubai", null, null, "AE", "kyc@desertfalcon.example", "04 312 4567",
            "AE", "2020-10-10", false, "Dubai Development Authority licence", [new("DF-1701", "card", "AE", "4000007840000001", Prepaid: true, Products: ["GPU-B200"])],
            Goal.Restricted, NonDocumentary: true, Reason: "Prepaid card: spend cap USD 2,000, no GPU clusters until a bank account is added"),
        new("entity", "Maple Leaf Render Studios Inc.", "100 King St W", "Toronto", "ON", "M5X 1A9", "CA", "studio@mapleleaf-render.example", "+1 416 555 0199",
            "CA", "2013-04-18", false, "Ontario articles of incorporation", [new("ML-1801", "card", "CA", "4000001240000000", Products: ["GPU-H100", "OBJ-STORE"])], Goal.Verified),
        new("individual", "Lucas Oliveira", "Avenida Paulista 1578, ap. 52", "São Paulo", "SP", "01310-200", "BR", "lucas.oliveira@correio.example", "11 91234 5678",
            "BR", "1996-08-30", false, "Brazilian passport; declared address in São Paulo", [new("LO-1901", "card", "BR", "4000000760000002")], Goal.Verified),
        new("entity", "Amstel Edge B.V.", "Herengracht 420", "Amsterdam", null, "1017 BZ", "NL", "compliance@amstel-edge.example", "020 123 4567",
            "NL", "2010-12-01", false, "KvK register extract", [new("AE-2001", "bankAccount", "NL", "NL91ABNA0417164300", Products: ["K8S-MANAGED", "OBJ-STORE"])], Goal.Submitted,
            SubmittedBy: Lead),
        new("entity", "Han River Semiconductor Co., Ltd.", "29 Teheran-ro, Gangnam-gu", "Seoul", null, "06159", "KR", "cloud@hanriver-semi.example", "02 1234 5678",
            "KR", "2005-05-05", false, "Korean corporate registration", [new("HR-2101", "invoice", "KR", "PO-KR-7781", "parentCompany", "Han River Holdings", ["GPU-B200", "BM-STD"])],
            Goal.Verified, NonDocumentary: true),
        new("individual", "Anna Schmid", "Bahnhofstrasse 45", "Zürich", null, "8001", "CH", "anna.schmid@post.example", "044 668 18 00",
            "CH", "1979-11-23", false, "Swiss identity card", [new("AS-2201", "card", "CH", "4000007560000009")], Goal.Closed, Reason: "Customer request"),
        new("entity", "Anatolia Bulut Hizmetleri A.Ş.", "Büyükdere Cad. 185", "Istanbul", null, "34394", "TR", "kyc@anatolia-bulut.example", "0212 123 45 67",
            "TR", "2016-06-06", false, "Turkish trade registry gazette",
            [new("AB-2301", "virtualCurrencyWallet", "TR", "0x742d35Cc6634C0532925a3b844Bc454e4438f44e", Products: ["GPU-H100"]), new("AB-2302", "card", "TR", "4000007920000007")],
            Goal.Escalated, Reason: "Crypto payments for a GPU cluster"),
        new("entity", "Southern Cross Compute Pty Ltd", "200 George Street", "Sydney", "NSW", "2000", "AU", "ops@southerncross-compute.example", "02 9876 5432",
            "AU", "2014-02-14", false, "ASIC company extract", [new("SC-2401", "card", "AU", "4000000360000006", Products: ["VM-GP"])], Goal.Draft),
        new("entity", "Aegean Ridge Holdings Ltd", "Arch. Makariou III 155", "Limassol", null, "3026", "CY", "office@aegeanridge.example", "22 123456",
            "CY", "2019-09-19", false, "Cyprus registrar certificate",
            [new("AR-2501", "bankAccount", "CY", "CY17002001280000001200527600", "thirdParty", "Baltic Trust Services SIA", ["GPU-B200"])], Goal.Rejected,
            Discrepancy: "Director named on the certificate differs from the signatory.", DiscrepancyResolved: true,
            Reason: "Beneficial ownership could not be established; third-party payer unexplained"),
        // Three customers whose names resemble entries of the demo lists, so the screening seed has hits to show.
        new("entity", "Douran Software Technologies FZE", "Office 1204, Jumeirah Lakes Towers, Cluster X", "Dubai", null, "00000", "AE", "accounts@douran-soft.example",
            "+971 4 332 9900", "AE", "2019-03-14", false, "Dubai Multi Commodities Centre free-zone licence; declared address in Dubai",
            [new("DS-9101", "card", "AE", "4000007840000001", Products: ["GPU-H100"])], Goal.Submitted),
        new("individual", "Mohammad Ghorbanian", "Bagdat Caddesi 214/5", "Istanbul", null, "34728", "TR", "m.ghorbanian@posta.example", "+90 216 344 55 66",
            "TR", "1987-03-09", false, "Iranian passport and Turkish residence permit; declared address in Istanbul",
            [new("MG-9201", "card", "TR", "4000007920000007", Products: ["VM-GP"])], Goal.Submitted),
        new("entity", "KeenCloud Pte. Ltd.", "71 Ayer Rajah Crescent #02-18", "Singapore", null, "139951", "SG", "billing@keencloud.example", "+65 6812 3456",
            "SG", "2021-06-08", false, "ACRA business profile; declared address in Singapore",
            [new("KC-9301", "card", "SG", "4000007020000003", Products: ["K8S-MANAGED"])], Goal.Submitted),
    ];
}
