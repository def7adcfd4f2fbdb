using System.Net;
using System.Text.Json;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Api;

public sealed class ApiAuthenticationTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private const string Verify = "/api/v1/audit/verify";
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_without_a_key_is_a_401_problem_and_no_redirect_to_sign_in()
    {
        using var client = factory.Client();

        using var response = await client.GetAsync(Verify, ct);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Null(response.Headers.Location);
        Assert.Equal(ApiKeyAuthentication.SchemeName, response.Headers.WwwAuthenticate.ToString());
    }

    [Theory]
    [InlineData("iak_not-a-key-that-was-ever-issued-0000000000000")]
    [InlineData("test-bootstrap-key-012345678")]
    [InlineData("x")]
    public async Task Verify_with_a_wrong_key_is_a_401_problem(string key)
    {
        using var client = factory.Client();

        using var response = await SendAsync(client, key);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Verify_with_a_revoked_key_is_a_401_problem()
    {
        var key = await factory.CreateKeyAsync(ApiScopes.Audit);
        await factory.RevokeKeyAsync(key);
        using var client = factory.Client();

        using var response = await SendAsync(client, key);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_key_with_the_audit_scope_gets_the_chain_verification_in_camel_case()
    {
        var key = await factory.CreateKeyAsync(ApiScopes.Audit);
        using var client = factory.Client();

        using var response = await SendAsync(client, key);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var body = json.RootElement;
        Assert.Equal(["ok", "entries", "firstBrokenSequence"], body.EnumerateObject().Select(p => p.Name));
        Assert.True(body.GetProperty("ok").GetBoolean());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("firstBrokenSequence").ValueKind);
        var entries = body.GetProperty("entries").GetInt64();
        Assert.True(entries >= 5, $"The roles, the default rule pack and the key are audited; got {entries}.");
        Assert.True(entries <= await factory.AuditEntryCountAsync());
    }

    [Fact]
    public async Task The_bootstrap_key_has_every_scope()
    {
        using var client = factory.Client();

        using var response = await SendAsync(client, ApiFactory.BootstrapKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Verify);
        if (key is not null) request.Headers.Add(ApiKeyAuthentication.Header, key);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal((int)status, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("title").GetString()));
        Assert.DoesNotContain("exception", json.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
