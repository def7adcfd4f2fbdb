using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using IaasKyc.Domain.Customers;
using IaasKyc.Portal;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Bench;

/// <summary>
/// Issue 3, Performance: ingesting 10,000 access events through the API ≤ 2 s. Starts the built portal as a child process
/// on a loopback port (Production environment, temporary SQLite file) and times
/// <c>POST /api/v1/accounts/{reference}/access-events</c> over real HTTP, JSON binding and API key included.
/// </summary>
public static class ApiIngestBench
{
    private const int Batch = 10_000, Warmup = 10, Runs = 10;
    private const string Reference = "BENCH-HTTP-001";

    public static async Task<int> RunAsync()
    {
        var root = RepositoryRoot();
        var portal = Path.Combine(root, "IaasKyc.Portal", "bin", "Release", "net10.0", "IaasKyc.Portal.dll");
        if (!File.Exists(portal))
        {
            Console.WriteLine($"Build the portal first (dotnet build IaasKyc.sln -c Release): {portal} is missing.");
            return 1;
        }
        var folder = Directory.CreateTempSubdirectory("iaaskyc-bench-").FullName;
        var database = Path.Combine(folder, "bench.db");
        var masterKeyFile = Path.Combine(folder, "keys", "master.key");
        Process? child = null;
        try
        {
            Console.WriteLine(Measure.Machine());
            // The portal reads the same master key file, so the account's encrypted payment identifier stays readable.
            var masterKey = RandomNumberGenerator.GetBytes(32);
            Directory.CreateDirectory(Path.GetDirectoryName(masterKeyFile)!);
            await File.WriteAllTextAsync(masterKeyFile, Convert.ToBase64String(masterKey));
            await SeedCustomerAsync(database, masterKey);

            var port = FreePort();
            var apiKey = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in (string[])[portal, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", Path.Combine(root, "IaasKyc.Portal")])
                start.ArgumentList.Add(arg);
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["ConnectionStrings__Portal"] = $"Data Source={database}";
            start.Environment["Security__KeysPath"] = Path.Combine(folder, "keys", "dataprotection");
            start.Environment["Security__MasterKeyFile"] = masterKeyFile;
            start.Environment["Storage__UploadsPath"] = Path.Combine(folder, "uploads");
            start.Environment["Mail__PickupFolder"] = Path.Combine(folder, "mail");
            start.Environment["Demo__Seed"] = "false";
            start.Environment["Api__BootstrapKey"] = apiKey;
            start.Environment["RateLimits__ApiPerMinute"] = "100000";
            child = Process.Start(start) ?? throw new InvalidOperationException("Could not start the portal.");
            var log = new List<string>();
            child.OutputDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.Add(line); };
            child.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (log) log.Add(line); };
            child.BeginOutputReadLine();
            child.BeginErrorReadLine();
            Console.WriteLine($"Portal: PID {child.Id}, http://127.0.0.1:{port}");

            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, apiKey);
            if (!await WaitUntilHealthyAsync(http, child))
            {
                lock (log) Console.WriteLine(string.Join(Environment.NewLine, log.TakeLast(40)));
                return 1;
            }

            var times = await Measure.RepeatAsync(Warmup, Runs, async run =>
            {
                using var body = new ByteArrayContent(Body(run));
                body.Headers.ContentType = new("application/json");
                using var response = await http.PostAsync($"/api/v1/accounts/{Reference}/access-events", body);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.Accepted || JsonDocument.Parse(text).RootElement.GetProperty("stored").GetInt32() != Batch)
                    throw new InvalidOperationException($"Run {run}: {(int)response.StatusCode} {text}");
            });
            Console.WriteLine($"POST /api/v1/accounts/{{reference}}/access-events with {Batch:N0} entries over HTTP, {Warmup} warm-up and {Runs} measured calls:");
            Console.WriteLine($"  p50 {Measure.Percentile(times, 50):0} ms, max {times[^1]:0} ms (all: {string.Join(", ", times.Select(t => t.ToString("0", CultureInfo.InvariantCulture)))})  [target <= 2000 ms]");
            return 0;
        }
        finally
        {
            if (child is not null)
            {
                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                    await child.WaitForExitAsync();
                }
                Console.WriteLine($"Portal PID {child.Id} stopped.");
                child.Dispose();
            }
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Applies the migrations and creates one customer with one account through CustomerService (there is no customers endpoint).</summary>
    private static async Task SeedCustomerAsync(string database, byte[] masterKey)
    {
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        services.AddSingleton(new FieldCipher(masterKey));
        services.AddPortalData(o => o.UseSqlite($"Data Source={database}"));
        services.AddPortalFeatures();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Use("bench");
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var input = new IntakeInput("entity", "Bench HTTP Customer", null, null, "DE",
            new AddressInput("Friedrichstrasse 1", null, "Berlin", null, "10117", "DE"), "bench-http@example.test", "+49 30 1234567", null,
            [new AccountInput(Reference, new PaymentMeansInput("card", "DE", "4111111111111111"), "customer", null)]);
        var outcome = await scope.ServiceProvider.GetRequiredService<CustomerService>().CreateAsync(input);
        if (!outcome.Ok) throw new InvalidOperationException(outcome.Message);
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The JSON body of one call: 10,000 entries in the past hour, one in ten an administration, IPv4 and IPv6.</summary>
    private static byte[] Body(int run)
    {
        var now = DateTime.UtcNow;
        var rows = Enumerable.Range(0, Batch).Select(i => new
        {
            ip = AccessBench.Address(run, i % 40),
            at = now.AddMilliseconds(-(i + 1) * 300).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            kind = i % 10 == 0 ? "administration" : "access",
        });
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(rows));
    }

    private static async Task<bool> WaitUntilHealthyAsync(HttpClient http, Process child)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && !child.HasExited)
        {
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    Console.WriteLine($"Portal healthy after {clock.Elapsed.TotalSeconds:0.0} s");
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        Console.WriteLine(child.HasExited ? $"The portal exited with code {child.ExitCode}." : "The portal did not become healthy within 60 s.");
        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IaasKyc.sln"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
