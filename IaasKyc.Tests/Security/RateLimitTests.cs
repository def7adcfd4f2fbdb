using System.Globalization;
using System.Net;
using System.Text.Json;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Security;

/// <summary>Sign-in attempts per client address and API calls per key are limited (RateLimits:*); over the limit, 429 problem details with Retry-After.</summary>
public sealed class RateLimitTests
{
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sign_in_attempts_over_the_limit_are_refused_with_429_and_Retry_After()
    {
        await using var limited = new ApiFactory { SignInPerMinute = 3 };
        using var client = limited.Client();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last?.Dispose();
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "nobody@example.com", ["Input.Password"] = "wrong-password-123" });
            last = await client.PostAsync("/Account/Login", form, ct);
            statuses.Add(last.StatusCode);
        }
        using var page = await client.GetAsync("/Account/Login", ct);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        await AssertTooManyAsync(last!);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode); // reading the sign-in page is not an attempt
        last!.Dispose();
    }

    [Fact]
    public async Task Each_key_has_its_own_allowance()
    {
        await using var limited = new ApiFactory { ApiPerMinute = 2 };
        var first = await limited.CreateKeyAsync(ApiScopes.Audit);
        var second = await limited.CreateKeyAsync(ApiScopes.Audit);
        using var one = limited.Client(first);
        using var two = limited.Client(second);

        for (var i = 0; i < 2; i++)
        {
            using var ok = await one.GetAsync("/api/v1/audit/verify", ct);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using var refused = await one.GetAsync("/api/v1/audit/verify", ct);
        using var other = await two.GetAsync("/api/v1/audit/verify", ct);

        await AssertTooManyAsync(refused);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    private async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        Assert.Equal(429, json.RootElement.GetProperty("status").GetInt32());
        Assert.InRange(int.Parse(response.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture), 1, 60);
    }
}
