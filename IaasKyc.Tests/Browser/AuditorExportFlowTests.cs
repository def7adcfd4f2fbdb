using System.Text;
using IaasKyc.Portal.Data.Seed;
using IaasKyc.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IaasKyc.Tests.Browser;

/// <summary>
/// Issue 8 item 7: an Auditor finds a demo customer and the demo's signed certification in the auditor workspace, exports the
/// CIP dossier, a CSV and the certification PDF (all then in the audit trail), and cannot change anything: no edit action on the customer page, and direct writes are refused.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AuditorExportFlowTests(PortalServer portal)
{
    private const string Customer = "Shenzhen Lianhe Computing Co., Ltd.";
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = PortalServer.TimeoutMs };

    [Fact]
    public async Task An_auditor_finds_a_customer_and_a_certification_exports_them_and_a_csv_and_cannot_change_anything()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await PortalServer.SignInAsync(page, "auditor@iaaskyc.example", UsersDemoSeed.Password);
        await PortalServer.WaitForCircuitAsync(page);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Auditor workspace" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Auditor workspace", Level = 1 })).ToBeVisibleAsync(Visible);
        await PortalServer.WaitForCircuitAsync(page);

        await page.GetByLabel("Find a record").FillAsync("Shenzhen Lianhe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var row = page.GetByTestId("workspace-results").GetByRole(AriaRole.Row).Filter(new() { HasText = "Customer" }).Filter(new() { HasText = Customer });
        await Expect(row).ToBeVisibleAsync(Visible);

        var dossierHref = await row.GetByRole(AriaRole.Link, new() { Name = $"CIP dossier (PDF) of {Customer}" }).GetAttributeAsync("href");
        var dossier = await context.APIRequest.GetAsync(dossierHref!);
        Assert.Equal(200, dossier.Status);
        Assert.StartsWith("application/pdf", dossier.Headers["content-type"], StringComparison.Ordinal);
        var text = string.Join(' ', ServiceTestDb.PageTexts(await dossier.BodyAsync()));
        Assert.Contains(Customer, text);
        Assert.Contains("IP access summary", text);
        Assert.Contains("Wei Zhang", text);
        Assert.Contains("Chain verified: OK", text);

        var csvHref = await page.GetByTestId("csv-exports").GetByRole(AriaRole.Link, new() { Name = "Customers (CSV)" }).GetAttributeAsync("href");
        var csv = await context.APIRequest.GetAsync(csvHref!);
        Assert.Equal(200, csv.Status);
        var lines = Encoding.UTF8.GetString(await csv.BodyAsync()).Split("\r\n");
        Assert.StartsWith("id,kind,name,", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains(Customer, StringComparison.Ordinal));

        // The demo's signed initial certification is found by kind and state, and its PDF carries the signature.
        await page.GetByLabel("Find a record").FillAsync("initial signed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var certificationRow = page.GetByTestId("workspace-results").GetByRole(AriaRole.Row)
            .Filter(new() { HasText = "Initial certification as of" }).Filter(new() { HasText = "Signed by Avery Quinn" }).First;
        await Expect(certificationRow).ToBeVisibleAsync(Visible);
        var certificationLink = certificationRow.GetByRole(AriaRole.Link, new() { Name = "Certification (PDF)" });
        await Expect(certificationLink).ToBeVisibleAsync(Visible);
        var certificationHref = await certificationLink.GetAttributeAsync("href");
        Assert.Matches("^/certifications/[0-9a-f-]{36}/report.pdf$", certificationHref);
        var certification = await context.APIRequest.GetAsync(certificationHref!);
        Assert.Equal(200, certification.Status);
        Assert.StartsWith("application/pdf", certification.Headers["content-type"], StringComparison.Ordinal);
        var certificationText = string.Join(' ', ServiceTestDb.PageTexts(await certification.BodyAsync()));
        Assert.Contains("CIP initial certification", certificationText);
        Assert.Contains("Avery Quinn, Chief Compliance Officer", certificationText);

        // The three exports are in the trail, attributed to the auditor.
        await page.GotoAsync("/audit");
        await PortalServer.WaitForCircuitAsync(page);
        await Expect(page.GetByText("CustomerDossier").First).ToBeVisibleAsync(Visible);
        await Expect(page.GetByText("CsvExport").First).ToBeVisibleAsync(Visible);
        await Expect(page.GetByText("CertificationReport").First).ToBeVisibleAsync(Visible);

        // Read-only: the customer page offers the dossier but no action, and writes outside the UI are refused.
        await page.GotoAsync(new Uri(dossierHref!.Replace("/dossier.pdf", "", StringComparison.Ordinal), UriKind.Relative).ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Customer, Level = 1 })).ToBeVisibleAsync(Visible);
        await PortalServer.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("dossier-pdf")).ToBeVisibleAsync(Visible);
        foreach (var action in new[] { "Continue intake", "Submit for verification", "Verify", "Reject", "Escalate", "Close", "Restrict use while pending" })
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = action, Exact = true })).ToHaveCountAsync(0);
        var customerId = dossierHref.Split('/')[2];
        var post = await context.APIRequest.PostAsync("/api/v1/customers", new() { DataObject = new { name = "Injected by an auditor" } });
        Assert.Equal(401, post.Status);
        var put = await context.APIRequest.PutAsync($"/api/v1/customers/{customerId}/ownership", new() { DataObject = new { nodes = Array.Empty<object>(), edges = Array.Empty<object>() } });
        Assert.Equal(401, put.Status);
        var postExport = await context.APIRequest.PostAsync("/exports/customers.csv");
        Assert.True(postExport.Status is 400 or 405, $"POST to an export answered {postExport.Status}");
    }
}
