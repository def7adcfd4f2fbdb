using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Playwright;

namespace IaasKyc.Tests.Support;

/// <summary>
/// The real portal, started once per test run as a separate process on a free loopback port, with every data path in
/// a fresh temporary folder, plus one headless Debian Chromium driven by Playwright. Each browser test takes a fresh
/// <see cref="IBrowserContext"/> (own cookies) from <see cref="NewContextAsync"/>.
/// Other tests start it with <see cref="PortalServerOptions"/>: extra environment (another database provider, a shared
/// master key, demo data off) and no browser when they only speak HTTP; see <see cref="PortalServerOptions.Postgres"/>.
/// </summary>
public sealed class PortalServer : IAsyncLifetime
{
    /// <summary>An Admin of the tests' own, created from configuration: the lockout test locks it, never a demo user.</summary>
    public const string LockoutVictimEmail = "lockout-victim@iaaskyc.test";
    public const string LockoutVictimPassword = "Victim-Pass-2026!";

    /// <summary>How long an action or an assertion may wait: generous, because this machine has two cores.</summary>
    public const float TimeoutMs = 30_000;

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private readonly StringBuilder output = new();
    private readonly string dataFolder = Directory.CreateTempSubdirectory("iaaskyc-browser-").FullName;
    private readonly PortalServerOptions options;
    private Process? process;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private volatile bool stopping;

    /// <summary>The browser tests' portal: SQLite, the demo data, and a browser.</summary>
    public PortalServer() : this(new PortalServerOptions())
    {
    }

    /// <summary>
    /// A portal started as <paramref name="options"/> say (call <see cref="InitializeAsync"/> to start it, dispose it to stop).
    /// Internal, because xUnit wants a fixture to have one public constructor.
    /// </summary>
    internal PortalServer(PortalServerOptions options)
    {
        this.options = options;
        RepoRoot = FindRepoRoot();
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        ApiBootstrapKey = "bootstrap-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
    }

    /// <summary>The folder holding IaasKyc.sln.</summary>
    public string RepoRoot { get; }

    /// <summary>For example http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; }

    /// <summary>The <c>Api:BootstrapKey</c> the portal was started with.</summary>
    public string ApiBootstrapKey { get; }

    /// <summary>The portal process's id (its memory is read from /proc by the circuit benchmark).</summary>
    public int ProcessId => process?.Id ?? throw new InvalidOperationException("The portal is not running.");

    /// <summary>The folder of the portal's build output (IaasKyc.Portal.dll and its runtimeconfig.json).</summary>
    public string PortalBinFolder { get; private set; } = "";

    /// <summary>The portal's SQLite database, in the fixture's data folder: the same file across <see cref="RestartAsync"/>.</summary>
    public string DatabasePath => Path.Combine(dataFolder, "portal.db");

    /// <summary>Everything the portal wrote to stdout and stderr so far (across restarts).</summary>
    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    /// <summary>The folder holding this portal's SQLite database, keys, uploads and mail (removed on dispose).</summary>
    public string DataFolder => dataFolder;

    /// <summary>Starts the portal (and the browser, unless <see cref="PortalServerOptions.Browser"/> is false) and waits until it is healthy.</summary>
    public async ValueTask InitializeAsync()
    {
        // The portal and the browser start side by side: both take a few seconds.
        var browserStarted = options.Browser ? LaunchBrowserAsync() : Task.CompletedTask;
        await StartPortalAsync();
        await browserStarted;
    }

