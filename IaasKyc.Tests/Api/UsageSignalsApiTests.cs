using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using IaasKyc.Portal.Features.AiTraining;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Api;

/// <summary><c>POST /api/v1/usage-signals</c> (scope <c>signals</c>) and the report PDF download, through the running app.</summary>
public sealed class UsageSignalsApiTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> ForeignAccountAsync()
    {
        var reference = "ACC-SIG-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await factory.InScopeAsync("officer@example.test", sp =>
            Support.Customers.SubmittedForeignAsync(sp.GetRequiredService<CustomerService>(), sp.GetRequiredService<CustomerQueries>(), "Nordlicht " + reference, reference));
        return reference;
    }

    private async Task<HttpResponseMessage> PostAsync(object body, string scope = ApiScopes.Signals) =>
        await factory.Client(await factory.CreateKeyAsync(scope)).PostAsJsonAsync("/api/v1/usage-signals", body, Ct);

    private static async Task<JsonNode> JsonOf(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

    [Fact]
    public async Task A_large_run_is_accepted_with_its_estimate_and_opens_a_case_that_a_second_signal_joins()
    {
        var account = await ForeignAccountAsync();

        var first = await PostAsync(new { accountReference = account, accelerator = "h100", acceleratorCount = 8192, hours = 1000, start = "2026-11-01T08:00:00Z", networkGbps = 400 });
        var second = await PostAsync(new { accountReference = account, accelerator = "B200", acceleratorCount = 8, hours = 10, utilization = 0.5, start = "2026-11-20T08:00:00+01:00" });

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var body = await JsonOf(first);
        Assert.Equal(8192.0 * 1000 * 3600 * 989e12 * 0.4, (double)body["estimatedOperations"]!, 1e12);
        Assert.Equal(8192 * 989e12, (double)body["clusterOpsPerSecond"]!, 1e6);
        Assert.Empty(body["thresholdsMet"]!.AsArray());
        var caseId = (string?)body["caseId"];
        Assert.NotNull(caseId);
        Assert.Equal(caseId, (string?)(await JsonOf(second))["caseId"]);
    }

    [Fact]
    public async Task A_small_run_is_accepted_with_a_null_case()
    {
        var account = await ForeignAccountAsync();

        var response = await PostAsync(new { accountReference = account, accelerator = "A100", acceleratorCount = 8, hours = 24, start = "2026-11-01T08:00:00Z" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await JsonOf(response);
        Assert.True(body.AsObject().ContainsKey("caseId"));
        Assert.Null(body["caseId"]);
    }

    [Fact]
    public async Task An_unknown_account_is_404()
    {
        var response = await PostAsync(new { accountReference = "ACC-NOBODY", accelerator = "H100", acceleratorCount = 8, hours = 24, start = "2026-11-01T08:00:00Z" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("""{ "accountReference": "ACC-X", "accelerator": "TPUv9", "acceleratorCount": 8, "hours": 24, "start": "2026-11-01T08:00:00Z" }""", "accelerator")]
    [InlineData("""{ "accountReference": "ACC-X", "accelerator": "H100", "acceleratorCount": 0, "hours": 24, "start": "2026-11-01T08:00:00Z" }""", "acceleratorCount")]
    [InlineData("""{ "accountReference": "ACC-X", "accelerator": "H100", "acceleratorCount": 8, "hours": -2, "start": "2026-11-01T08:00:00Z" }""", "hours")]
    [InlineData("""{ "accountReference": "ACC-X", "accelerator": "H100", "acceleratorCount": 8, "hours": "many", "start": "2026-11-01T08:00:00Z" }""", "hours")]
    [InlineData("""{ "accountReference": "ACC-X", "accelerator": "H100", "acceleratorCount": 8, "hours": 24, "utilization": 1.5, "start": "2026-11-01T08:00:00Z" }""", "utilization")]
    [InlineData("""{ "accountReference": "ACC-X", "accelerator": "H100", "acceleratorCount": 8, "hours": 24 }""", "start")]
    public async Task Invalid_input_is_400_naming_the_field(string json, string field)
    {
        var client = factory.Client(await factory.CreateKeyAsync(ApiScopes.Signals));

        var response = await client.PostAsync("/api/v1/usage-signals", new StringContent(json, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True((await JsonOf(response))["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task A_key_without_the_signals_scope_is_403()
    {
        var response = await PostAsync(new { accountReference = "ACC-X" }, scope: ApiScopes.Customers);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_report_pdf_downloads_for_an_auditor_with_an_audit_entry_and_not_without_signing_in()
    {
        var account = await ForeignAccountAsync();
        var caseId = (string)(await JsonOf(await PostAsync(new { accountReference = account, accelerator = "H100", acceleratorCount = 8192, hours = 1000, start = "2026-11-01T08:00:00Z" })))["caseId"]!;
        var id = Guid.Parse(caseId);
        await factory.InScopeAsync("officer@example.test", async sp =>
        {
            var cases = sp.GetRequiredService<TrainingCaseService>();
            var detail = (await cases.GetAsync(id))!;
            var written = await cases.SaveNarrativeAsync(id, detail.Row.Version, detail.Narrative with
            {
                IntendedUse = "Code assistant",
                CyberCapability = "Exploit generation",
            });
            return await cases.MarkDraftReadyAsync(id, written.Version!.Value);
        });
        var path = new Uri($"/ai-training/cases/{id}/versions/1/report.pdf", UriKind.Relative);
        using var anonymous = factory.Client();
        using var auditor = factory.Client();
        auditor.DefaultRequestHeaders.Add("Cookie", await factory.SignInCookieAsync(Roles.Auditor));
        var before = await factory.AuditEntryCountAsync();

        using var refused = await anonymous.GetAsync(path, Ct);
        using var pdf = await auditor.GetAsync(path, Ct);
        using var missing = await auditor.GetAsync(new Uri($"/ai-training/cases/{id}/versions/9/report.pdf", UriKind.Relative), Ct);

        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var text = string.Join(" ", ServiceTestDb.PageTexts(await pdf.Content.ReadAsByteArrayAsync(Ct)));
        Assert.Contains("NOT APPROVED", text);
        Assert.Contains("1.17 × 10^25", text);
        Assert.Equal(before + 1, await factory.AuditEntryCountAsync());
    }
}
