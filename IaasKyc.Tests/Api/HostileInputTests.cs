using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Api;

/// <summary>
/// Issue 10, item 6: a corpus of hostile values sent to every body field and query parameter of the API. Each is a 400
/// naming the field (nothing stored) or stored exactly as sent; never a 500, never a partial write.
/// </summary>
public sealed class HostileInputTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Slot = "\"__HOSTILE__\"";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Name, raw JSON, and whether a text field may keep it. Control characters, NUL, bidi overrides, lone surrogates and
    /// over-long strings are never stored; a date field refuses dates far in the past or future.
    /// </summary>
    private static readonly (string Name, string Json, bool MayBeStored)[] Corpus =
    [
        ("NUL", "\"a\\u0000b\"", false),
        ("control characters", "\"a\\u0007\\u001b[31mb\"", false),
        ("bidi override", "\"invoice\\u202Egnp.exe\"", false),
        ("lone surrogate", "\"a\\ud800b\"", false),
        ("script tag", "\"<script>alert(1)</script>\"", true),
        ("SQL fragment", "\"x'); DROP TABLE Customers;--\"", true),
        ("100 KB string", "\"" + new string('A', 100_000) + "\"", false),
        ("number out of range", "1e400", false),
        ("huge negative integer", "-79228162514264337593543950336000", false),
        ("far past date", "\"0001-01-01\"", true),
        ("far future date", "\"9999-12-31T23:59:59Z\"", true),
        ("object instead of a value", "{\"$ne\":null}", false),
        ("array instead of a value", "[1,2,3]", false),
    ];

    public static TheoryData<string> CustomerFields() => [.. Leaves(CustomerBody("REF")).Select(l => l.Path)];

    [Theory]
    [MemberData(nameof(CustomerFields))]
    public async Task Every_customer_intake_field_refuses_or_stores_each_hostile_value(string field)
    {
        using var client = factory.Client(ApiFactory.BootstrapKey);
        var wrong = new List<string>();
        foreach (var (name, json, textMayKeep) in Corpus)
        {
            var mayBeStored = textMayKeep && !IsDateField(CustomerBody("REF"), field);
            var body = Mutate(CustomerBody("H-" + Guid.NewGuid().ToString("N")[..12]), field, json);
            var before = await CountsAsync();
            using var response = await client.PostAsync("/api/v1/customers", Json(body), Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var id = JsonNode.Parse(text)!["id"]!.GetValue<Guid>();
                using var stored = await client.GetAsync($"/api/v1/customers/{id}", Ct);
                wrong.AddRange(StoredCheck(name, json, mayBeStored, await stored.Content.ReadAsStringAsync(Ct), NotReturned.Contains(field)));
            }
            else wrong.AddRange(await RefusedWithoutWriteAsync(name, field, response, text, before, mayBeStored));
        }
        Assert.True(wrong.Count == 0, $"{field}:\n" + string.Join("\n", wrong));
    }

    /// <summary>Fields the API does not give back as sent: the payment identifier is masked; the notice is not returned.</summary>
    private static readonly HashSet<string> NotReturned = ["accounts[0].paymentMeans.identifier", "determination.noticeGivenOn", "determination.noticeVersion"];

    private static bool IsDateField(string body, string field) =>
        Leaves(body).Single(l => l.Path == field).Node is JsonValue v && v.GetValueKind() == JsonValueKind.String && DateOnly.TryParse(v.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, out _);

    public static TheoryData<string> OwnershipFields() => [.. Leaves(OwnershipBody()).Select(l => l.Path)];

    [Theory]
    [MemberData(nameof(OwnershipFields))]
    public async Task Every_ownership_field_refuses_or_stores_each_hostile_value(string field)
    {
        var customer = await EntityCustomerAsync();
        using var client = factory.Client(ApiFactory.BootstrapKey);
        var wrong = new List<string>();
        foreach (var (name, json, mayBeStored) in Corpus)
        {
            var before = await CountsAsync();
            using var response = await client.PutAsync($"/api/v1/customers/{customer}/ownership", Json(Mutate(OwnershipBody(), field, json)), Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            if (response.IsSuccessStatusCode) wrong.AddRange(StoredCheck(name, json, mayBeStored, text, secret: false));
            else wrong.AddRange(await RefusedWithoutWriteAsync(name, field, response, text, before, mayBeStored));
        }
        Assert.True(wrong.Count == 0, $"{field}:\n" + string.Join("\n", wrong));
    }

    public static TheoryData<string> AccessEventFields() => [.. Leaves(AccessEventsBody()).Select(l => l.Path)];

    [Theory]
    [MemberData(nameof(AccessEventFields))]
    public async Task Every_access_event_field_refuses_each_hostile_value(string field)
    {
        var reference = await AccountReferenceAsync();
        using var client = factory.Client(ApiFactory.BootstrapKey);
        var wrong = new List<string>();
        foreach (var (name, json, _) in Corpus)
        {
            var before = await CountsAsync();
            using var response = await client.PostAsync($"/api/v1/accounts/{reference}/access-events", Json(Mutate(AccessEventsBody(), field, json)), Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            if (response.IsSuccessStatusCode) wrong.Add($"{name}: stored ({(int)response.StatusCode}); an address, a time or a kind cannot be {name}");
            else wrong.AddRange(await RefusedWithoutWriteAsync(name, field, response, text, before));
        }
        Assert.True(wrong.Count == 0, $"{field}:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("/api/v1/screening/search?name=Ivanov&type=individual&country=RU&limit=5", "name")]
    [InlineData("/api/v1/screening/search?name=Ivanov&type=individual&country=RU&limit=5", "type")]
    [InlineData("/api/v1/screening/search?name=Ivanov&type=individual&country=RU&limit=5", "country")]
    [InlineData("/api/v1/screening/search?name=Ivanov&type=individual&country=RU&limit=5", "limit")]
    [InlineData("/api/v1/ai-training/estimate?parameters=7e10&tokens=1.4e12&biologicalData=false", "parameters")]
    [InlineData("/api/v1/ai-training/estimate?parameters=7e10&tokens=1.4e12&biologicalData=false", "tokens")]
    [InlineData("/api/v1/ai-training/estimate?parameters=7e10&tokens=1.4e12&biologicalData=false", "biologicalData")]
    [InlineData("/api/v1/ai-training/estimate?accelerator=H100&count=1000&hours=720&utilization=0.4&networkGbps=400", "accelerator")]
    [InlineData("/api/v1/ai-training/estimate?accelerator=H100&count=1000&hours=720&utilization=0.4&networkGbps=400", "count")]
    [InlineData("/api/v1/ai-training/estimate?accelerator=H100&count=1000&hours=720&utilization=0.4&networkGbps=400", "hours")]
    [InlineData("/api/v1/ai-training/estimate?accelerator=H100&count=1000&hours=720&utilization=0.4&networkGbps=400", "utilization")]
    [InlineData("/api/v1/ai-training/estimate?accelerator=H100&count=1000&hours=720&utilization=0.4&networkGbps=400", "networkGbps")]
    public async Task Every_query_parameter_refuses_each_hostile_value_by_name_or_answers(string url, string parameter)
    {
        using var client = factory.Client(ApiFactory.BootstrapKey);
        var wrong = new List<string>();
        var values = Corpus.Select(c => (c.Name, Value: JsonSerializer.Deserialize<JsonElement>(c.Json.Replace("\\ud800", "?", StringComparison.Ordinal)) is { ValueKind: JsonValueKind.String } s ? s.GetString()! : c.Json))
            .Append(("repeated", "1&" + parameter + "=2"))
            .Append(("lone surrogate (percent-encoded UTF-8)", "%ED%A0%80"))
            .Append(("invalid UTF-8", "%C3%28"));
        foreach (var (name, value) in values)
        {
            var encoded = name.Contains("UTF-8", StringComparison.Ordinal) || name == "repeated" ? value : Uri.EscapeDataString(value);
            var target = System.Text.RegularExpressions.Regex.Replace(url, $"([?&]){parameter}=[^&]*", m => $"{m.Groups[1].Value}{parameter}={encoded.Replace("$", "$$", StringComparison.Ordinal)}");
            using var response = await client.GetAsync(target, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            if (response.StatusCode != HttpStatusCode.OK) wrong.AddRange(RefusalCheck(name, parameter, response, text));
        }
        Assert.True(wrong.Count == 0, $"{parameter}:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public async Task Malformed_bodies_are_400s_naming_where_and_nothing_is_stored()
    {
        using var client = factory.Client(ApiFactory.BootstrapKey);
        var valid = CustomerBody("DUP-" + Guid.NewGuid().ToString("N")[..10]);
        var bodies = new (string Name, byte[] Body, string Field)[]
        {
            ("duplicated key", Encoding.UTF8.GetBytes(valid.Replace("\"name\":", "\"name\":\"First\",\"name\":", StringComparison.Ordinal)), "name"),
            ("invalid UTF-8", [.. Encoding.UTF8.GetBytes(valid[..^1] + ",\"otherNames\":\"a"), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")], "otherNames"),
            ("deep nesting", Encoding.UTF8.GetBytes("{\"address\":" + new string('[', 5000) + new string(']', 5000) + "}"), "address"),
            ("not JSON", Encoding.UTF8.GetBytes("name=x&kind=entity"), "body"),
            ("JSON null", Encoding.UTF8.GetBytes("null"), "body"),
            ("truncated", Encoding.UTF8.GetBytes(valid[..(valid.Length / 2)]), ""),
        };
        foreach (var (name, body, field) in bodies)
        {
            var before = await CountsAsync();
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new("application/json");
            using var response = await client.PostAsync("/api/v1/customers", content, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode} {text}");
            var keys = JsonNode.Parse(text)!["errors"]!.AsObject().Select(e => e.Key).ToList();
            Assert.True(field.Length == 0 ? keys.Count > 0 : keys.Any(k => k.StartsWith(field, StringComparison.Ordinal)), $"{name}: errors at [{string.Join(", ", keys)}]");
            Assert.Equal(before, await CountsAsync());
        }
    }

    [Theory]
    [InlineData("/api/v1/customers", "POST")]
    [InlineData("/api/v1/customers/{customer}/ownership", "PUT")]
    [InlineData("/api/v1/accounts/{reference}/access-events", "POST")]
    public async Task A_10_MB_string_is_refused_as_too_large_and_nothing_is_stored(string route, string method)
    {
        var url = route.Replace("{customer}", (await EntityCustomerAsync()).ToString(), StringComparison.Ordinal)
            .Replace("{reference}", await AccountReferenceAsync(), StringComparison.Ordinal);
        using var client = factory.Client(ApiFactory.BootstrapKey);
        var before = await CountsAsync();
        var huge = "{\"name\":\"" + new string('A', 10 * 1024 * 1024) + "\"}";
        using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = Json(route.EndsWith("events", StringComparison.Ordinal) ? "[" + huge + "]" : huge) };

        using var response = await client.SendAsync(request, Ct);

        Assert.True(response.StatusCode is HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_script_tag_stored_as_a_name_is_shown_escaped_on_the_customer_page()
    {
        using var client = factory.Client(ApiFactory.BootstrapKey);
        var body = Mutate(CustomerBody("XSS-" + Guid.NewGuid().ToString("N")[..10]), "name", "\"<script>alert('pwned')</script> Ltd\"");
        using var created = await client.PostAsync("/api/v1/customers", Json(body), Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync(Ct))!["id"]!.GetValue<Guid>();
        var cookie = await factory.SignInCookieAsync(Roles.Officer);
        using var pageClient = factory.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/customers/{id}");
        request.Headers.Add("Cookie", cookie);

        using var page = await pageClient.SendAsync(request, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("&lt;script&gt;alert(", html);
        Assert.DoesNotContain("<script>alert(", html);
    }

    // ---- what a refusal and a stored value must look like ----

    private async Task<List<string>> RefusedWithoutWriteAsync(string name, string field, HttpResponseMessage response, string text,
        (int, int, int, int, int) before, bool mayBeStored = false)
    {
        var wrong = RefusalCheck(name, field, response, text, mayBeStored).ToList();
        if (await CountsAsync() != before) wrong.Add($"{name}: refused with {(int)response.StatusCode} but rows or audit entries changed");
        return wrong;
    }

    /// <summary>
    /// A 400 naming the field. A value a text field may keep can still be refused for what it does elsewhere (a renamed
    /// ownership key leaves edges dangling): then the 400 may name those fields instead.
    /// </summary>
    private static IEnumerable<string> RefusalCheck(string name, string field, HttpResponseMessage response, string text, bool mayBeStored = false)
    {
        var status = (int)response.StatusCode;
        if (status >= 500) { yield return $"{name}: {status} {text[..Math.Min(300, text.Length)]}"; yield break; }
        if (status != 400) { yield return $"{name}: {status}, expected 400 naming {field}"; yield break; }
        var keys = JsonNode.Parse(text)?["errors"]?.AsObject().Select(e => e.Key).ToList() ?? [];
        if (mayBeStored && keys.Count > 0) yield break;
        if (!keys.Any(k => k == field || k.StartsWith(field + ".", StringComparison.Ordinal) || k.StartsWith(field + "[", StringComparison.Ordinal) ||
                           field.StartsWith(k + ".", StringComparison.Ordinal) || field.StartsWith(k + "[", StringComparison.Ordinal)))
            yield return $"{name}: 400 names [{string.Join(", ", keys)}], not {field}";
    }

    private static IEnumerable<string> StoredCheck(string name, string json, bool mayBeStored, string stored, bool secret)
    {
        if (!mayBeStored) { yield return $"{name}: stored; it should be a 400 naming the field"; yield break; }
        var value = JsonSerializer.Deserialize<JsonElement>(json);
        if (value.ValueKind == JsonValueKind.String && !secret && !Strings(JsonNode.Parse(stored)).Contains(value.GetString()!.Trim()))
            yield return $"{name}: stored, but not as sent";
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
        _ => [],
    };

    // ---- bodies and their fields ----

    private static string CustomerBody(string reference) => $$"""
        {"kind":"entity","name":"Hostile Test GmbH","otherNames":"HT","address":{"line1":"Friedrichstraße 68","line2":"Floor 3","city":"Berlin",
        "region":"BE","postalCode":"10117","country":"DE"},"email":"kyc@hostile.example","phone":"+49 30 1234567","citizenshipOrJurisdiction":"DE",
        "dateOfBirthOrIncorporation":"2015-03-02","determination":{"usPerson":false,"basis":"Foreign certificate of incorporation",
        "noticeGivenOn":"2026-05-01","noticeVersion":"CIP v1"},"accounts":[{"reference":"{{reference}}","paymentMeans":{"type":"bankAccount",
        "issuerCountry":"DE","identifier":"DE89370400440532013000","prepaid":false},"paymentSource":"thirdParty","paymentSourceName":"Parent AG"}]}
        """;

    private static string OwnershipBody() => """
        {"nodes":[{"key":"anna","kind":"individual","name":"Anna Schmidt","country":"DE","confirmedBlocked":false},
        {"key":"alpha","kind":"entity","name":"Alpha Beteiligungs GmbH","country":"DE","registrationNumber":"HRB 1"}],
        "edges":[{"from":"anna","to":"alpha","percent":100},{"from":"alpha","to":"customer","percent":60},
        {"from":"anna","to":"customer","control":"other","controlDescription":"Chief executive"}]}
        """;

    private static string AccessEventsBody() => """[{"ip":"203.0.113.7","at":"2026-01-05T10:00:00Z","kind":"access"}]""";

    /// <summary>Every leaf of <paramref name="json"/> with its api.md path (<c>accounts[0].paymentMeans.type</c>, <c>[0].ip</c>).</summary>
    private static IEnumerable<(string Path, JsonNode Node)> Leaves(string json)
    {
        return Walk(JsonNode.Parse(json)!, "");

        static IEnumerable<(string, JsonNode)> Walk(JsonNode node, string path) => node switch
        {
            JsonObject o => o.SelectMany(p => Walk(p.Value!, path.Length == 0 ? p.Key : $"{path}.{p.Key}")),
            JsonArray a => a.SelectMany((item, i) => Walk(item!, $"{path}[{i}]")),
            _ => [(path, node)],
        };
    }

    private static string Mutate(string json, string path, string hostile)
    {
        var root = JsonNode.Parse(json)!;
        Find(root, path).ReplaceWith(JsonValue.Create("__HOSTILE__"));
        return root.ToJsonString().Replace(Slot, hostile, StringComparison.Ordinal);

        static JsonNode Find(JsonNode node, string path)
        {
            foreach (var part in System.Text.RegularExpressions.Regex.Matches(path, @"[^.\[\]]+|\[\d+\]").Select(m => m.Value))
                node = part.StartsWith('[') ? node.AsArray()[int.Parse(part[1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node.AsObject()[part]!;
            return node;
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<Guid> EntityCustomerAsync()
    {
        using var client = factory.Client(ApiFactory.BootstrapKey);
        using var response = await client.PostAsync("/api/v1/customers", Json(CustomerBody("E-" + Guid.NewGuid().ToString("N")[..12])), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["id"]!.GetValue<Guid>();
    }

    private async Task<string> AccountReferenceAsync()
    {
        var reference = "A-" + Guid.NewGuid().ToString("N")[..12];
        using var client = factory.Client(ApiFactory.BootstrapKey);
        using var response = await client.PostAsync("/api/v1/customers", Json(CustomerBody(reference)), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return reference;
    }

    /// <summary>Rows a write could touch, and the audit trail.</summary>
    private Task<(int Customers, int Accounts, int Events, int Structures, int Audit)> CountsAsync() => factory.InScopeAsync("test", async sp =>
    {
        await using var db = await sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        return (await db.Customers.CountAsync(Ct), await db.Accounts.CountAsync(Ct), await db.AccessEvents.CountAsync(Ct),
            await db.OwnershipStructures.CountAsync(Ct), await db.AuditEntries.CountAsync(Ct));
    });
}
