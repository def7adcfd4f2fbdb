using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IaasKyc.Portal.Data.Seed;
using IaasKyc.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IaasKyc.Tests.Browser;

/// <summary>
/// Issue 7 item 7: a usage signal through the API opens a case; an Officer drafts the report, an Approver approves it, the Officer
/// records the filing; the report PDF holds the customer's IP addresses (from the access records) and the compute figures.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AiTrainingReportFlowTests(PortalServer portal)
{
    private static readonly LocatorAssertionsToHaveTextOptions Text = new() { Timeout = PortalServer.TimeoutMs };

    [Fact]
    public async Task A_usage_signal_opens_a_case_an_Officer_drafts_an_Approver_approves_it_is_filed_and_the_pdf_has_the_ips_and_the_compute()
    {
        var ct = TestContext.Current.CancellationToken;
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var reference = $"ACC-PW-{suffix}";
        using var api = new HttpClient { BaseAddress = new Uri(portal.BaseUrl) };
        api.DefaultRequestHeaders.Add("X-Api-Key", portal.ApiBootstrapKey);
        var created = await api.PostAsJsonAsync("/api/v1/customers", Support.Customers.ForeignEntity($"Ostsee Modellwerk {suffix} GmbH", reference), ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(ct));
        var at = DateTime.UtcNow.AddDays(-2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var access = await api.PostAsJsonAsync($"/api/v1/accounts/{reference}/access-events",
            new[] { new { ip = "198.51.100.77", at, kind = "access" }, new { ip = "2001:db8:7::1", at, kind = "administration" } }, ct);
        Assert.True(access.IsSuccessStatusCode, await access.Content.ReadAsStringAsync(ct));
        var signal = await api.PostAsJsonAsync("/api/v1/usage-signals",
            new { accountReference = reference, accelerator = "H100", acceleratorCount = 8192, hours = 1000, start = at, networkGbps = 400 }, ct);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, signal.StatusCode);
        var caseId = (string?)JsonNode.Parse(await signal.Content.ReadAsStringAsync(ct))!["caseId"];
        Assert.NotNull(caseId);
        var casePath = $"/ai-training/cases/{caseId}";

        // The Officer writes the narrative and marks the draft ready.
        await using var officerContext = await portal.NewContextAsync();
        var officer = await officerContext.NewPageAsync();
        await PortalServer.SignInAsync(officer, "officer@iaaskyc.example", UsersDemoSeed.Password);
        await officer.GotoAsync(casePath);
        await PortalServer.WaitForCircuitAsync(officer);
        await Expect(officer.GetByTestId("signals")).ToContainTextAsync("8,192 × H100", new() { Timeout = PortalServer.TimeoutMs });
        await officer.GetByLabel("Intended use of the model", new() { Exact = true }).FillAsync("A code model the customer sells as a service.");
        await officer.GetByLabel("Why it may have malicious-cyber capability", new() { Exact = true }).FillAsync("Trained on exploit databases and scanner output.");
        await officer.GetByLabel("Why it may have malicious-cyber capability", new() { Exact = true }).BlurAsync();
        await officer.GetByTestId("save-draft").ClickAsync();
        // The save's own confirmation, not the estimate (shown before the save too): marking ready needs the saved version,
        // and a click before the save has landed is refused as a conflict (seen once in CI under load).
        await Expect(officer.GetByText("Draft saved.")).ToBeVisibleAsync(new() { Timeout = PortalServer.TimeoutMs });
        await Expect(officer.GetByTestId("draft-estimate")).ToContainTextAsync("1.17 × 10^25 operations", new() { Timeout = PortalServer.TimeoutMs });
        await officer.GetByRole(AriaRole.Button, new() { Name = "Mark draft ready" }).ClickAsync();
        await Expect(officer.GetByTestId("case-state")).ToHaveTextAsync("Draft ready", Text);

        // Another person, an Approver, approves the frozen version.
        await using (var approverContext = await portal.NewContextAsync())
        {
            var approver = await approverContext.NewPageAsync();
            await PortalServer.SignInAsync(approver, "approver@iaaskyc.example", UsersDemoSeed.Password);
            await approver.GotoAsync(casePath);
            await PortalServer.WaitForCircuitAsync(approver);
            await approver.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();
            await Expect(approver.GetByTestId("case-state")).ToHaveTextAsync("Approved", Text);
        }

        // The Officer records the filing.
        await officer.ReloadAsync();
        await PortalServer.WaitForCircuitAsync(officer);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")));
        await officer.Locator("#filed-on").FillAsync(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await officer.Locator("#reference").FillAsync($"BIS-AI-{suffix}");
        await officer.Locator("#reference").BlurAsync();
        await officer.GetByTestId("file-report").ClickAsync();
        await Expect(officer.GetByTestId("case-state")).ToHaveTextAsync("Filed", Text);
        await Expect(officer.GetByTestId("versions")).ToContainTextAsync("Approved", new() { Timeout = PortalServer.TimeoutMs });
        await officer.ScreenshotAsync(new() { Path = Path.Combine(Directory.CreateDirectory(Path.Combine(portal.RepoRoot, "artifacts", "screenshots")).FullName, "ai-training-case-filed.png"), FullPage = true });

        var href = await officer.GetByTestId("pdf-1").GetAttributeAsync("href");
        var pdf = await officerContext.APIRequest.GetAsync(portal.BaseUrl.TrimEnd('/') + href);
        Assert.Equal(200, pdf.Status);
        var text = string.Join(" ", ServiceTestDb.PageTexts(await pdf.BodyAsync()));
        Assert.Contains("198.51.100.77", text);
        Assert.Contains("2001:db8:7::1", text);
        Assert.Contains("1.17 × 10^25", text);
        Assert.Contains("8.10 × 10^18", text);
        Assert.Contains($"BIS-AI-{suffix}", text);
        Assert.Contains("approver@iaaskyc.example", text);
    }
}
