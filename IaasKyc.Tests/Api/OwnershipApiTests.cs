using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Owners;
using IaasKyc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Api;

public sealed class OwnershipApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject Node(string key, string kind, string name, string country = "DE") =>
        new() { ["key"] = key, ["kind"] = kind, ["name"] = name, ["country"] = country };

    private static JsonObject Edge(string from, string to, decimal? percent = null, string? control = null)
    {
        var edge = new JsonObject { ["from"] = from, ["to"] = to };
        if (percent is { } p) edge["percent"] = p;
        if (control is not null) edge["control"] = control;
        return edge;
    }

    /// <summary>
    /// A diamond: Anna owns 50 % of Alpha and 50 % of Beta, each of which owns 20 % of the customer (two paths of 10 % = 20 %);
    /// Ben owns 30 % directly and 50 % of Alpha and Beta (10 % + 10 % + 30 % = 50 %); Clara is a director.
    /// </summary>
    private static JsonObject Diamond(decimal annaToAlpha = 50m) => new()
    {
        ["nodes"] = new JsonArray(
            Node("anna", "individual", "Anna Schmidt"),
            Node("ben", "Individual", "Ben Krause", "AT"),
            Node("clara", "individual", "Clara Vogel"),
            Node("alpha", "entity", "Alpha Beteiligungs GmbH"),
            Node("beta", "ENTITY", "Beta Holding AG", "CH")),
        ["edges"] = new JsonArray(
            Edge("anna", "alpha", annaToAlpha),
            Edge("anna", "beta", 50m),
            Edge("ben", "alpha", 50m),
            Edge("ben", "beta", 50m),
            Edge("alpha", "customer", 20m),
            Edge("beta", "customer", 20m),
            Edge("ben", "customer", 30m),
            Edge("clara", "customer", control: "DIRECTOR")),
    };

    private async Task<Guid> EntityCustomerAsync() => await factory.InScopeAsync("test-officer", async sp =>
    {
        var created = await sp.GetRequiredService<CustomerService>().CreateAsync(
            Customers.ForeignEntity(reference: "ACC-" + Guid.NewGuid().ToString("N")[..10]), Ct);
        Assert.True(created.Ok, created.Message);
        return created.Id!.Value;
    });

    private static async Task<JsonObject> JsonOf(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();

    private static string Url(Guid id) => $"/api/v1/customers/{id}/ownership";

    [Fact]
    public async Task Put_returns_the_beneficial_owners_with_a_diamond_adding_up()
    {
        var id = await EntityCustomerAsync();

        var response = await factory.Client(ApiFactory.BootstrapKey).PutAsJsonAsync(Url(id), Diamond(), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonOf(response);
        var owners = json["beneficialOwners"]!.AsArray().ToDictionary(o => o!["key"]!.GetValue<string>(), o => o!);
        Assert.Equal(["ben", "clara"], owners.Keys.Order());
        Assert.Equal(50m, owners["ben"]["effectivePercent"]!.GetValue<decimal>());
        Assert.Equal("Ben Krause", owners["ben"]["name"]!.GetValue<string>());
        Assert.Contains("director", owners["clara"]["reasons"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(json["blocked"]!["blocked"]!.GetValue<bool>());
        Assert.Equal(0m, json["blocked"]!["percent"]!.GetValue<decimal>());

        // With Alpha at 30 % Anna's two paths add up to exactly 25 % (15 % + 10 %): she becomes a beneficial owner.
        var more = Diamond(annaToAlpha: 50m);
        more["edges"]![4]!["percent"] = 30m;
        more["edges"]![6]!["percent"] = 20m;
        var again = await JsonOf(await factory.Client(ApiFactory.BootstrapKey).PutAsJsonAsync(Url(id), more, Ct));
        var anna = again["beneficialOwners"]!.AsArray().Single(o => o!["key"]!.GetValue<string>() == "anna")!;
        Assert.Equal(25m, anna["effectivePercent"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_percentage_of_120_is_400_at_the_edge_and_the_stored_structure_is_unchanged()
    {
        var id = await EntityCustomerAsync();
        Assert.Equal(HttpStatusCode.OK, (await factory.Client(ApiFactory.BootstrapKey).PutAsJsonAsync(Url(id), Diamond(), Ct)).StatusCode);

        var response = await factory.Client(ApiFactory.BootstrapKey).PutAsJsonAsync(Url(id), Diamond(annaToAlpha: 120m), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await JsonOf(response))["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("edges[0].percent"), errors.ToJsonString());
        var stored = await JsonOf(await factory.Client(ApiFactory.BootstrapKey).GetAsync(Url(id), Ct));
        Assert.Equal(50m, stored["edges"]![0]!["percent"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task A_cycle_is_400_naming_the_edge()
    {
        var id = await EntityCustomerAsync();
        var body = Diamond();
        body["edges"]!.AsArray().Add(Edge("alpha", "beta", control: "director"));
        body["edges"]!.AsArray().Add(Edge("beta", "alpha", control: "director"));

        var response = await factory.Client(ApiFactory.BootstrapKey).PutAsJsonAsync(Url(id), body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonOf(response))["errors"]!.AsObject();
        Assert.Contains(errors, e => e.Key.StartsWith("edges[", StringComparison.Ordinal)
            && e.Value!.AsArray().Any(m => m!.GetValue<string>().Contains("circle", StringComparison.Ordinal)));
        Assert.Empty((await JsonOf(await factory.Client(ApiFactory.BootstrapKey).GetAsync(Url(id), Ct)))["nodes"]!.AsArray());
    }

    [Fact]
    public async Task Bad_kinds_controls_and_malformed_json_are_400_at_their_field()
    {
        var id = await EntityCustomerAsync();
        var body = Diamond();
        body["nodes"]![2]!["kind"] = "trust";
        body["edges"]![7]!["control"] = "chairman";

        var fields = await JsonOf(await factory.Client(ApiFactory.BootstrapKey).PutAsJsonAsync(Url(id), body, Ct));
        var malformed = await factory.Client(ApiFactory.BootstrapKey).PutAsync(Url(id), new StringContent("{\"nodes\": [", Encoding.UTF8, "application/json"), Ct);
        var textPercent = await factory.Client(ApiFactory.BootstrapKey).PutAsync(Url(id),
            new StringContent("""{"nodes":[],"edges":[{"from":"a","to":"customer","percent":"lots"}]}""", Encoding.UTF8, "application/json"), Ct);

        var errors = fields["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("nodes[2].kind"), errors.ToJsonString());
        Assert.True(errors.ContainsKey("edges[7].control"), errors.ToJsonString());
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, textPercent.StatusCode);
        Assert.True((await JsonOf(textPercent))["errors"]!.AsObject().ContainsKey("edges[0].percent"));
    }

    [Fact]
    public async Task An_unknown_customer_is_404()
    {
        var put = await factory.Client(ApiFactory.BootstrapKey).PutAsJsonAsync(Url(Guid.NewGuid()), Diamond(), Ct);
        var get = await factory.Client(ApiFactory.BootstrapKey).GetAsync(Url(Guid.NewGuid()), Ct);
        var notAGuid = await factory.Client(ApiFactory.BootstrapKey).GetAsync("/api/v1/customers/nope/ownership", Ct);

        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notAGuid.StatusCode);
    }

    [Fact]
    public async Task Get_returns_what_put_stored_with_the_computed_owners()
    {
        var id = await EntityCustomerAsync();
        var put = await JsonOf(await factory.Client(ApiFactory.BootstrapKey).PutAsJsonAsync(Url(id), Diamond(), Ct));

        var response = await factory.Client(ApiFactory.BootstrapKey).GetAsync(Url(id), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonOf(response);
        Assert.Equal(5, json["nodes"]!.AsArray().Count);
        Assert.Equal(8, json["edges"]!.AsArray().Count);
        Assert.Equal("beta", json["nodes"]![4]!["key"]!.GetValue<string>());
        Assert.Equal("entity", json["nodes"]![4]!["kind"]!.GetValue<string>());
        Assert.Equal("CH", json["nodes"]![4]!["country"]!.GetValue<string>());
        Assert.Equal("director", json["edges"]![7]!["control"]!.GetValue<string>());
        Assert.Equal(put["beneficialOwners"]!.ToJsonString(), json["beneficialOwners"]!.ToJsonString());
    }

    [Fact]
    public async Task A_key_without_the_customers_scope_is_refused_with_403()
    {
        var id = await EntityCustomerAsync();
        var auditOnly = await factory.CreateKeyAsync(ApiScopes.Audit);

        var put = await factory.Client(auditOnly).PutAsJsonAsync(Url(id), Diamond(), Ct);
        var get = await factory.Client(auditOnly).GetAsync(Url(id), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
    }

    [Fact]
    public async Task Get_returns_each_owners_determination_and_verification()
    {
        var id = await EntityCustomerAsync();
        var client = factory.Client(ApiFactory.BootstrapKey);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync(Url(id), Diamond(), Ct)).StatusCode);
        await factory.InScopeAsync("test-officer", async sp =>
        {
            var owners = sp.GetRequiredService<OwnershipService>();
            var saved = await owners.SaveProfileAsync(id, "ben", Features.Owners.OwnerProfileServiceTests.Profile(usPerson: false), null, Ct);
            Assert.True(saved.Ok, saved.Message);
            var customers = sp.GetRequiredService<CustomerService>();
            var version = (await sp.GetRequiredService<CustomerQueries>().GetAsync(id, Ct))!.Version;
            var evidence = await customers.AddDocumentaryEvidenceAsync(id, version, "Passport", "P1234567", "AT", null, null, Ct, ownerKey: "ben");
            Assert.True(evidence.Ok, evidence.Message);
            var verified = await owners.VerifyOwnerAsync(id, "ben", saved.Version!.Value, Ct);
            Assert.True(verified.Ok, verified.Message);
            return true;
        });

        var json = await JsonOf(await client.GetAsync(Url(id), Ct));

        var owners = json["beneficialOwners"]!.AsArray().ToDictionary(o => o!["key"]!.GetValue<string>(), o => o!);
        Assert.Equal("foreignPerson", owners["ben"]["determination"]!.GetValue<string>());
        Assert.True(owners["ben"]["verified"]!.GetValue<bool>());
        Assert.Null(owners["clara"]["determination"]);
        Assert.False(owners["clara"]["verified"]!.GetValue<bool>());
        Assert.DoesNotContain("P1234567", json.ToJsonString(), StringComparison.Ordinal);
    }
}
