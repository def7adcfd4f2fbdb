using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Tests.Features.AccessEvents;
using IaasKyc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Api;

public sealed class AccessEventsApiTests(AccessEventsApiTests.Fixture fixture) : IClassFixture<AccessEventsApiTests.Fixture>
{
    /// <summary>One portal for the class, with account ACC-API-1.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public ApiFactory Factory { get; } = new();

        public async ValueTask InitializeAsync()
        {
            var outcome = await Factory.InScopeAsync("test", sp => sp.GetRequiredService<CustomerService>()
                .CreateAsync(AccessEventServiceTests.Customer("ACC-API-1") with { Email = "api@nordlicht.example" }));
            Assert.True(outcome.Ok, outcome.Message);
        }

        public ValueTask DisposeAsync() => Factory.DisposeAsync();
    }

    private const string Url = "/api/v1/accounts/ACC-API-1/access-events";

    private static object[] Entries(int n) =>
        [.. Enumerable.Range(0, n).Select(i => new { ip = $"10.{i / 65536 % 256}.{i / 256 % 256}.{i % 256}", at = "2026-01-15T10:00:00Z", kind = "access" })];

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Posting_valid_entries_returns_202_with_the_stored_count()
    {
        using var client = fixture.Factory.Client(ApiFactory.BootstrapKey);

        var response = await client.PostAsJsonAsync(Url, new object[]
        {
            new { ip = "203.0.113.7", at = "2026-01-15T10:00:00Z", kind = "access" },
            new { ip = "2001:db8::1", at = "2026-01-15T11:00:00+01:00", kind = "Administration" },
        }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(2, body.GetProperty("stored").GetInt32());
    }

    [Fact]
    public async Task A_bad_entry_returns_400_keyed_by_its_index_and_stores_nothing()
    {
        using var client = fixture.Factory.Client(ApiFactory.BootstrapKey);
        var before = await CountAsync();

        var response = await client.PostAsJsonAsync(Url, new object[]
        {
            new { ip = "203.0.113.7", at = "2026-01-15T10:00:00Z", kind = "access" },
            new { ip = "300.0.0.1", at = "2026-01-15T10:00:00Z", kind = "access" },
        }, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ProblemAsync(response)).GetProperty("errors");
        Assert.Contains("not an IP address", errors.GetProperty("[1].ip")[0].GetString());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Malformed_json_returns_a_400_problem()
    {
        using var client = fixture.Factory.Client(ApiFactory.BootstrapKey);

        var response = await client.PostAsync(Url, new StringContent("[ { \"ip\": \"203.0.113.7\", ", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, (await ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task An_unknown_account_returns_a_404_problem()
    {
        using var client = fixture.Factory.Client(ApiFactory.BootstrapKey);

        var response = await client.PostAsJsonAsync("/api/v1/accounts/NO-SUCH-ACCOUNT/access-events", Entries(1), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await ProblemAsync(response)).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Without_a_key_the_answer_is_401()
    {
        using var client = fixture.Factory.CreateClient();

        var response = await client.PostAsJsonAsync(Url, Entries(1), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_key_without_the_customers_scope_gets_403()
    {
        var created = await fixture.Factory.InScopeAsync("test", sp => sp.GetRequiredService<ApiKeyService>()
            .CreateAsync("Screening only", [ApiScopes.Screening], "admin@example.test"));
        using var client = fixture.Factory.Client(created.Secret);

        var response = await client.PostAsJsonAsync(Url, Entries(1), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task More_than_ten_thousand_entries_return_413_and_store_nothing()
    {
        using var client = fixture.Factory.Client(ApiFactory.BootstrapKey);
        var before = await CountAsync();

        var response = await client.PostAsJsonAsync(Url, Entries(10_001), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(413, (await ProblemAsync(response)).GetProperty("status").GetInt32());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Ten_thousand_entries_are_stored_in_one_call()
    {
        using var client = fixture.Factory.Client(ApiFactory.BootstrapKey);
        await client.PostAsJsonAsync(Url, Entries(10), TestContext.Current.CancellationToken);
        var body = JsonContent.Create(Entries(10_000));
        await body.LoadIntoBufferAsync(TestContext.Current.CancellationToken);

        var clock = Stopwatch.StartNew();
        var response = await client.PostAsync(Url, body, TestContext.Current.CancellationToken);
        clock.Stop();

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var stored = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(10_000, stored.GetProperty("stored").GetInt32());
        // Timed by the benchmark (docs/performance.md), not asserted here: parallel test classes share two cores.
        TestContext.Current.SendDiagnosticMessage($"10,000 entries over HTTP: {clock.ElapsedMilliseconds} ms");
    }

    private Task<int> CountAsync() => fixture.Factory.InScopeAsync("test", async sp =>
    {
        var db = sp.GetRequiredService<IaasKyc.Portal.Data.PortalDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AccessEvents);
    });
}
