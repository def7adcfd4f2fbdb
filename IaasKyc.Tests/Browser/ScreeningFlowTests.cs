using System.Text;
using IaasKyc.Portal.Data.Seed;
using IaasKyc.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IaasKyc.Tests.Browser;

/// <summary>
/// Issue 5 item 8: an Admin imports a Consolidated Screening List file that lists the demo customer "Amstel Edge B.V.";
/// the re-screening batch raises a hit; an Officer proposes "match" with a comment; an Approver confirms it in another
/// browser; the customer is then prohibited.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreeningFlowTests(PortalServer portal)
{
    private const string Customer = "Amstel Edge B.V.";
    private const string Listed = "AMSTEL EDGE BV";
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = PortalServer.TimeoutMs };
    private static readonly LocatorAssertionsToContainTextOptions Contains = new() { Timeout = PortalServer.TimeoutMs };

    private static byte[] CslFile()
    {
        const string header = "source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order," +
            "license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks," +
            "source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids";
        const string row = "Entity List (EL) - Bureau of Industry and Security,,Entity,,AMSTEL EDGE BV,,\"Keizersgracht 123, Amsterdam, NL\"," +
            "89 F.R. 12345 3/1/2026,2026-03-01,,,For all items subject to the EAR,Presumption of denial,,,,,,,,http://bit.ly/1L47xrV,Amstel Edge Computing,,,,,,";
        return Encoding.UTF8.GetBytes(header + "\n" + row + "\n");
    }

    [Fact]
    public async Task An_import_raises_a_hit_that_an_officer_proposes_and_another_approver_confirms()
    {
        await using var admin = await portal.NewContextAsync();
        var page = await admin.NewPageAsync();
        await PortalServer.SignInAsync(page, "admin@iaaskyc.example", UsersDemoSeed.Password);
        await page.GotoAsync("/lists");
        await PortalServer.WaitForCircuitAsync(page);
        var panel = page.GetByTestId("list-import");
        await PortalServer.ChooseOptionAsync(page, panel.GetByLabel("List"), "Consolidated Screening List");
        await panel.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "csl.csv", MimeType = "text/csv", Buffer = CslFile() });
        await Expect(page.GetByTestId("file-csl")).ToContainTextAsync("csl.csv", Contains);
        await panel.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("import-result")).ToContainTextAsync("1 entry and 1 alias", Contains);
        await Expect(page.GetByTestId("rescreen-state")).ToContainTextAsync("Finished", new() { Timeout = 60_000 });

        await using var officer = await portal.NewContextAsync();
        var officerPage = await officer.NewPageAsync();
        await PortalServer.SignInAsync(officerPage, "officer@iaaskyc.example", UsersDemoSeed.Password);
        await officerPage.GotoAsync("/screening");
        await PortalServer.WaitForCircuitAsync(officerPage);
        await officerPage.GetByRole(AriaRole.Link, new() { Name = Listed, Exact = true }).ClickAsync();
        await Expect(officerPage.GetByRole(AriaRole.Heading, new() { Name = $"{Customer} ↔ {Listed}", Level = 1 })).ToBeVisibleAsync(Visible);
        await PortalServer.WaitForCircuitAsync(officerPage);
        var hitUrl = officerPage.Url;
        await officerPage.GetByText("Match: this is the listed person or company").ClickAsync();
        await officerPage.GetByLabel("Comment").FillAsync("Same name and the same Amsterdam address as the Entity List entry.");
        await officerPage.GetByRole(AriaRole.Button, new() { Name = "Propose", Exact = true }).ClickAsync();
        await Expect(officerPage.GetByTestId("hit-status")).ToContainTextAsync("Proposed: match", Contains);

        await using var approver = await portal.NewContextAsync();
        var approverPage = await approver.NewPageAsync();
        await PortalServer.SignInAsync(approverPage, "approver@iaaskyc.example", UsersDemoSeed.Password);
        await approverPage.GotoAsync(hitUrl);
        await PortalServer.WaitForCircuitAsync(approverPage);
        await approverPage.GetByRole(AriaRole.Button, new() { Name = "Confirm the match" }).ClickAsync();
        await Expect(approverPage.GetByTestId("hit-status")).ToContainTextAsync("Confirmed match", Contains);

        await approverPage.GetByTestId("hit-decision").Page.GetByRole(AriaRole.Link, new() { Name = Customer, Exact = true }).ClickAsync();
        await Expect(approverPage.GetByRole(AriaRole.Heading, new() { Name = Customer, Level = 1 })).ToBeVisibleAsync(Visible);
        await Expect(approverPage.GetByTestId("provisioning-chip")).ToContainTextAsync("blocked", Contains);
        await Expect(approverPage.GetByText("Prohibited").First).ToBeVisibleAsync(Visible);
    }
}
