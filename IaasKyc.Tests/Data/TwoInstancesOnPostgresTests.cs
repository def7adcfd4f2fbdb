using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IaasKyc.Domain.Audit;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Screening;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Audit;
using IaasKyc.Portal.Features.Screening;
using IaasKyc.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit.Sdk;

namespace IaasKyc.Tests.Data;

/// <summary>
/// Two real portal processes on two loopback ports sharing one fresh PostgreSQL database (issue 10, items 1 and 2), started
/// together on an empty database so that they also race for the migrations and the first-start set-up. Runs in test.sh's
/// PostgreSQL run only (the fixture starts nothing without <see cref="TestPostgres.Server"/>).
/// </summary>
public sealed class TwoPortalsOnPostgres : IAsyncLifetime
{
    /// <summary>How often each instance looks for list snapshots imported by the other (Screening:IndexPollSeconds).</summary>
    public const int IndexPollSeconds = 1;

    public PortalServer A { get; private set; } = null!;
    public PortalServer B { get; private set; } = null!;

    /// <summary>The database both instances use (dropped on dispose).</summary>
    public string ConnectionString { get; private set; } = "";

    public bool Started { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (TestPostgres.Server is null) return;
        ConnectionString = TestPostgres.CreateEmptyDatabase();
        var masterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var extra = new Dictionary<string, string?>
        {
            ["Screening__IndexPollSeconds"] = IndexPollSeconds.ToString(CultureInfo.InvariantCulture),
        };
        A = new PortalServer(PortalServerOptions.Postgres(ConnectionString, masterKey, "portal-postgres-a.log", extra));
        B = new PortalServer(PortalServerOptions.Postgres(ConnectionString, masterKey, "portal-postgres-b.log", extra));
        // Both at once on the empty database: the migrations and the first Admin, roles and rule pack must not collide.
        var watch = Stopwatch.StartNew();
        try
        {
            await Task.WhenAll(A.InitializeAsync().AsTask(), B.InitializeAsync().AsTask());
        }
        catch
        {
            // Stop the one that did start, and drop the database, whatever xUnit does with a fixture that failed to start.
            await DisposeAsync();
            throw;
        }
        Started = true;
        TwoInstancesOnPostgresTests.Report($"both instances healthy {watch.Elapsed.TotalSeconds:0.0} s after starting together on an empty database");
    }

    /// <summary>
    /// A short-lived context on the shared database, without the portal's interceptors: the tests read through it (and one
    /// moves customers to Submitted with a bulk update, which writes no audit entry).
    /// </summary>
    public PostgresPortalDbContext NewContext() =>
        new(new DbContextOptionsBuilder<PostgresPortalDbContext>().UseNpgsql(ConnectionString).Options);

    private bool disposed;

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        try
        {
            if (A is not null) await A.DisposeAsync();
        }
        finally
        {
            if (B is not null) await B.DisposeAsync();
            if (ConnectionString.Length > 0) TestPostgres.DropDatabase(ConnectionString);
        }
    }
}

