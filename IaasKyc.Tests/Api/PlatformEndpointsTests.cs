using System.Net;
using System.Text.Json;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Api;

public sealed class PlatformEndpointsTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_is_public_and_says_only_Healthy()
    {
        using var client = factory.Client();

        using var response = await client.GetAsync("/health", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(ct));
        Assert.True(File.Exists(factory.DatabasePath), "The app must use the factory's own database.");
    }

    [Fact]
    public async Task The_OpenAPI_document_is_public_and_lists_the_verify_endpoint()
    {
        using var client = factory.Client();

        using var response = await client.GetAsync("/openapi/v1.json", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.True(json.RootElement.GetProperty("paths").TryGetProperty("/api/v1/audit/verify", out _));
    }

    [Fact]
    public async Task An_unauthenticated_page_request_redirects_to_sign_in()
    {
        using var client = factory.Client();

        using var response = await client.GetAsync("/", ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task The_sign_in_page_is_public()
    {
        using var client = factory.Client();

        using var response = await client.GetAsync("/Account/Login", ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/api/v1/audit/verify")]
    [InlineData("/")]
    [InlineData("/Account/Login")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = factory.Client();

        using var response = await client.GetAsync(path, ct);

        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.Contains("default-src 'self'", Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task The_api_call_over_the_limit_is_a_429_problem()
    {
        await using var limited = new ApiFactory { ApiPerMinute = 3 };
        using var client = limited.Client();
        client.DefaultRequestHeaders.Add(ApiKeyAuthentication.Header, ApiFactory.BootstrapKey);

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var ok = await client.GetAsync("/api/v1/audit/verify", ct);
            allowed.Add(ok.StatusCode);
        }
        using var refused = await client.GetAsync("/api/v1/audit/verify", ct);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], allowed);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(ct));
        Assert.Equal(429, json.RootElement.GetProperty("status").GetInt32());
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
    }

    [Fact]
    public async Task Inventing_a_new_key_for_each_call_does_not_escape_the_limit()
    {
        await using var limited = new ApiFactory { ApiPerMinutePerAddress = 3 };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var client = limited.Client($"iak_invented{Guid.NewGuid():N}");
            using var response = await client.GetAsync("/api/v1/audit/verify", ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : "";
}
