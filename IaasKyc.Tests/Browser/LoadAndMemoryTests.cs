using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IaasKyc.Portal.Data.Seed;
using IaasKyc.Tests.Support;
using Microsoft.Playwright;

namespace IaasKyc.Tests.Browser;

/// <summary>
/// Issue 10, item 7: API throughput and latency on loopback, and the server's memory per Blazor circuit. ./test.sh runs
/// small, time-bounded settings and reports the figures (never asserted: they depend on the machine); the full settings
/// are environment variables (docs/performance.md). The tests assert only that every request and circuit worked.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LoadAndMemoryTests(PortalServer portal)
{
    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;

    /// <summary>Where the figures go; ./test.sh prints this file at the end.</summary>
    public static string FiguresFile => Path.Combine(Path.GetTempPath(), "iaaskyc-performance.txt");

    private static void Report(string line)
    {
        File.AppendAllText(FiguresFile, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm}Z {line}{Environment.NewLine}");
        TestContext.Current.SendDiagnosticMessage(line);
    }

    [Fact]
    public async Task Api_load_reports_sustained_requests_per_second_and_p95()
    {
        var seconds = Setting("IAASKYC_LOAD_SECONDS", 3);
        var concurrency = Setting("IAASKYC_LOAD_CONCURRENCY", 4);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(portal.BaseUrl) };
        client.DefaultRequestHeaders.Add("X-Api-Key", portal.ApiBootstrapKey);
        var body = """
            {"kind":"entity","name":"Load Test GmbH","address":{"line1":"Friedrichstraße 68","city":"Berlin","postalCode":"10117","country":"DE"},
            "email":"kyc@load.example","phone":"+49 30 1234567","citizenshipOrJurisdiction":"DE","dateOfBirthOrIncorporation":"2015-03-02",
            "accounts":[{"reference":"LOAD-REF","paymentMeans":{"type":"card","issuerCountry":"DE","identifier":"4111111111111111"},"paymentSource":"customer"}]}
            """.Replace("LOAD-REF", "LOAD-" + Guid.NewGuid().ToString("N")[..10], StringComparison.Ordinal);
        using var created = await client.PostAsync("/api/v1/customers", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["id"]!.GetValue<Guid>();

        foreach (var (label, url) in new[] { ("GET /api/v1/customers/{id}", $"/api/v1/customers/{id}"), ("GET /api/v1/screening/search", "/api/v1/screening/search?name=Ivan%20Petrov&limit=10") })
        {
            var (count, failures, p50, p95) = await RunAsync(client, url, concurrency, TimeSpan.FromSeconds(seconds));
            Report($"{label}: {count / (double)seconds:0} requests/s sustained over {seconds} s with {concurrency} concurrent clients; p50 {p50:0.0} ms, p95 {p95:0.0} ms; {failures} failed");
            Assert.True(count > 0 && failures == 0, $"{label}: {failures} of {count} requests failed");
        }
    }

    private static async Task<(int Count, int Failures, double P50, double P95)> RunAsync(HttpClient client, string url, int concurrency, TimeSpan duration)
    {
        var latencies = new List<double>[concurrency];
        var failures = 0;
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = [];
            while (Stopwatch.GetTimestamp() < until)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref failures);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToList();
        return (all.Count, failures, Percentile(all, 0.50), Percentile(all, 0.95));
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>
    /// How long the circuits' portal keeps an idle HTTP/1.1 connection (Kestrel's default is 130 s). A browser opens up to
    /// six while it loads a page and keeps them; the test waits this long to read the circuits without them.
    /// </summary>
    private static readonly TimeSpan IdleConnectionTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Circuits_on_the_customers_page_report_server_memory_per_circuit()
    {
        var circuits = Setting("IAASKYC_CIRCUITS", 20);
        // Another page (e.g. "/customers?status=Draft", fewer rows) separates what the layout costs from what the list costs.
        var path = Environment.GetEnvironmentVariable("IAASKYC_CIRCUIT_PAGE") is { Length: > 0 } other ? other : "/customers";
        var ct = TestContext.Current.CancellationToken;
        // A portal of its own, fresh: the shared one carries what earlier tests left behind (their disconnected circuits,
        // kept three minutes; the API load test's buffers), which is freed while the circuits open and hides their cost.
        // Its idle HTTP connections close after IdleConnectionTimeout instead of Kestrel's 130 s (read below).
        await using var server = new PortalServer(new PortalServerOptions
        {
            LogName = "circuits-portal.log",
            Environment = new Dictionary<string, string?>
            {
                ["Kestrel__Limits__KeepAliveTimeout"] = IdleConnectionTimeout.ToString("c", CultureInfo.InvariantCulture),
            },
        });
        await server.InitializeAsync();
        await using var first = await server.NewContextAsync();
        var firstPage = await first.NewPageAsync();
        await PortalServer.SignInAsync(firstPage, "auditor@iaaskyc.example", UsersDemoSeed.Password);
        await firstPage.GotoAsync(path);
        await PortalServer.WaitForCircuitAsync(firstPage);
        var cookies = await first.CookiesAsync();
        // RSS before the forced collections at both points: they may return memory to the system.
        var before = ResidentKilobytes(server.ProcessId);
        var (heapBefore, baseline) = await SteadyHeapAsync(server, ct);
        await HeapDumpAsync(server, "before", ct);

        var contexts = new List<IBrowserContext>();
        try
        {
            for (var i = 0; i < circuits; i++)
            {
                var context = await server.NewContextAsync();
                contexts.Add(context);
                await context.AddCookiesAsync(cookies.Select(c => new Microsoft.Playwright.Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
                var page = await context.NewPageAsync();
                await page.GotoAsync(path);
                await PortalServer.WaitForCircuitAsync(page);
            }
            await Task.Delay(1000, ct); // let the last renders settle before reading memory
            var after = ResidentKilobytes(server.ProcessId);
            var heapAfter = await ManagedHeap.SettledAsync(server.ProcessId, ct);
            await HeapDumpAsync(server, $"after-{circuits}", ct);
            Report($"{circuits} circuits on {path}: managed heap live after a full GC {heapBefore.LiveBytes / 1048576.0:0.0} MB → {heapAfter.LiveBytes / 1048576.0:0.0} MB, " +
                   $"{(heapAfter.LiveBytes - heapBefore.LiveBytes) / 1024.0 / circuits:0} KB per circuit with each browser's idle HTTP connections; " +
                   $"resident memory {before / 1024.0:0} MB → {after / 1024.0:0} MB, {(after - before) / (double)circuits:0} KB per circuit; " +
                   $"portal GC {PortalGcMode(server)}; load average {LoadAverage()}; heap before the circuits, read every 5 s until steady: {baseline}");

            // Each browser keeps up to six idle HTTP/1.1 connections after loading the page (assets, negotiation); a server
            // closes them after its keep-alive time, and behind a load balancer they end at the balancer. What stays is the
            // circuit and its WebSocket: read again once the portal has closed the idle connections.
            await Task.Delay(IdleConnectionTimeout + TimeSpan.FromSeconds(3), ct);
            var heapIdle = await ManagedHeap.SettledAsync(server.ProcessId, ct);
            await HeapDumpAsync(server, $"idle-{circuits}", ct);
            Report($"{circuits} circuits on {path}, idle HTTP connections closed: managed heap {heapBefore.LiveBytes / 1048576.0:0.0} MB → {heapIdle.LiveBytes / 1048576.0:0.0} MB, " +
                   $"{(heapIdle.LiveBytes - heapBefore.LiveBytes) / 1024.0 / circuits:0} KB per circuit (target ≤ 300 KB); load average {LoadAverage()}");

            // The figure means something only if every circuit is still connected.
            foreach (var context in contexts)
                await Assertions.Expect(context.Pages[0].Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
        }
        finally
        {
            foreach (var context in contexts) await context.DisposeAsync();
        }
        Assert.Equal(circuits, contexts.Count);
    }

    /// <summary>
    /// The live heap once it has stopped shrinking. What the portal's start left behind (the demo seeding's buffers, pools
    /// that trim idle buffers over time, expiring caches) can still be going while the circuits open, and a shrinking
    /// baseline hides what the circuits add: read every 5 s until two readings differ by less than 1 MB, at most for two
    /// minutes.
    /// </summary>
    private static async Task<(ManagedHeap.Reading Heap, string Readings)> SteadyHeapAsync(PortalServer server, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var last = await ManagedHeap.SettledAsync(server.ProcessId, ct);
        var readings = new List<double> { last.LiveBytes / 1048576.0 };
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(2))
        {
            await Task.Delay(5000, ct);
            var next = await ManagedHeap.SettledAsync(server.ProcessId, ct);
            readings.Add(next.LiveBytes / 1048576.0);
            var steady = Math.Abs(next.LiveBytes - last.LiveBytes) < 1 << 20;
            last = next;
            if (steady) break;
        }
        return (last, string.Join(" → ", readings.Select(r => r.ToString("0.0", CultureInfo.InvariantCulture))) + " MB");
    }

    /// <summary>
    /// With IAASKYC_HEAPDUMP set to a command line holding {pid} and {file} (for example
    /// <c>dotnet-gcdump collect -p {pid} -o {file}</c>), runs it before the circuits open, after, and once their idle
    /// HTTP connections have closed, with the file in artifacts/heapdump/: what the circuits hold, type by type
    /// (docs/performance.md).
    /// </summary>
    private static async Task HeapDumpAsync(PortalServer server, string name, CancellationToken ct)
    {
        if (Environment.GetEnvironmentVariable("IAASKYC_HEAPDUMP") is not { Length: > 0 } command) return;
        var file = Path.Combine(Directory.CreateDirectory(Path.Combine(server.RepoRoot, "artifacts", "heapdump")).FullName, name);
        var words = command.Replace("{pid}", server.ProcessId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{file}", file, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        using var dump = Process.Start(words[0], words[1..]);
        await dump.WaitForExitAsync(ct);
    }

    /// <summary>The portal's GC flavour as configured for it: its runtimeconfig.json, unless DOTNET_gcServer overrides it.</summary>
    private static string PortalGcMode(PortalServer server)
    {
        var serverGc = Environment.GetEnvironmentVariable("DOTNET_gcServer") is { Length: > 0 } env
            ? env == "1"
            : File.ReadAllText(Path.Combine(server.PortalBinFolder, "IaasKyc.Portal.runtimeconfig.json")).Contains("\"System.GC.Server\": true", StringComparison.Ordinal);
        return serverGc ? "server" : "workstation";
    }

    private static string LoadAverage() => string.Join(" / ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    /// <summary>VmRSS of a process, from /proc (Linux).</summary>
    private static long ResidentKilobytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
