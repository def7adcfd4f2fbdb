using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using IaasKyc.Domain.Customers;
using IaasKyc.Portal;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.AccessEvents;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Bench;

/// <summary>
/// Issue 3, Performance: with 1,000,000 IP access records, a lookup by address on one account ≤ 20 ms, and ingesting
/// 10,000 events ≤ 2 s. Seeds a temporary SQLite file with the real migrations, then measures through AccessEventService.
/// </summary>
public static class AccessBench
{
    private const int Customers = 40, AccountsPerCustomer = 50, Events = 1_000_000, AddressesPerAccount = 40;

    public static async Task<int> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("iaaskyc-bench-").FullName;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "bench.db"), Pooling = true }.ToString();
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        services.AddSingleton(new FieldCipher(RandomNumberGenerator.GetBytes(32)));
        services.AddPortalData(o => o.UseSqlite(connectionString));
        services.AddPortalFeatures();
        await using var provider = services.BuildServiceProvider();
        try
        {
            Console.WriteLine(Measure.Machine());
            Console.WriteLine($"Database: {connectionString}");
            var accounts = await SeedAccountsAsync(provider);
            await SeedEventsAsync(connectionString, accounts);
            await LookupAsync(provider, connectionString, accounts);
            await IngestAsync(provider, accounts);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<(Guid Id, string Reference)>> SeedAccountsAsync(ServiceProvider provider)
    {
        var clock = Stopwatch.StartNew();
        await using (var scope = provider.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AuditActor>().Use("bench");
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            await db.Database.MigrateAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            var customers = scope.ServiceProvider.GetRequiredService<CustomerService>();
            for (var c = 0; c < Customers; c++)
            {
                var input = new IntakeInput("entity", $"Bench Customer {c}", null, null, "DE",
                    new AddressInput("Friedrichstrasse 1", null, "Berlin", null, "10117", "DE"), $"bench{c}@example.test", "+49 30 1234567", null,
                    [.. Enumerable.Range(0, AccountsPerCustomer).Select(a => new AccountInput($"BENCH-{c:000}-{a:000}",
                        new PaymentMeansInput("card", "DE", "4111111111111111"), "customer", null))]);
                var outcome = await customers.CreateAsync(input);
                if (!outcome.Ok) throw new InvalidOperationException(outcome.Message);
            }
        }
        await using var read = provider.CreateAsyncScope();
        var accounts = await read.ServiceProvider.GetRequiredService<PortalDbContext>().Accounts.OrderBy(a => a.Reference)
            .Select(a => new { a.Id, a.Reference }).ToListAsync();
        Console.WriteLine($"Seeded {Customers} customers with {accounts.Count:N0} accounts in {clock.Elapsed.TotalSeconds:0.0} s");
        return [.. accounts.Select(a => (a.Id, a.Reference))];
    }

    /// <summary>Each account's addresses: a deterministic mix of IPv4 (three in four) and IPv6.</summary>
    internal static string Address(int account, int n) => n % 4 == 3
        ? $"2001:db8:{account:x}:{n:x}::{n + 1:x}"
        : $"{10 + (account % 200)}.{account / 200 % 256}.{n % 256}.{(n * 7 + 1) % 256}";

    private static async Task SeedEventsAsync(string connectionString, List<(Guid Id, string Reference)> accounts)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO AccessEvents (AccountId, Ip, IpBytes, AtUtc, Kind) VALUES ($account, $ip, $bytes, $at, $kind)";
        var pAccount = insert.Parameters.Add("$account", SqliteType.Text);
        var pIp = insert.Parameters.Add("$ip", SqliteType.Text);
        var pBytes = insert.Parameters.Add("$bytes", SqliteType.Blob);
        var pAt = insert.Parameters.Add("$at", SqliteType.Text);
        var pKind = insert.Parameters.Add("$kind", SqliteType.Text);
        insert.Prepare();
        var random = new Random(42);
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var span = (DateTime.UtcNow.AddDays(-1) - start).TotalSeconds;
        for (var i = 0; i < Events; i++)
        {
            var a = i % accounts.Count;
            var ip = IPAddress.Parse(Address(a, random.Next(AddressesPerAccount)));
            // EF Core on SQLite keeps a Guid as upper-case text and a DateTime as "yyyy-MM-dd HH:mm:ss.FFFFFFF".
            pAccount.Value = accounts[a].Id.ToString().ToUpperInvariant();
            pIp.Value = ip.ToString();
            pBytes.Value = IpAddresses.ToBytes(ip);
            pAt.Value = start.AddSeconds(random.NextDouble() * span).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            pKind.Value = random.Next(10) == 0 ? nameof(AccessKind.Administration) : nameof(AccessKind.Access);
            await insert.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        await analyze.ExecuteNonQueryAsync();
        Console.WriteLine($"Seeded {Events:N0} access events in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task LookupAsync(ServiceProvider provider, string connectionString, List<(Guid Id, string Reference)> accounts)
    {
        await using var scope = provider.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<AccessEventService>();
        var random = new Random(7);
        var total = 0L;

        async Task Lookup(Func<int, string> address)
        {
            var a = random.Next(accounts.Count);
            var page = await service.SearchAsync(accounts[a].Id, address(a), null, null, 0, 50);
            if (page.Findings.Count > 0 || page.Total == 0) throw new InvalidOperationException($"Lookup on {accounts[a].Reference} found nothing.");
            total += page.Total;
        }

        var exact = await Measure.RepeatAsync(20, 200, _ => Lookup(a => Address(a, random.Next(AddressesPerAccount))));
        Console.WriteLine($"IP lookup by address on one account (count + first page of 50): {Measure.Describe(exact)}  [target <= 20 ms]");
        var block = await Measure.RepeatAsync(20, 200, _ => Lookup(a => Address(a, 0) + "/24"));
        Console.WriteLine($"IP lookup by IPv4 /24 on one account (count + first page of 50):  {Measure.Describe(block)}");
        var v6 = await Measure.RepeatAsync(20, 200, _ => Lookup(a => $"2001:db8:{a:x}::/48"));
        Console.WriteLine($"IP lookup by IPv6 /48 on one account (count + first page of 50):  {Measure.Describe(v6)}");
        var summary = await Measure.RepeatAsync(20, 200, async _ => await service.SummaryAsync(accounts[random.Next(accounts.Count)].Id));
        Console.WriteLine($"Account summary (count, first, last, distinct addresses):      {Measure.Describe(summary)}");
        Console.WriteLine($"(rows matched in total: {total:N0})");

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var plan = connection.CreateCommand();
        plan.CommandText = "EXPLAIN QUERY PLAN SELECT * FROM (SELECT * FROM AccessEvents WHERE IpBytes >= $l AND IpBytes <= $h) AS a WHERE a.AccountId = $id ORDER BY a.AtUtc DESC LIMIT 50";
        IpAddresses.TryParseRange(Address(0, 0), out var low, out var high);
        plan.Parameters.AddWithValue("$l", low);
        plan.Parameters.AddWithValue("$h", high);
        plan.Parameters.AddWithValue("$id", accounts[0].Id.ToString().ToUpperInvariant());
        await using var reader = await plan.ExecuteReaderAsync();
        while (await reader.ReadAsync()) Console.WriteLine($"  plan: {reader.GetString(3)}");
    }

    private static async Task IngestAsync(ServiceProvider provider, List<(Guid Id, string Reference)> accounts)
    {
        var now = DateTime.UtcNow;
        List<AccessEventInput> Batch(int run, int size) => [.. Enumerable.Range(0, size).Select(i => new AccessEventInput(
            Address(run, i % AddressesPerAccount), now.AddSeconds(-(i + 1)).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            i % 10 == 0 ? "administration" : "access"))];

        var times = await Measure.RepeatAsync(1, 5, async run =>
        {
            var rows = Batch(run, 10_000);
            await using var scope = provider.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AuditActor>().Use("bench");
            var result = await scope.ServiceProvider.GetRequiredService<AccessEventService>().IngestAsync(accounts[run].Reference, rows);
            if (result.Stored != 10_000) throw new InvalidOperationException("Ingest stored " + result.Stored);
        });
        Console.WriteLine($"Ingest of 10,000 events through AccessEventService.IngestAsync (validate, one SaveChanges, one audit entry): {Measure.Describe(times)}  [target <= 2000 ms]");
    }
}
