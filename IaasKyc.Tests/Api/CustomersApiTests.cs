using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Api;

public sealed class CustomersApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Iban = "DE89370400440532013000";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject Body(string reference, string country = "DE", string phone = "+49 30 1234567", bool? usPerson = null,
        string type = "bankAccount", string kind = "entity", string identifier = Iban)
    {
        var body = new JsonObject
        {
            ["kind"] = kind,
            ["name"] = "Nordlicht Rechenzentrum GmbH",
            ["address"] = new JsonObject { ["line1"] = "Friedrichstraße 123", ["city"] = "Berlin", ["postalCode"] = "10117", ["country"] = country },
            ["email"] = "compliance@nordlicht.example",
            ["phone"] = phone,
            ["citizenshipOrJurisdiction"] = country == "US" ? "US-DE" : country,
            ["dateOfBirthOrIncorporation"] = "2015-03-01",
            ["accounts"] = new JsonArray(new JsonObject
            {
                ["reference"] = reference,
                ["paymentMeans"] = new JsonObject { ["type"] = type, ["issuerCountry"] = country, ["identifier"] = identifier },
                ["paymentSource"] = "customer",
            }),
        };
        if (usPerson is { } us) body["determination"] = new JsonObject { ["usPerson"] = us, ["basis"] = us ? "Delaware certificate of incorporation" : "Declared foreign address" };
        return body;
    }

    private static string NewReference() => "ACC-" + Guid.NewGuid().ToString("N")[..10];

    private static async Task<JsonObject> JsonOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();

    private async Task<JsonObject> CreateAsync(JsonObject body)
    {
        var response = await factory.Client(ApiFactory.BootstrapKey).PostAsJsonAsync("/api/v1/customers", body, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await JsonOf(response);
    }

    [Fact]
    public async Task Creating_a_customer_returns_201_with_its_location_and_the_payment_identifier_masked()
    {
        var reference = NewReference();

        var response = await factory.Client(ApiFactory.BootstrapKey).PostAsJsonAsync("/api/v1/customers", Body(reference, usPerson: false), Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var json = JsonNode.Parse(text)!.AsObject();
        var id = json["id"]!.GetValue<Guid>();
        Assert.Equal($"/api/v1/customers/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal("draft", json["status"]!.GetValue<string>());
        Assert.Equal("low", json["riskLevel"]!.GetValue<string>());
        var account = json["accounts"]![0]!;
        Assert.Equal(reference, account["reference"]!.GetValue<string>());
        Assert.Equal("bankAccount", account["paymentMeans"]!["type"]!.GetValue<string>());
        Assert.Equal("customer", account["paymentSource"]!.GetValue<string>());
        Assert.EndsWith("3000", account["paymentMeans"]!["identifier"]!.GetValue<string>());
        Assert.DoesNotContain(Iban, text);
        Assert.DoesNotContain(Iban[..12], text);
    }

    [Fact]
    public async Task The_payment_identifier_is_nowhere_in_clear_in_the_database_file()
    {
        const string identifier = "GB33BUKB20201555555555";

        await CreateAsync(Body(NewReference(), identifier: identifier));

        var bytes = new List<byte>();
        foreach (var path in new[] { factory.DatabasePath, factory.DatabasePath + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, Ct);
            bytes.AddRange(copy.ToArray());
        }
        var all = bytes.ToArray();
        Assert.True(all.Length > 0);
        Assert.Equal(-1, all.AsSpan().IndexOf(Encoding.UTF8.GetBytes(identifier)));
        Assert.Equal(-1, all.AsSpan().IndexOf(Encoding.Unicode.GetBytes(identifier)));
    }

    [Fact]
    public async Task Invalid_input_is_a_400_naming_each_bad_field_and_nothing_is_stored()
    {
        var body = Body(NewReference());
        body["email"] = "not-an-email";
        body["phone"] = "12";
        body["address"]!["country"] = "XX";
        body["accounts"]![0]!["paymentMeans"]!["type"] = "cheque";
        var before = await factory.CustomerCountAsync();

        var response = await factory.Client(ApiFactory.BootstrapKey).PostAsJsonAsync("/api/v1/customers", body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await JsonOf(response))["errors"]!.AsObject();
        Assert.Contains("email", errors.Select(e => e.Key));
        Assert.Contains("phone", errors.Select(e => e.Key));
        Assert.Contains("address.country", errors.Select(e => e.Key));
        Assert.Contains("accounts[0].paymentMeans.type", errors.Select(e => e.Key));
        Assert.Equal(before, await factory.CustomerCountAsync());
    }

    [Fact]
    public async Task Enum_values_are_accepted_in_any_case_and_returned_in_camel_case()
    {
        var body = Body(NewReference(), kind: "ENTITY", type: "BankAccount");
        body["accounts"]![0]!["paymentSource"] = "CUSTOMER";

        var created = await CreateAsync(body);
        var fetched = await JsonOf(await factory.Client(ApiFactory.BootstrapKey).GetAsync($"/api/v1/customers/{created["id"]}", Ct));

        Assert.Equal("entity", fetched["kind"]!.GetValue<string>());
        Assert.Equal("bankAccount", fetched["accounts"]![0]!["paymentMeans"]!["type"]!.GetValue<string>());
        Assert.Equal("customer", fetched["accounts"]![0]!["paymentSource"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{ "kind": "entity", "name": }""", "")]
    [InlineData("""{ "kind": "entity", "name": 42 }""", "name")]
    [InlineData("""{ "kind": "entity", "name": "A", "name": "B" }""", "")]
    [InlineData("""{ "accounts": { "reference": "x" } }""", "accounts")]
    [InlineData("""{ "determination": { "usPerson": "yes" } }""", "determination.usPerson")]
    [InlineData("""[1, 2, 3]""", "")]
    [InlineData("""null""", "body")]
    [InlineData("", "body")]
    public async Task A_body_that_is_not_the_expected_json_is_a_400_problem_not_a_500(string body, string field)
    {
        var before = await factory.CustomerCountAsync();

        var response = await factory.Client(ApiFactory.BootstrapKey).PostAsync("/api/v1/customers", new StringContent(body, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await JsonOf(response))["errors"]!.AsObject();
        if (field.Length > 0) Assert.Contains(field, errors.Select(e => e.Key));
        Assert.Equal(before, await factory.CustomerCountAsync());
    }

    [Fact]
    public async Task A_body_over_one_megabyte_is_a_413_problem()
    {
        var body = Body(NewReference());
        body["otherNames"] = new string('x', 1_100_000);

        var response = await factory.Client(ApiFactory.BootstrapKey).PostAsJsonAsync("/api/v1/customers", body, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task An_account_reference_already_in_use_is_a_400_naming_that_account()
    {
        var taken = NewReference();
        await CreateAsync(Body(taken));
        var body = Body(NewReference());
        var second = body["accounts"]![0]!.DeepClone().AsObject();
        second["reference"] = taken;
        body["accounts"]!.AsArray().Add(second);
        var before = await factory.CustomerCountAsync();

        var response = await factory.Client(ApiFactory.BootstrapKey).PostAsJsonAsync("/api/v1/customers", body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("accounts[1].reference", (await JsonOf(response))["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(before, await factory.CustomerCountAsync());
    }

    [Fact]
    public async Task A_draft_is_blocked_from_provisioning()
    {
        var created = await CreateAsync(Body(NewReference(), usPerson: false));

        var response = await factory.Client(ApiFactory.BootstrapKey).GetAsync($"/api/v1/customers/{created["id"]}", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonOf(response);
        Assert.Equal("draft", json["status"]!.GetValue<string>());
        Assert.Equal("blocked", json["provisioning"]!.GetValue<string>());
        Assert.False(json["usPerson"]!.GetValue<bool>());
        Assert.Equal("DE", json["address"]!["country"]!.GetValue<string>());
        Assert.Equal("+49301234567", json["phone"]!.GetValue<string>());
        Assert.DoesNotContain(Iban, json.ToJsonString());
    }

    [Fact]
    public async Task A_submitted_US_individual_is_allowed_to_provision()
    {
        var created = await CreateAsync(Body(NewReference(), country: "US", phone: "+1 212 555 0142", usPerson: true, kind: "individual"));
        var id = created["id"]!.GetValue<Guid>();
        var outcome = await factory.InScopeAsync("officer@x", async sp =>
        {
            var service = sp.GetRequiredService<CustomerService>();
            var version = (await sp.GetRequiredService<CustomerQueries>().GetAsync(id, Ct))!.Version;
            var determined = await service.SaveDeterminationAsync(id, version, new DeterminationInput(true, "U.S. passport seen", "2026-11-01", "CIP v1"), Ct);
            Assert.True(determined.Ok, determined.Message);
            return await service.SubmitAsync(id, determined.Version!.Value, Ct);
        });
        Assert.True(outcome.Ok, outcome.Message);

        var json = await JsonOf(await factory.Client(ApiFactory.BootstrapKey).GetAsync($"/api/v1/customers/{id}", Ct));

        Assert.Equal("submitted", json["status"]!.GetValue<string>());
        Assert.True(json["usPerson"]!.GetValue<bool>());
        Assert.Equal("allowed", json["provisioning"]!.GetValue<string>());
        Assert.Equal("low", json["riskLevel"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("not-a-guid")]
    public async Task An_unknown_or_malformed_id_is_a_404_problem(string id)
    {
        var response = await factory.Client(ApiFactory.BootstrapKey).GetAsync($"/api/v1/customers/{id}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Without_a_key_the_customers_api_answers_401()
    {
        var client = factory.Client(key: null);

        var post = await client.PostAsJsonAsync("/api/v1/customers", Body(NewReference()), Ct);
        var get = await client.GetAsync($"/api/v1/customers/{Guid.NewGuid()}", Ct);
        var wrong = await factory.Client("iak_not-a-real-key-at-all").GetAsync($"/api/v1/customers/{Guid.NewGuid()}", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_refused_after_the_key_is_checked_with_a_problem()
    {
        static StringContent Xml() => new("<customer/>", Encoding.UTF8, "application/xml");

        using var anonymous = await factory.Client(key: null).PostAsync("/api/v1/customers", Xml(), Ct);
        using var keyed = await factory.Client(ApiFactory.BootstrapKey).PostAsync("/api/v1/customers", Xml(), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, keyed.StatusCode);
        Assert.Equal("application/problem+json", keyed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_key_without_the_customers_scope_is_refused_with_403_and_one_with_it_is_the_audited_actor()
    {
        var auditOnly = await factory.CreateKeyAsync(ApiScopes.Audit);
        var customersKey = await factory.CreateKeyAsync(ApiScopes.Customers);

        var refused = await factory.Client(auditOnly).PostAsJsonAsync("/api/v1/customers", Body(NewReference()), Ct);
        var accepted = await factory.Client(customersKey).PostAsJsonAsync("/api/v1/customers", Body(NewReference()), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var id = (await JsonOf(accepted))["id"]!.GetValue<Guid>().ToString();
        var actors = await factory.InScopeAsync("test", async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
            return await db.AuditEntries.Where(e => e.EntityType == "Customer" && e.EntityId == id).Select(e => e.Actor).ToListAsync(Ct);
        });
        Assert.NotEmpty(actors);
        Assert.All(actors, a => Assert.StartsWith("api-key:Test key ", a));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_both_customer_endpoints()
    {
        var doc = await factory.Client(key: null).GetStringAsync("/openapi/v1.json", Ct);

        using var json = JsonDocument.Parse(doc);
        var paths = json.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/customers", out var create));
        Assert.True(paths.TryGetProperty("/api/v1/customers/{id}", out var get));
        Assert.Contains("Draft", create.GetProperty("post").GetProperty("summary").GetString());
        Assert.Contains("provisioning", get.GetProperty("get").GetProperty("summary").GetString());
        Assert.True(create.GetProperty("post").GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
    }
}
