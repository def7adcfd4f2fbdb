using System.Net;
using IaasKyc.Domain.Resellers;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Resellers;

/// <summary>The public signing page over HTTP: anonymous, static, and rate-limited per address (RateLimits:PublicLinkPerMinute, default 30).</summary>
public sealed class AttestPageHttpTests : IAsyncDisposable
{
    private readonly ApiFactory factory = new();

    [Fact]
    public async Task An_unknown_token_gets_a_plain_explanation_without_signing_in_and_without_a_circuit()
    {
        using var client = factory.Client();

        var response = await client.GetAsync(new Uri("/attest/" + AttestationTokens.New(), UriKind.Relative), TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This link is not valid", html);
        Assert.DoesNotContain("Account/Login", response.RequestMessage!.RequestUri!.ToString());
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", html);
        Assert.DoesNotContain("<form", html);
    }

    [Fact]
    public async Task Repeated_bad_tokens_from_one_address_are_refused_with_429()
    {
        using var client = factory.Client();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 31; i++)
        {
            using var response = await client.GetAsync(new Uri("/attest/bad-token-" + i, UriKind.Relative), TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(30), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[30]);
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();
}