    /// <summary>A client for the portal's API: relative URLs, no redirects followed, <see cref="ApiBootstrapKey"/> as X-Api-Key unless <paramref name="key"/> is given.</summary>
    public HttpClient NewApiClient(string? key = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(BaseUrl + "/"),
            Timeout = TimeSpan.FromMilliseconds(TimeoutMs * 2),
        };
        client.DefaultRequestHeaders.Add("X-Api-Key", key ?? ApiBootstrapKey);
        return client;
    }

    /// <summary>
    /// Kills the portal with SIGKILL (<see cref="Process.Kill()"/> on Linux): no graceful shutdown, no disposal, no
    /// flushing, the way a crash or an OOM kill ends it. <see cref="RestartAsync"/> brings it back.
    /// </summary>
    public async Task KillAsync()
    {
        var running = process ?? throw new InvalidOperationException("The portal is not running.");
        stopping = true;
        running.Kill();
        await running.WaitForExitAsync();
    }

    /// <summary>Starts the portal again after <see cref="KillAsync"/>, on the same port, data folder, keys and database.</summary>
    public async Task RestartAsync()
    {
        if (process is { HasExited: false }) throw new InvalidOperationException("The portal is still running: kill it first.");
        process?.Dispose();
        stopping = false;
        await StartPortalAsync();
    }

    /// <summary>A fresh browser context (no cookies) whose relative URLs resolve against the portal.</summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 800)
    {
        if (browser is null)
            throw new InvalidOperationException("This portal was started without a browser (PortalServerOptions.Browser is false).");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
        });
        context.SetDefaultTimeout(TimeoutMs);
        context.SetDefaultNavigationTimeout(TimeoutMs);
        return context;
    }

    /// <summary>Signs in through the static sign-in form and waits until the browser has left the sign-in page.</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await SubmitSignInAsync(page, email, password);
        try
        {
            // Commit, not load: the assertions that follow wait for what they need, and a load-state wait can race
            // the document swap after a POST.
            await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/Account/Login", StringComparison.OrdinalIgnoreCase),
                new() { WaitUntil = WaitUntilState.Commit });
        }
        catch (TimeoutException e)
        {
            var alert = await page.GetByRole(AriaRole.Alert).AllTextContentsAsync();
            throw new InvalidOperationException($"Signing in as {email} did not leave the sign-in page; it shows: {string.Join(" | ", alert)}", e);
        }
    }

    /// <summary>
    /// Fills and submits the sign-in form, and returns once the server has answered the POST (so the attempt has
    /// counted), whatever the answer. Assert on the resulting page with auto-waiting <c>Expect</c> assertions.
    /// </summary>
    public static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Waits until the page's Blazor Server circuit has rendered it interactively, so that a click reaches a .NET
    /// handler instead of the prerendered HTML (which ignores it, or is replaced under the pointer).
    /// MainLayout renders <c>data-circuit="interactive"</c> only from inside the circuit
    /// (<c>RendererInfo.IsInteractive</c>), and in the same render batch as the layout's own buttons and links; so
    /// once the attribute is in the DOM, that batch, with its event handlers, has been applied. This is sturdier than
    /// watching for <c>window.Blazor</c> (defined before the circuit connects) or the <c>_blazor</c> WebSocket (open
    /// before the first render batch arrives).
    /// </summary>
    public static async Task WaitForCircuitAsync(IPage page) =>
        await Assertions.Expect(page.Locator("[data-circuit]").First)
            .ToHaveAttributeAsync("data-circuit", "interactive", new() { Timeout = TimeoutMs });

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (browser is not null) await browser.CloseAsync();
            playwright?.Dispose();
        }
        finally
        {
            if (process is not null)
            {
                stopping = true;
                try
                {
                    if (!process.HasExited) process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
                }
                catch (Exception e) when (e is InvalidOperationException or TimeoutException)
                {
                    // Already gone, or not going: nothing more to do from here.
                }
                process.Dispose();
                SaveOutput();
            }
            try
            {
                Directory.Delete(dataFolder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open; the temporary folder is cleaned by the system eventually.
            }
        }
    }

    private async Task LaunchBrowserAsync()
    {
        Assertions.SetDefaultExpectTimeout(TimeoutMs);
        var executable = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(executable))
            throw new InvalidOperationException($"Chromium is missing at {executable}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH. Never run 'playwright install'.");
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    private async Task StartPortalAsync()
    {
        // The test assembly sits in IaasKyc.Tests/bin/<Configuration>/net10.0/: the portal was built alongside.
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testBin.Parent!.Name;
        var contentRoot = Path.Combine(RepoRoot, "IaasKyc.Portal");
        PortalBinFolder = Path.Combine(contentRoot, "bin", configuration, testBin.Name);
        var dll = Path.Combine(PortalBinFolder, "IaasKyc.Portal.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"The portal is not built at {dll}: build the solution first (dotnet build IaasKyc.sln -c {configuration}).");

        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", BaseUrl, "--contentRoot", contentRoot })
            start.ArgumentList.Add(arg);
        var env = start.Environment;
        // Static web assets are served from the build output only in Development (when not published).
        env["ASPNETCORE_ENVIRONMENT"] = "Development";
        env["DOTNET_ENVIRONMENT"] = "Development";
        env["ConnectionStrings__Portal"] = $"Data Source={DatabasePath}";
        env["Security__KeysPath"] = Path.Combine(dataFolder, "keys");
        env["Security__MasterKeyFile"] = Path.Combine(dataFolder, "keys", "master.key");
        env["Storage__UploadsPath"] = Path.Combine(dataFolder, "uploads");
        env["Mail__PickupFolder"] = Path.Combine(dataFolder, "mail");
        env["Demo__Seed"] = "true";
        // Many sign-ins from one address in a minute: raise the limits the tests are not about.
        env["RateLimits__SignInPerMinute"] = "1000";
        env["RateLimits__ApiPerMinute"] = "1000000";
        env["RateLimits__ApiPerMinutePerAddress"] = "1000000";
        env["Api__BootstrapKey"] = ApiBootstrapKey;
        env["Admin__Email"] = LockoutVictimEmail;
        env["Admin__Password"] = LockoutVictimPassword;
        env["Admin__Name"] = "Lockout Victim";
        // The caller's settings last: they replace the defaults above, and a null value removes one.
        foreach (var (name, value) in options.Environment)
        {
            if (value is null) env.Remove(name);
            else env[name] = value;
        }

        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.Exited += (_, _) => Append($"[PortalServer] the portal process exited at {DateTime.Now:HH:mm:ss.fff}" + (stopping ? " (stopped by the fixture)." : ", unexpectedly."));
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilHealthyAsync();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        HttpStatusCode? last = null;
        // Generous: on two cores shared with other builds, start-up with the whole demo seed has taken over a minute.
        while (deadline.Elapsed < options.StartTimeout)
        {
            if (process!.HasExited)
                throw new InvalidOperationException($"The portal exited with code {process.ExitCode} before it was healthy. Its output:\n{Output}");
            try
            {
                using var response = await http.GetAsync(new Uri(BaseUrl + "/health"));
                if (response.StatusCode == HttpStatusCode.OK) return;
                last = response.StatusCode;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException($"The portal at {BaseUrl} was not healthy within {options.StartTimeout.TotalSeconds:0} s (last status: {last?.ToString() ?? "no answer"}). Its output:\n{Output}");
    }

    // Kept after the run for a person diagnosing a failure: artifacts/ is git-ignored.
    private void SaveOutput()
    {
        try
        {
            var folder = Directory.CreateDirectory(Path.Combine(RepoRoot, "artifacts", "browser-tests"));
            File.WriteAllText(Path.Combine(folder.FullName, options.LogName), Output);
        }
        catch (IOException)
        {
            // Diagnostics only.
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    // dotnet test sets DOTNET_HOST_PATH to the muxer it runs under; otherwise the one on PATH.
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "IaasKyc.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No IaasKyc.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>
    /// Opens a MudSelect and picks an option, then waits until the list has closed. On a loaded machine the popover can
    /// swallow a click made while it is still opening: the option is chosen again, and the list closed with Escape.
    /// </summary>
    public static async Task ChooseOptionAsync(IPage page, ILocator combobox, string option)
    {
        await combobox.ClickAsync();
        var choice = page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true });
        await choice.ClickAsync();
        for (var attempt = 0; attempt < 3 && await page.GetByRole(AriaRole.Option).CountAsync() > 0; attempt++)
        {
            await page.WaitForTimeoutAsync(500);
            if (await choice.IsVisibleAsync()) await choice.ClickAsync(new() { Timeout = 2000 });
            if (await page.GetByRole(AriaRole.Option).CountAsync() > 0) await page.Keyboard.PressAsync("Escape");
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0, new() { Timeout = TimeoutMs });
    }
}

/// <summary>Browser tests share one running portal and one Chromium, started only when a browser test runs.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<PortalServer>
{
    public const string Name = "Browser";
}

/// <summary>How a <see cref="PortalServer"/> starts; the defaults are the browser tests' portal.</summary>
public sealed record PortalServerOptions
{
    /// <summary>Whether to launch Chromium beside the portal (false for tests that only speak HTTP).</summary>
    public bool Browser { get; init; } = true;

    /// <summary>
    /// Environment variables set after the defaults (ASP.NET Core's double-underscore form, <c>Database__Provider</c>):
    /// they replace a default of the same name, and a null value removes the default.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>The file under artifacts/browser-tests/ that keeps the portal's output after the run.</summary>
    public string LogName { get; init; } = "portal.log";

    /// <summary>How long the portal may take to answer /health with 200.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>
    /// A portal on the PostgreSQL database <paramref name="connectionString"/>, without the demo data and without a
    /// browser. Instances given the same <paramref name="masterKey"/> (base64, 32 bytes) read each other's encrypted
    /// values; Data Protection keys are in the database. <paramref name="extra"/> is added last.
    /// </summary>
    public static PortalServerOptions Postgres(string connectionString, string masterKey, string logName = "portal-postgres.log",
        IReadOnlyDictionary<string, string?>? extra = null)
    {
        var env = new Dictionary<string, string?>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Portal"] = connectionString,
            ["Security__MasterKey"] = masterKey,
            ["Security__MasterKeyFile"] = null,
            ["Demo__Seed"] = "false",
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>()) env[name] = value;
        return new PortalServerOptions { Browser = false, Environment = env, LogName = logName };
    }
}
