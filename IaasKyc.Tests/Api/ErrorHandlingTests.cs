using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Api;

/// <summary>An unhandled error reaches nobody as a stack trace: people get a page with a correlation id, API callers a problem.</summary>
public sealed class ErrorHandlingTests : IAsyncDisposable
{
    private const string Secret = "secret-stack-detail-42";
    private readonly ApiFactory factory = new();
    private readonly CancellationToken ct = TestContext.Current.CancellationToken;

    /// <summary>Adds failing routes after the app's own pipeline, so the portal's exception handling is what catches them.</summary>
    private HttpClient FailingClient() => factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new Failing())))
        .CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Fact]
    public async Task A_failing_page_leads_to_the_friendly_error_page_with_a_correlation_id()
    {
        using var client = FailingClient();

        using var failed = await client.GetAsync("/boom", ct);
        var location = failed.Headers.Location!.ToString();
        using var page = await client.GetAsync(location, ct);
        var html = await page.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.Redirect, failed.StatusCode);
        Assert.StartsWith("/Error?id=", location);
        Assert.Contains("Something went wrong", html);
        Assert.Contains(Uri.UnescapeDataString(location["/Error?id=".Length..]), html);
        Assert.DoesNotContain(Secret, html);
        Assert.DoesNotContain("   at ", html);
    }

    [Fact]
    public async Task A_failing_API_call_is_a_500_problem_with_a_correlation_id_and_no_detail()
    {
        using var client = FailingClient();

        using var response = await client.GetAsync("/api/v1/boom", ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        using var json = JsonDocument.Parse(body);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("correlationId").GetString()));
        Assert.DoesNotContain(Secret, body);
    }

    [Theory]
    [InlineData("GET", HttpStatusCode.NotFound)]
    [InlineData("POST", HttpStatusCode.MethodNotAllowed)]
    public async Task An_unknown_API_route_is_a_problem_not_the_not_found_page(string method, HttpStatusCode expected)
    {
        using var client = factory.Client(await factory.CreateKeyAsync(ApiScopes.Customers));
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/v1/nope") { Content = method == "POST" ? JsonContent.Create(new { name = "x" }) : null };

        using var response = await client.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        using var json = JsonDocument.Parse(body);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, json.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("correlationId").GetString()));
    }

    [Fact]
    public async Task An_unknown_page_is_still_the_not_found_page()
    {
        using var client = factory.Client();

        using var response = await client.GetAsync("/no-such-page", ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    public ValueTask DisposeAsync() => factory.DisposeAsync();

    private sealed class Failing : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Run(context => context.Request.Path.Value!.EndsWith("/boom", StringComparison.Ordinal)
                ? throw new InvalidOperationException(Secret)
                : Task.CompletedTask);
        };
    }
}
