using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using IaasKyc.Domain.Certifications;
using IaasKyc.Portal;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Certifications;
using IaasKyc.Portal.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Bench;

/// <summary>
/// Issue 8, Performance: the annual certification for 100,000 customers computes in ≤ 2 s. Seeds a temporary SQLite file (real
/// migrations) with 100,000 customers, their status histories (some refused, some refused then verified or closed), about 130,000
/// accounts (some closed) and the beneficial owners of foreign entities, then times CertificationFiguresQuery.ComputeAsync as of
/// today for the annual certification's period (since a year ago), and the whole draft (compute, serialise, save with its audit entry).
/// </summary>
public static class CertificationBench
{
    private const int Count = 100_000, Warmup = 2, Runs = 10;

    private static readonly (string Code, int Weight)[] Countries = [("US", 420), ("GB", 70), ("DE", 60), ("CA", 55), ("FR", 40), ("IN", 40), ("NL", 25),
        ("JP", 25), ("AU", 25), ("BR", 20), ("SG", 20), ("ES", 18), ("IT", 18), ("SE", 12), ("CH", 12), ("IE", 12), ("MX", 12), ("KR", 10), ("PL", 10),
        ("IL", 8), ("AE", 8), ("ZA", 8), ("NG", 6), ("AR", 6), ("TR", 6), ("VN", 5), ("HK", 5), ("CN", 4), ("RU", 3), ("UA", 3)];