/// <summary>
/// Scale-out on PostgreSQL (issue 10, item 2): what one instance does is seen by the other (data, sign-in, list snapshots),
/// the audit chain stays one chain under concurrent writers on both, and re-screening runs one batch at a time. The
/// figures go to the file ./test.sh prints at the end (reported, not asserted).
/// </summary>
[Trait("Database", "Postgres")]
public sealed class TwoInstancesOnPostgresTests(TwoPortalsOnPostgres portals) : IClassFixture<TwoPortalsOnPostgres>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PortalServer A => portals.A;
    private PortalServer B => portals.B;

    private void RequirePortals()
    {
        TestPostgres.RequireServer();
        Assert.True(portals.Started, "The two portals did not start.");
    }

    private static string NewReference() => "PG-" + Guid.NewGuid().ToString("N")[..12];

    private static JsonObject Customer(string name, string reference) => new()
    {
        ["kind"] = "entity",
        ["name"] = name,
        ["address"] = new JsonObject { ["line1"] = "Friedrichstraße 123", ["city"] = "Berlin", ["postalCode"] = "10117", ["country"] = "DE" },
        ["email"] = "compliance@nordlicht.example",
        ["phone"] = "+49 30 1234567",
        ["citizenshipOrJurisdiction"] = "DE",
        ["dateOfBirthOrIncorporation"] = "2015-03-01",
        ["accounts"] = new JsonArray(new JsonObject
        {
            ["reference"] = reference,
            ["paymentMeans"] = new JsonObject { ["type"] = "bankAccount", ["issuerCountry"] = "DE", ["identifier"] = "DE89370400440532013000" },
            ["paymentSource"] = "customer",
        }),
        ["determination"] = new JsonObject { ["usPerson"] = false, ["basis"] = "Declared foreign address" },
    };

    private static async Task<JsonObject> CreateCustomerAsync(HttpClient api, string name, string reference)
    {
        using var response = await api.PostAsJsonAsync("api/v1/customers", Customer(name, reference), Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Creating {name}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    [Fact]
    public async Task A_customer_created_through_one_instance_is_read_through_the_other()
    {
        RequirePortals();
        using var apiA = A.NewApiClient();
        using var apiB = B.NewApiClient();
        var reference = NewReference();

        var created = await CreateCustomerAsync(apiA, "Nordlicht Rechenzentrum GmbH", reference);
        var id = created["id"]!.GetValue<Guid>();

        var throughB = JsonNode.Parse(await apiB.GetStringAsync($"api/v1/customers/{id}", Ct))!;
        var throughA = JsonNode.Parse(await apiA.GetStringAsync($"api/v1/customers/{id}", Ct))!;
        Assert.Equal(id, throughB["id"]!.GetValue<Guid>());
        Assert.Equal("Nordlicht Rechenzentrum GmbH", (string?)throughB["name"]);
        Assert.Equal(reference, (string?)throughB["accounts"]![0]!["reference"]);
        // The payment identifier is decrypted with the shared master key on B, and masked alike.
        Assert.EndsWith("3000", (string?)throughB["accounts"]![0]!["paymentMeans"]!["identifier"]);
        Assert.True(JsonNode.DeepEquals(throughA, throughB), $"A answers {throughA.ToJsonString()}\nB answers {throughB.ToJsonString()}");
    }

    [Fact]
    public async Task A_customer_saved_through_one_instance_is_announced_on_the_channel_both_instances_listen_to()
    {
        RequirePortals();
        await using var db = new NpgsqlConnection(portals.ConnectionString);
        await db.OpenAsync(Ct);
        var payloads = new ConcurrentQueue<string>();
        db.Notification += (_, e) => payloads.Enqueue(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresChangeNotifier.Channel}", db)) await listen.ExecuteNonQueryAsync(Ct);
        await using var sessions = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'iaaskyc-listener-%'", db);
        using var apiA = A.NewApiClient();

        var id = (await CreateCustomerAsync(apiA, "Live Across GmbH", NewReference()))["id"]!.GetValue<Guid>();

        // The test listens as a third instance would; each portal's listener republishes such a batch to its own pages.
        await WaitUntilAsync(async () =>
        {
            await db.WaitAsync(200, Ct);
            return payloads.Any(p => p.Contains($"[\"Customer\",\"{id}\"]", StringComparison.Ordinal));
        }, "instance A to announce the new customer");
        // Each instance holds one listening session (opened in the background at start).
        await WaitUntilAsync(async () => (long)(await sessions.ExecuteScalarAsync(Ct))! == 2, "both instances to listen");
        Assert.Equal(2L, (long)(await sessions.ExecuteScalarAsync(Ct))!);
    }

    [Fact]
    public async Task A_sign_in_form_from_one_instance_posts_to_the_other_and_the_cookie_works_on_both()
    {
        RequirePortals();
        var cookies = new Dictionary<string, string>(StringComparer.Ordinal);

        // The form and its antiforgery cookie come from A; the POST goes to B, which must unprotect both with the shared keys.
        using var browserA = PlainClient(A);
        using var browserB = PlainClient(B);
        using (var form = await SendAsync(browserA, HttpMethod.Get, "Account/Login", cookies))
        {
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            var html = await form.Content.ReadAsStringAsync(Ct);
            var fields = HiddenInputs(html);
            Assert.True(fields.ContainsKey("__RequestVerificationToken"), "The sign-in form has no antiforgery token.");
            fields["Input.Email"] = PortalServer.LockoutVictimEmail;
            fields["Input.Password"] = PortalServer.LockoutVictimPassword;
            using var signIn = await SendAsync(browserB, HttpMethod.Post, "Account/Login", cookies, new FormUrlEncodedContent(fields));
            Assert.True(signIn.StatusCode == HttpStatusCode.Redirect,
                $"Signing in on B with A's form answered {(int)signIn.StatusCode}: {Excerpt(await signIn.Content.ReadAsStringAsync(Ct))}");
            Assert.DoesNotContain("/Account/Login", signIn.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
        }
        Assert.True(cookies.ContainsKey("IaasKyc.Auth"), "B issued no sign-in cookie.");
        var authOnly = new Dictionary<string, string> { ["IaasKyc.Auth"] = cookies["IaasKyc.Auth"] };

        // The cookie B issued opens a signed-in page on A and on B; without it, or altered, both send the browser to sign in.
        foreach (var (name, portal) in new[] { ("A", browserA), ("B", browserB) })
        {
            using var page = await SendAsync(portal, HttpMethod.Get, ProtectedPage, new(authOnly));
            Assert.True(page.StatusCode == HttpStatusCode.OK, $"{name} answered {(int)page.StatusCode} {page.Headers.Location} to the signed-in user.");
            using var anonymous = await SendAsync(portal, HttpMethod.Get, ProtectedPage, []);
            AssertSentToSignIn(name + " without the cookie", anonymous);
            var tampered = new Dictionary<string, string> { ["IaasKyc.Auth"] = Tamper(cookies["IaasKyc.Auth"]) };
            using var forged = await SendAsync(portal, HttpMethod.Get, ProtectedPage, tampered);
            AssertSentToSignIn(name + " with an altered cookie", forged);
        }
    }

    /// <summary>A page only a signed-in user sees (the password change form): 200 when signed in, a redirect to sign in otherwise.</summary>
    private const string ProtectedPage = "Account/Manage/ChangePassword";

    private static void AssertSentToSignIn(string what, HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase) == true,
            $"{what}: {(int)response.StatusCode} {response.Headers.Location}");

    [Fact]
    public async Task Four_writers_on_two_instances_leave_one_unbroken_chain_with_every_change_audited_once()
    {
        RequirePortals();
        const int Writers = 4, ChangesEach = 500;
        var portalsOf = new[] { A, B, A, B };
        var references = new string[Writers];
        for (var w = 0; w < Writers; w++)
        {
            references[w] = NewReference();
            using var api = portalsOf[w].NewApiClient();
            await CreateCustomerAsync(api, $"Concurrent Writer {w} GmbH", references[w]);
        }

        // Each change is one access event posted on its own: one SaveChanges, one bulk audit entry, answered after the commit.
        var failures = new List<string>();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            using var api = portalsOf[w].NewApiClient();
            for (var i = 0; i < ChangesEach; i++)
            {
                var at = DateTime.UtcNow.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture);
                var body = new JsonArray(new JsonObject { ["ip"] = $"203.0.113.{i % 250 + 1}", ["at"] = at, ["kind"] = "access" });
                using var response = await api.PostAsJsonAsync($"api/v1/accounts/{references[w]}/access-events", body, Ct);
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    var text = await response.Content.ReadAsStringAsync(Ct);
                    lock (failures) failures.Add($"writer {w} change {i}: {(int)response.StatusCode} {Excerpt(text)}");
                }
            }
        }, Ct)));
        watch.Stop();
        Assert.True(failures.Count == 0, $"{failures.Count} writes failed, first: {failures.FirstOrDefault()}");
        Report($"{Writers * ChangesEach} audited writes (4 writers, 2 per instance) in {watch.Elapsed.TotalSeconds:0.0} s");

        await using var db = portals.NewContext();
        var entries = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync(Ct);
        var head = await db.AuditHeads.AsNoTracking().SingleAsync(h => h.Id == 1, Ct);

        // Contiguous sequence numbers from 1, each entry linked to its predecessor, ending at the recorded head.
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(n => (long)n), entries.Select(e => e.Sequence));
        for (var i = 1; i < entries.Count; i++)
            Assert.True(entries[i].PreviousHash == entries[i - 1].Hash, $"Entry {entries[i].Sequence} does not link to entry {entries[i - 1].Sequence}.");
        var verification = AuditChain.Verify(entries.Select(AuditService.ToRecord), head.Sequence, head.Hash);
        Assert.True(verification.Ok, $"The chain breaks at {verification.FirstBrokenSequence}.");
        Assert.Equal(entries.Count, verification.Entries);

        // Exactly one audit entry per change, and every change stored.
        var perAccount = entries.Where(e => e.EntityType == "AccessEvents" && references.Contains(e.EntityId))
            .GroupBy(e => e.EntityId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Writers * ChangesEach, perAccount.Values.Sum());
        Assert.All(references, r => Assert.Equal(ChangesEach, perAccount.GetValueOrDefault(r)));
        Assert.Equal(Writers * ChangesEach, await db.AccessEvents.CountAsync(Ct));

        // The portal's own verifier (the audit service behind the Audit page and the API) agrees on both instances.
        foreach (var portal in new[] { A, B })
        {
            using var api = portal.NewApiClient();
            var result = JsonNode.Parse(await api.GetStringAsync("api/v1/audit/verify", Ct))!;
            Assert.True((bool)result["ok"]!, $"{portal.BaseUrl} reports the chain broken at {result["firstBrokenSequence"]}.");
            Assert.True((long)result["entries"]! >= entries.Count);
        }
    }

    [Fact]
    public async Task Each_instance_reloads_its_screening_index_when_the_other_imports_a_list()
    {
        RequirePortals();
        using var listsA = A.NewApiClient();
        using var searchB = B.NewApiClient();
        var first = UniqueName();
        var second = UniqueName();
        Assert.Empty(await MatchesAsync(searchB, first));

        // A new snapshot imported through A: B's matcher finds its name once B's watcher has noticed.
        await ImportSdnAsync(listsA, first);
        Assert.Contains(first, await MatchesAsync(listsA, first));
        var waited = await WaitUntilAsync(async () => (await MatchesAsync(searchB, first)).Contains(first), $"B to find {first}");

        // A replacing snapshot through B: A finds the new name and no longer the old one.
        using var listsB = B.NewApiClient();
        await ImportSdnAsync(listsB, second);
        var waitedBack = await WaitUntilAsync(async () => (await MatchesAsync(listsA, second)).Contains(second), $"A to find {second}");
        Assert.DoesNotContain(first, await MatchesAsync(listsA, first));
        Assert.DoesNotContain(first, await MatchesAsync(searchB, first));
        Report($"screening index reloaded on the other instance after {waited.TotalSeconds:0.0} s and {waitedBack.TotalSeconds:0.0} s (poll every {TwoPortalsOnPostgres.IndexPollSeconds} s)");
    }

    [Fact]
    public async Task Re_screening_after_imports_on_both_instances_screens_each_customer_once_per_batch_one_batch_at_a_time()
    {
        RequirePortals();
        // Batches queued by the other tests' imports finish first, so that only this test's batches screen its customers.
        await WaitUntilAsync(async () =>
        {
            await using var db = portals.NewContext();
            return !await db.ScreeningBatches.AnyAsync(b => b.State == BatchState.Queued || b.State == BatchState.Running, Ct);
        }, "earlier re-screening batches to finish", TimeSpan.FromSeconds(150));
        using var apiA = A.NewApiClient();
        using var apiB = B.NewApiClient();
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
            ids.Add((await CreateCustomerAsync(i % 2 == 0 ? apiA : apiB, $"Rescreen Subject {i} {UniqueName()}", NewReference()))["id"]!.GetValue<Guid>());
        // Submitted customers are the ones a list change screens again (a test shortcut past the four-eyes workflow).
        await using (var db = portals.NewContext())
        {
            var changed = await db.Customers.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CustomerStatus.Submitted), Ct);
            Assert.Equal(ids.Count, changed);
        }
        var before = DateTime.UtcNow.AddSeconds(-1);

        // Both instances import at the same moment: each queues re-screening and wakes its own worker; the lease lets one run at a time.
        await Task.WhenAll(ImportSdnAsync(apiA, UniqueName()), ImportSdnAsync(apiB, UniqueName()));

        List<ScreeningBatch> batches = [];
        await WaitUntilAsync(async () =>
        {
            await using var db = portals.NewContext();
            batches = await db.ScreeningBatches.AsNoTracking().Where(b => b.QueuedAtUtc >= before).OrderBy(b => b.StartedAtUtc).ToListAsync(Ct);
            return batches.Count > 0 && batches.All(b => b.State is BatchState.Finished or BatchState.Failed);
        }, "the re-screening batches to finish", TimeSpan.FromSeconds(150));

        Assert.All(batches, b => Assert.True(b.State == BatchState.Finished, $"Batch {b.Id}: {b.State} {b.Error}"));
        Assert.All(batches, b => Assert.Equal(b.Total, b.Done));
        for (var i = 1; i < batches.Count; i++)
            Assert.True(batches[i].StartedAtUtc >= batches[i - 1].FinishedAtUtc, "Two re-screening batches ran at the same time.");
        await using (var db = portals.NewContext())
        {
            var runs = await db.ScreeningRuns.AsNoTracking()
                .Where(r => ids.Contains(r.CustomerId) && r.Trigger == ScreeningTrigger.ListChange && r.SubjectKey == "customer")
                .GroupBy(r => r.CustomerId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(Ct);
            Assert.Equal(ids.Count, runs.Count);
            Assert.All(runs, r => Assert.Equal(batches.Count, r.Count));
        }
        Report($"{batches.Count} re-screening batch(es) for two simultaneous imports, run one after the other");
    }

    /// <summary>A figure for the person running ./test.sh (printed at the end with the load figures), never asserted.</summary>
    internal static void Report(string line)
    {
        File.AppendAllText(IaasKyc.Tests.Browser.LoadAndMemoryTests.FiguresFile, $"{DateTime.UtcNow:yyyy-MM-dd HH:mm}Z Two instances on PostgreSQL: {line}{Environment.NewLine}");
        TestContext.Current.SendDiagnosticMessage(line);
    }

    private static string UniqueName()
    {
        // Letters only, unlike any real list name: "QZ" and random syllables.
        const string syllables = "ba,ko,ri,tu,ve,lo,mi,sa,zu,pe,xa,do,fi,gu,ny";
        var parts = syllables.Split(',');
        var name = new StringBuilder("QZ");
        for (var i = 0; i < 5; i++) name.Append(parts[RandomNumberGenerator.GetInt32(parts.Length)]);
        name.Append(" HOLDINGS ");
        for (var i = 0; i < 4; i++) name.Append(parts[RandomNumberGenerator.GetInt32(parts.Length)]);
        return name.ToString().ToUpperInvariant();
    }

    private static async Task ImportSdnAsync(HttpClient api, string entityName)
    {
        // One entity, with an alias and an address (the importer wants all three files non-empty), in the real files' format.
        var pad = ListFixtures.Pad;
        var ent = RandomNumberGenerator.GetInt32(10_000, 99_999);
        var files = ListFixtures.Files(ListSource.OfacSdn,
            ("sdn", Latin1($"{ent},\"{entityName}\",{pad},\"CYBER2\",{pad},{pad},{pad},{pad},{pad},{pad},{pad},\"Test entry.\"")),
            ("alt", Latin1($"{ent},{ent + 1},\"aka\",\"{entityName} GROUP\",{pad}")),
            ("add", Latin1($"{ent},{ent + 2},\"ul. Lesnaya 5\",\"Moscow 125047\",\"Russia\",{pad}")));
        using var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(content, name, name + ".csv");
        }
        using var response = await api.PostAsync("api/v1/lists/ofac-sdn", form, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"Import: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
    }

    private static byte[] Latin1(params string[] rows) =>
        [.. Encoding.Latin1.GetBytes(string.Concat(rows.Select(r => r + "\r\n"))), 0x1A];

    /// <summary>The listed names the portal's screening search returns for <paramref name="name"/>.</summary>
    private static async Task<List<string>> MatchesAsync(HttpClient api, string name)
    {
        var body = JsonNode.Parse(await api.GetStringAsync($"api/v1/screening/search?name={Uri.EscapeDataString(name)}&limit=10", Ct))!;
        return [.. body["matches"]!.AsArray().Select(m => (string?)m!["name"] ?? "")];
    }

    private static async Task<TimeSpan> WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > limit) throw new XunitException($"Waited {limit.TotalSeconds:0} s for {what}.");
            await Task.Delay(200, Ct);
        }
        return watch.Elapsed;
    }

    // --- The sign-in form over plain HTTP -------------------------------------------------------------------------

    private static HttpClient PlainClient(PortalServer portal) =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = new Uri(portal.BaseUrl + "/"),
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>Sends with the given cookies and keeps the ones the answer sets (a browser's cookie jar, shared across ports as browsers do).</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, Dictionary<string, string> cookies, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        var response = await client.SendAsync(request, Ct);
        if (response.Headers.TryGetValues("Set-Cookie", out var set))
        {
            foreach (var header in set)
            {
                var pair = header.Split(';', 2)[0];
                var eq = pair.IndexOf('=');
                if (eq > 0) cookies[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
            }
        }
        return response;
    }

    private static Dictionary<string, string> HiddenInputs(string html)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in Regex.Matches(html, "<input[^>]*type=\"hidden\"[^>]*>", RegexOptions.IgnoreCase))
        {
            var name = Regex.Match(input.Value, "name=\"([^\"]*)\"").Groups[1].Value;
            var value = Regex.Match(input.Value, "value=\"([^\"]*)\"").Groups[1].Value;
            if (name.Length > 0) fields[name] = WebUtility.HtmlDecode(value);
        }
        return fields;
    }

    private static string Tamper(string cookie)
    {
        var chars = cookie.ToCharArray();
        var i = chars.Length / 2;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        return new string(chars);
    }

    private static string Excerpt(string text) => text.Length <= 600 ? text : text[..600] + "…";
}
