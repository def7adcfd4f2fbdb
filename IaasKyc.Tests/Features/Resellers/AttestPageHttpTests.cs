using System.Net;
using IaasKyc.Domain.Resellers;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Resellers;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task A_signed_attestations_certificate_downloads_as_a_pdf_for_an_auditor_and_not_without_signing_in()
    {
        var (resellerId, attestationId) = await SignedAttestationAsync();
        var path = new Uri($"/resellers/{resellerId}/attestations/{attestationId}/certificate.pdf", UriKind.Relative);
        using var anonymous = factory.Client();
        using var auditor = factory.Client();
        auditor.DefaultRequestHeaders.Add("Cookie", await factory.SignInCookieAsync(Roles.Auditor));

        using var refused = await anonymous.GetAsync(path, TestContext.Current.CancellationToken);
        using var pdf = await auditor.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF-", await pdf.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private async Task<(Guid Reseller, Guid Attestation)> SignedAttestationAsync()
    {
        var customerId = await factory.InScopeAsync("officer@example.test", sp =>
            Support.Customers.SubmittedForeignAsync(sp.GetRequiredService<CustomerService>(), sp.GetRequiredService<CustomerQueries>()));
        var (reseller, template) = await factory.InScopeAsync("officer@example.test", async sp =>
        {
            var created = await sp.GetRequiredService<ResellerService>().CreateAsync(new NewResellerInput(customerId, "2026-01-15",
                new("Jonas Weber", "CCO", "jonas@nordlicht.example", "030 9876543")));
            return (created.Id!.Value, await sp.GetRequiredService<AttestationService>().DraftAsync(AttestationTemplateServiceTests.Standard()));
        });
        await factory.InScopeAsync("approver@example.test", sp => sp.GetRequiredService<AttestationService>().ApproveAsync(template.Id!.Value, template.Version!.Value));
        return await factory.InScopeAsync("officer@example.test", async sp =>
        {
            var service = sp.GetRequiredService<AttestationService>();
            var sent = await service.SendAsync(reseller, null, "http://localhost/");
            var token = sent.Link![(sent.Link!.LastIndexOf('/') + 1)..];
            var opened = await service.OpenAsync(token);
            Assert.True((await service.SignAsync(token, new SignatureInput("Mina Weber", "CEO", "mina@nordlicht.example", true, opened.TextSha256), "127.0.0.1")).Ok);
            return (reseller, sent.Outcome.Id!.Value);
        });
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();
}