    public static async Task<int> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("iaaskyc-bench-").FullName;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "bench.db"), Pooling = true }.ToString();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        services.AddSingleton(new FieldCipher(RandomNumberGenerator.GetBytes(32)));
        services.AddPortalData(o => o.UseSqlite(connectionString));
        services.AddPortalFeatures();
        await using var provider = services.BuildServiceProvider();
        try
        {
            Console.WriteLine(Measure.Machine());
            await using (var scope = provider.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                await db.Database.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
            var (accounts, changes, owners) = await SeedAsync(connectionString);
            Console.WriteLine($"Data: {Count:N0} customers, {accounts:N0} accounts, {changes:N0} status changes, {owners:N0} beneficial-owner profiles");

            await using var run = provider.CreateAsyncScope();
            run.ServiceProvider.GetRequiredService<AuditActor>().Use("bench");
            var time = run.ServiceProvider.GetRequiredService<PortalTime>();
            var query = run.ServiceProvider.GetRequiredService<CertificationFiguresQuery>();
            var today = time.Today;
            CertificationFigures? figures = null;
            // CPU time as well as wall time: on a shared machine the wall time mostly measures the queue for a core.
            var cpu = new List<double>();
            var times = await Measure.RepeatAsync(Warmup, Runs, async _ =>
            {
                var before = Process.GetCurrentProcess().TotalProcessorTime;
                figures = await query.ComputeAsync(today, today.AddYears(-1));
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds);
            });
            Console.WriteLine($"Annual certification figures (ComputeAsync), wall: {Measure.Describe(times)}");
            Console.WriteLine($"  CPU time of the process per run: {Measure.Describe([.. cpu.Skip(Warmup).Order()])}");
            Console.WriteLine($"  {figures!.Customers:N0} customers in {figures.CustomersByCountry.Count} countries, {figures.Accounts:N0} open accounts, " +
                $"{figures.ForeignOwners:N0} foreign beneficial owners, {figures.ForeignAccountsNotVerified:N0} foreign accounts not verified, " +
                $"{figures.FailedVerifications.Count:N0} failed verifications in the year");

            var service = run.ServiceProvider.GetRequiredService<CertificationService>();
            var initial = await service.DraftAsync(CertificationKind.Initial, today.AddYears(-1), null);
            await using (var db = await run.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
                await db.Database.ExecuteSqlRawAsync("UPDATE Certifications SET State = 'Signed', SignedBy = 'approver', SignerName = 'A', SignerTitle = 'B'");
            var clock = Stopwatch.StartNew();
            var annual = await service.DraftAsync(CertificationKind.Annual, today, null);
            Console.WriteLine($"Annual certification draft (compute, serialise, save, audit): {clock.Elapsed.TotalMilliseconds:0} ms " +
                $"({(annual.Ok && initial.Ok ? "drafted" : annual.Message + initial.Message)})");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Pick(Random random)
    {
        var n = random.Next(Countries.Sum(w => w.Weight));
        foreach (var (code, weight) in Countries)
        {
            if ((n -= weight) < 0) return code;
        }
        return "US";
    }

    private static async Task<(int Accounts, int Changes, int Owners)> SeedAsync(string connectionString)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var customer = Command(connection, tx, "Customers", ["Id", "Kind", "LegalName", "Country", "UsPerson", "Status", "ComputedRisk", "RiskScore", "IntakeStep",
            "CreatedBy", "CreatedAtUtc", "UpdatedAtUtc", "ClosedAtUtc", "Version"]);
        var account = Command(connection, tx, "Accounts", ["Id", "CustomerId", "Reference", "PaymentMeans", "Prepaid", "IssuerCountry", "PaymentIdentifierEncrypted",
            "PaymentIdentifierMasked", "PaymentSource", "OpenedAtUtc", "ClosedAtUtc", "ProductCodes"]);
        var change = Command(connection, tx, "StatusChanges", ["Id", "CustomerId", "From", "To", "By", "AtUtc", "Note"]);
        var structure = Command(connection, tx, "OwnershipStructures", ["CustomerId", "NodesJson", "EdgesJson", "UpdatedAtUtc", "UpdatedBy", "Version"]);
        var owner = Command(connection, tx, "OwnerProfiles", ["CustomerId", "NodeKey", "Country", "UsPerson", "UpdatedBy", "UpdatedAtUtc", "Version"]);

        static string Time(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        static string Id() => Guid.NewGuid().ToString().ToUpperInvariant();
        var random = new Random(8);
        var end = DateTime.UtcNow.AddHours(-1);
        var start = end.AddYears(-3);
        int accounts = 0, changes = 0, owners = 0;
        for (var i = 0; i < Count; i++)
        {
            var id = Id();
            var country = Pick(random);
            var foreign = country != "US" || random.Next(20) == 0;
            var created = start.AddSeconds(random.NextDouble() * (end - start).TotalSeconds);
            var at = created;
            var history = new List<(string? From, string To, DateTime At, string Note)> { (null, "Draft", at, "Intake started") };
            void Move(string to, string note)
            {
                at = at.AddSeconds(random.NextDouble() * Math.Max(60, (end - at).TotalSeconds) / 4);
                history.Add((history[^1].To, to, at, note));
            }
            var path = random.Next(100);
            if (path >= 8) Move("Submitted", "Submitted for verification");
            if (path >= 8 && path < 14) Move("Rejected", "Rejected: document could not be verified");
            if (path >= 10 && path < 13) { Move("Submitted", "Submitted for verification"); Move("Verified", "Verified"); }
            else if (path == 13) Move("Closed", "Closed: refused customer");
            else if (path >= 14 && path < 20) Move("Restricted", "Pending verification, restricted use: read-only");
            else if (path >= 20 && path < 23) Move("Escalated", "Escalated: ownership unclear");
            else if (path >= 23) Move("Verified", "Verified");
            if (path >= 90) Move("Closed", "Closed: left");
            DateTime? closed = history[^1].To == "Closed" ? history[^1].At : null;

            Set(customer, id, random.Next(4) == 0 ? "Entity" : "Individual", $"Customer {i}", country, foreign ? 0 : 1, history[^1].To, "Low", 10, 5,
                "bench", Time(created), Time(at), closed is { } c ? Time(c) : null, Id());
            await customer.ExecuteNonQueryAsync();
            foreach (var h in history)
            {
                Set(change, Id(), id, h.From, h.To, "bench", Time(h.At), h.Note);
                await change.ExecuteNonQueryAsync();
                changes++;
            }
            for (var a = random.Next(10) < 7 ? 1 : 2; a > 0; a--)
            {
                var opened = created.AddSeconds(random.NextDouble() * 3600 * 24);
                DateTime? accountClosed = closed ?? (random.Next(15) == 0 ? opened.AddDays(random.Next(1, 300)) : null);
                Set(account, Id(), id, $"ACC-{i}-{a}", "Card", 0, country, "enc", "****4242", "Customer", Time(opened),
                    accountClosed is { } ac ? Time(ac) : null, "[]");
                await account.ExecuteNonQueryAsync();
                accounts++;
            }
            if (foreign && random.Next(5) == 0)
            {
                var keys = Enumerable.Range(0, random.Next(1, 4)).Select(k => $"p{k}").ToList();
                Set(structure, id, "[" + string.Join(",", keys.Select(k => $$"""{"key":"{{k}}","kind":"individual","name":"Owner {{k}}"}""")) + "]", "[]",
                    Time(created), "bench", Id());
                await structure.ExecuteNonQueryAsync();
                foreach (var k in keys)
                {
                    Set(owner, id, k, random.Next(3) == 0 ? "US" : Pick(random), random.Next(3) == 0 ? 1 : 0, "bench", Time(created), Id());
                    await owner.ExecuteNonQueryAsync();
                    owners++;
                }
            }
        }
        await tx.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        await analyze.ExecuteNonQueryAsync();
        Console.WriteLine($"Seeded in {clock.Elapsed.TotalSeconds:0.0} s");
        return (accounts, changes, owners);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction tx, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
        foreach (var c in columns) command.Parameters.Add("$" + c, SqliteType.Text);
        command.Prepare();
        return command;
    }

    private static void Set(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i] ?? DBNull.Value;
    }
}
