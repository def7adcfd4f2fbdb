using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using IaasKyc.Domain.Customers;
using IaasKyc.Portal;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Bench;

/// <summary>
/// Issue 3, Performance: with 100,000 customers, the customers list query (filter + sort + page) p95 ≤ 50 ms.
/// Seeds a temporary SQLite file with the real migrations, then measures CustomerQueries.ListAsync for the list page's shapes.
/// </summary>
public static class CustomersBench
{
    private const int Count = 100_000, Warmup = 5, Runs = 50;

    private static readonly string[] FirstNames = ["James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael", "Linda", "David", "Elizabeth",
        "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Carlos", "Maria", "Wei", "Yuki", "Anna", "Lukas", "Sophie",
        "Mohammed", "Fatima", "Raj", "Priya", "Olga", "Ivan", "Chloe", "Liam", "Emma", "Noah", "Olivia", "Hans", "Ingrid", "Pierre", "Camille"];
    private static readonly string[] LastNames = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Schmidt", "Mueller", "Schneider", "Dubois",
        "Rossi", "Tanaka", "Suzuki", "Wang", "Zhang", "Kumar", "Patel", "Ivanov", "Novak", "Kowalski", "Jensen", "Nielsen", "O'Brien", "Murphy", "Silva", "Santos"];
    private static readonly string[] Words = ["Acme", "Blue", "Cedar", "Delta", "Evergreen", "Falcon", "Granite", "Harbor", "Iron", "Juniper", "Keystone",
        "Lumen", "Meridian", "Nimbus", "Orion", "Pioneer", "Quartz", "River", "Summit", "Titan", "Unity", "Vertex", "Willow", "Zenith", "Northwind", "Contoso"];
    private static readonly string[] Trades = ["Cloud", "Data", "Analytics", "Systems", "Labs", "Robotics", "Capital", "Logistics", "Media", "Software", "Networks", "Health"];
    private static readonly string[] Suffixes = ["Inc.", "LLC", "Ltd", "GmbH", "S.A.", "B.V.", "Pte. Ltd.", "K.K.", "Holdings", "Corp."];
    private static readonly string[] MailDomains = ["gmail.com", "outlook.com", "yahoo.com", "proton.me", "icloud.com", "web.de", "gmx.net"];
    private static readonly string[] Officers = ["alice.officer@provider.test", "bob.officer@provider.test", "carol.approver@provider.test",
        "dan.officer@provider.test", "api-key:crm", "api-key:signup"];

    // Skewed like a U.S. provider's book: mostly U.S., then large markets, a long tail, and a few high-risk jurisdictions.
    private static readonly (string Code, int Weight)[] Countries = [("US", 420), ("GB", 70), ("DE", 60), ("CA", 55), ("FR", 40), ("IN", 40), ("NL", 25),
        ("JP", 25), ("AU", 25), ("BR", 20), ("SG", 20), ("ES", 18), ("IT", 18), ("SE", 12), ("CH", 12), ("IE", 12), ("MX", 12), ("KR", 10), ("PL", 10),
        ("IL", 8), ("AE", 8), ("ZA", 8), ("NG", 6), ("AR", 6), ("TR", 6), ("VN", 5), ("HK", 5), ("CN", 4), ("RU", 3), ("UA", 3), ("BY", 1), ("IR", 1), ("KP", 1)];
    private static readonly (CustomerStatus Status, int Weight)[] Statuses = [(CustomerStatus.Verified, 600), (CustomerStatus.Draft, 100),
        (CustomerStatus.Submitted, 80), (CustomerStatus.Restricted, 50), (CustomerStatus.Escalated, 20), (CustomerStatus.Rejected, 50), (CustomerStatus.Closed, 100)];
    private static readonly (RiskLevel Risk, int Weight)[] Risks = [(RiskLevel.Low, 650), (RiskLevel.Medium, 250), (RiskLevel.High, 90), (RiskLevel.Prohibited, 10)];

    public static async Task<int> RunAsync()
    {
        var folder = Directory.CreateTempSubdirectory("iaaskyc-bench-").FullName;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "bench.db"), Pooling = true }.ToString();
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        services.AddSingleton(new FieldCipher(RandomNumberGenerator.GetBytes(32)));
        var recorder = new SqlRecorder();
        services.AddPortalData(o => o.UseSqlite(connectionString).AddInterceptors(recorder));
        services.AddPortalFeatures();
        await using var provider = services.BuildServiceProvider();
        try
        {
            Console.WriteLine(Measure.Machine());
            Console.WriteLine($"Database: {connectionString}");
            await using (var scope = provider.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                await db.Database.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
            await SeedAsync(connectionString);
            await ListAsync(provider);
            await PlansAsync(provider, recorder, connectionString);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static T Pick<T>(Random random, (T Value, int Weight)[] weighted)
    {
        var n = random.Next(weighted.Sum(w => w.Weight));
        foreach (var (value, weight) in weighted)
        {
            if ((n -= weight) < 0) return value;
        }
        return weighted[^1].Value;
    }

    internal static async Task SeedAsync(string connectionString)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        string[] columns = ["Id", "Kind", "LegalName", "AddressLine1", "City", "PostalCode", "Country", "Email", "Phone", "DateOfBirthOrIncorporation",
            "CitizenshipOrJurisdiction", "NoticeGivenOn", "NoticeVersion", "UsPerson", "DeterminationBasis", "Status", "SubmittedBy", "SubmittedAtUtc",
            "DecidedBy", "DecidedAtUtc", "ComputedRisk", "RiskScore", "ReverifyDue", "ClosedAtUtc", "IntakeStep", "CreatedBy", "CreatedAtUtc",
            "UpdatedAtUtc", "Version"];
        insert.CommandText = $"INSERT INTO Customers ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
        var p = columns.ToDictionary(c => c, c => insert.Parameters.Add("$" + c, SqliteType.Text));
        insert.Prepare();

        // EF Core on SQLite keeps a Guid as upper-case text, a DateTime as "yyyy-MM-dd HH:mm:ss.FFFFFFF", a DateOnly as "yyyy-MM-dd", a bool as 0/1.
        static string Time(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        static string Day(DateTime t) => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        static object Db(object? value) => value ?? DBNull.Value;
        var random = new Random(42);
        var end = DateTime.UtcNow;
        var start = end.AddYears(-3);
        var span = (end - start).TotalSeconds;
        for (var i = 0; i < Count; i++)
        {
            var individual = random.Next(10) < 7;
            var first = FirstNames[random.Next(FirstNames.Length)];
            var last = LastNames[random.Next(LastNames.Length)];
            var name = individual ? $"{first} {last}"
                : $"{Words[random.Next(Words.Length)]} {Trades[random.Next(Trades.Length)]} {Suffixes[random.Next(Suffixes.Length)]}";
            var local = individual ? $"{first}.{last}".Replace("'", "", StringComparison.Ordinal).ToLowerInvariant() : name.Split(' ')[0].ToLowerInvariant();
            var email = individual
                ? $"{local}{random.Next(1000)}@{MailDomains[random.Next(MailDomains.Length)]}"
                : $"compliance{random.Next(1000)}@{local}{random.Next(100)}.example";
            var country = Pick(random, Countries);
            var status = Pick(random, Statuses);
            var risk = country is "IR" or "KP" or "BY" ? RiskLevel.Prohibited : Pick(random, Risks);
            var created = start.AddSeconds(random.NextDouble() * span);
            var updated = created.AddSeconds(random.NextDouble() * (end - created).TotalSeconds);
            var submitted = status != CustomerStatus.Draft ? created.AddSeconds(random.NextDouble() * (updated - created).TotalSeconds) : (DateTime?)null;
            var decided = status is CustomerStatus.Verified or CustomerStatus.Rejected or CustomerStatus.Closed ? updated : (DateTime?)null;
            var determined = status != CustomerStatus.Draft || random.Next(2) == 0;
            var officer = Officers[random.Next(Officers.Length)];

            p["Id"].Value = Guid.NewGuid().ToString().ToUpperInvariant();
            p["Kind"].Value = individual ? nameof(CustomerKind.Individual) : nameof(CustomerKind.Entity);
            p["LegalName"].Value = name;
            p["AddressLine1"].Value = $"{random.Next(1, 9999)} {Words[random.Next(Words.Length)]} Street";
            p["City"].Value = $"{Words[random.Next(Words.Length)]}ville";
            p["PostalCode"].Value = random.Next(10000, 99999).ToString(CultureInfo.InvariantCulture);
            p["Country"].Value = country;
            p["Email"].Value = email;
            p["Phone"].Value = $"+1{random.Next(200, 999)}555{random.Next(1000, 9999)}";
            p["DateOfBirthOrIncorporation"].Value = Day(new DateTime(1950, 1, 1).AddDays(random.Next(25_000)));
            p["CitizenshipOrJurisdiction"].Value = country;
            p["NoticeGivenOn"].Value = Day(created);
            p["NoticeVersion"].Value = "CIP-1";
            p["UsPerson"].Value = determined ? (country == "US" && random.Next(20) != 0 ? 1 : 0) : DBNull.Value;
            p["DeterminationBasis"].Value = Db(determined ? (country == "US" ? "U.S. address and citizenship" : "Foreign address and citizenship") : null);
            p["Status"].Value = status.ToString();
            p["SubmittedBy"].Value = Db(submitted is null ? null : officer);
            p["SubmittedAtUtc"].Value = Db(submitted is { } s ? Time(s) : null);
            p["DecidedBy"].Value = Db(decided is null ? null : "carol.approver@provider.test");
            p["DecidedAtUtc"].Value = Db(decided is { } d ? Time(d) : null);
            p["ComputedRisk"].Value = risk.ToString();
            p["RiskScore"].Value = (int)risk * 25 + random.Next(25);
            p["ReverifyDue"].Value = Db(status == CustomerStatus.Verified ? Day(updated.AddYears(risk == RiskLevel.High ? 1 : 3)) : null);
            p["ClosedAtUtc"].Value = Db(status == CustomerStatus.Closed ? Time(updated) : null);
            p["IntakeStep"].Value = status == CustomerStatus.Draft ? random.Next(5) : 5;
            p["CreatedBy"].Value = officer;
            p["CreatedAtUtc"].Value = Time(created);
            p["UpdatedAtUtc"].Value = Time(updated);
            p["Version"].Value = Guid.NewGuid().ToString().ToUpperInvariant();
            await insert.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE;";
        await analyze.ExecuteNonQueryAsync();
        Console.WriteLine($"Seeded {Count:N0} customers in {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static readonly string[] NameFragments = ["mill", "schmidt", "garcia", "holdings", "zenith", "priya"];
    private static readonly string[] EmailFragments = ["gmail", "john.smith", "compliance12", "web.de", "yuki.tanaka4"];

    /// <summary>The list page's query shapes; the text searches vary the fragment from run to run.</summary>
    private static readonly (string Name, Func<int, CustomerQuery> Query)[] Shapes =
    [
        ("no filter, updated desc (the page's default)", _ => new CustomerQuery()),
        ("status Submitted", _ => new CustomerQuery(Status: CustomerStatus.Submitted)),
        ("status Verified, sorted by name", _ => new CustomerQuery(Status: CustomerStatus.Verified, Sort: "name", Descending: false)),
        ("risk High", _ => new CustomerQuery(Risk: RiskLevel.High)),
        ("country DE", _ => new CustomerQuery(Country: "de")),
        ("foreign only (UsPerson false)", _ => new CustomerQuery(UsPerson: false)),
        ("text: name fragment", run => new CustomerQuery(Text: NameFragments[run % NameFragments.Length])),
        ("text: email fragment", run => new CustomerQuery(Text: EmailFragments[run % EmailFragments.Length])),
        ("text: no match", _ => new CustomerQuery(Text: "zzqx")),
        ("sort by name asc", _ => new CustomerQuery(Sort: "name", Descending: false)),
        ("sort by name desc", _ => new CustomerQuery(Sort: "name", Descending: true)),
        ("sort by risk desc", _ => new CustomerQuery(Sort: "risk", Descending: true)),
        ("sort by status asc", _ => new CustomerQuery(Sort: "status", Descending: false)),
        ("sort by country asc", _ => new CustomerQuery(Sort: "country", Descending: false)),
        ("status Verified + country GB, sorted by name", _ => new CustomerQuery(Status: CustomerStatus.Verified, Country: "GB", Sort: "name", Descending: false)),
        ("risk Medium + foreign, sorted by updated", _ => new CustomerQuery(Risk: RiskLevel.Medium, UsPerson: false)),
        ("deep page (skip 5,000)", _ => new CustomerQuery(Skip: 5_000)),
        ("page size 100", _ => new CustomerQuery(Take: 100)),
    ];

    private static async Task ListAsync(ServiceProvider provider)
    {
        var queries = provider.GetRequiredService<CustomerQueries>();
        var all = new List<double>();
        Console.WriteLine($"CustomerQueries.ListAsync (count + page), {Warmup} warm-up and {Runs} measured runs per shape:");
        foreach (var (name, shape) in Shapes)
        {
            var total = 0;
            var times = await Measure.RepeatAsync(Warmup, Runs, async run =>
            {
                var page = await queries.ListAsync(shape(run));
                total = page.Total;
            });
            all.AddRange(times);
            Console.WriteLine($"  {name,-48} {Measure.Describe(times)}  (total {total:N0})");
        }
        var sorted = all.Order().ToArray();
        Console.WriteLine($"  {"all shapes",-48} {Measure.Describe(sorted)}  [target p95 <= 50 ms]");
    }

    /// <summary>EXPLAIN QUERY PLAN of the SQL EF Core sends for each shape (the count, then the page).</summary>
    private static async Task PlansAsync(ServiceProvider provider, SqlRecorder recorder, string connectionString)
    {
        var queries = provider.GetRequiredService<CustomerQueries>();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        foreach (var (name, shape) in Shapes)
        {
            recorder.Commands.Clear();
            recorder.Enabled = true;
            await queries.ListAsync(shape(0));
            recorder.Enabled = false;
            Console.WriteLine($"Plan: {name}");
            foreach (var (sql, parameters) in recorder.Commands)
            {
                await using var plan = connection.CreateCommand();
                plan.CommandText = "EXPLAIN QUERY PLAN " + sql;
                foreach (var (parameter, value) in parameters) plan.Parameters.AddWithValue(parameter, value);
                await using var reader = await plan.ExecuteReaderAsync();
                while (await reader.ReadAsync()) Console.WriteLine($"  {reader.GetString(3)}");
            }
        }
        Console.WriteLine("SQL of the last shape:");
        foreach (var (sql, _) in recorder.Commands) Console.WriteLine(sql);
    }
}

/// <summary>Keeps the text and parameters of the commands EF Core runs while enabled.</summary>
internal sealed class SqlRecorder : DbCommandInterceptor
{
    public bool Enabled { get; set; }
    public List<(string Sql, List<(string Name, object Value)> Parameters)> Commands { get; } = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (Enabled) Commands.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value))]));
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        if (Enabled) Commands.Add((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value ?? DBNull.Value))]));
        return ValueTask.FromResult(result);
    }
}
