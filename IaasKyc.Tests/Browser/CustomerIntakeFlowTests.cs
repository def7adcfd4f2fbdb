using System.Globalization;
using System.Text.RegularExpressions;
using IaasKyc.Portal.Data.Seed;
using IaasKyc.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IaasKyc.Tests.Browser;

/// <summary>
/// Issue 3 item 11: an Officer takes in a foreign entity through the wizard and submits it; the four-eyes rule refuses the
/// submitter's own decision on the server; a different Approver verifies it. Screenshots go to artifacts/screenshots/flow-*.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CustomerIntakeFlowTests(PortalServer portal)
{
    private const string Submitter = "lead@iaaskyc.example";
    private const string OtherApprover = "approver@iaaskyc.example";
    private const string FourEyesMessage = "You submitted this customer: another Approver must decide.";

    [Fact]
    public async Task An_officer_takes_in_a_foreign_entity_and_a_different_approver_verifies_it_while_the_submitter_cannot()
    {
        // The demo seed may hold customers, and one portal serves every browser test of the run: a name and a reference of this test's own.
        var unique = Guid.NewGuid().ToString("N")[..8];
        var name = $"Flusswerk Rechenzentrum GmbH {unique}";
        var reference = $"ACC-FLOW-{unique}";
        var shots = Directory.CreateDirectory(Path.Combine(portal.RepoRoot, "artifacts", "screenshots")).FullName;
        await using var officerContext = await portal.NewContextAsync();
        var lead = await officerContext.NewPageAsync();
        await PortalServer.SignInAsync(lead, Submitter, UsersDemoSeed.Password);

        await lead.GotoAsync("/customers/new");
        await PortalServer.WaitForCircuitAsync(lead);
        await TakeInForeignEntityAsync(lead, name, reference, shots);
        await Expect(lead).ToHaveURLAsync(CustomerUrl());
        var customerUrl = lead.Url;
        await Expect(lead.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(lead.GetByTestId("status-chip")).ToHaveTextAsync("Submitted");
        await Expect(lead.GetByText("another Approver must decide (four-eyes rule)")).ToBeVisibleAsync();
        await ShotAsync(lead, shots, "flow-6-submitted");

        // The submitter holds the Approver role too, so the button is there: the server must refuse.
        await VerifyAsync(lead);
        await Expect(lead.GetByTestId("action-refused")).ToContainTextAsync(FourEyesMessage);
        await Expect(lead.GetByTestId("status-chip")).ToHaveTextAsync("Submitted");
        await ShotAsync(lead, shots, "flow-7-refused");

        await using var approverContext = await portal.NewContextAsync();
        var approver = await approverContext.NewPageAsync();
        await PortalServer.SignInAsync(approver, OtherApprover, UsersDemoSeed.Password);
        await approver.GotoAsync("/review");
        await PortalServer.WaitForCircuitAsync(approver);
        var row = approver.GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("status-chip")).ToHaveTextAsync("Submitted");
        await Expect(row).ToContainTextAsync(Submitter);
        await row.ScrollIntoViewIfNeededAsync();
        await ShotAsync(approver, shots, "flow-8-review-queue");
        await row.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await Expect(approver).ToHaveURLAsync(customerUrl);
        await PortalServer.WaitForCircuitAsync(approver);
        // The queue's own status chips are gone once the customer's heading shows.
        await Expect(approver.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(approver.GetByTestId("status-chip")).ToHaveTextAsync("Submitted");
        await VerifyAsync(approver);

        await Expect(approver.GetByTestId("status-chip")).ToHaveTextAsync("Verified");
        await Expect(approver.GetByTestId("provisioning-chip")).ToHaveTextAsync("Provisioning: allowed");
        await Expect(approver.GetByTestId("action-refused")).ToHaveCountAsync(0);
        await ShotAsync(approver, shots, "flow-9-verified");
    }

    private static async Task TakeInForeignEntityAsync(IPage page, string name, string reference, string shots)
    {
        await page.GetByRole(AriaRole.Radio, new() { Name = "Entity", Exact = true }).CheckAsync();
        await page.GetByLabel("Legal name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Date of incorporation", new() { Exact = true }).FillAsync("2016-04-12");
        await ChooseCountryAsync(page, "Jurisdiction of organisation");
        await ShotAsync(page, shots, "flow-1-identity");
        await NextAsync(page);

        await page.GetByLabel("Address line 1", new() { Exact = true }).FillAsync("Friedrichstraße 68");
        await page.GetByLabel("City", new() { Exact = true }).FillAsync("Berlin");
        await page.GetByLabel("Postal code", new() { Exact = true }).FillAsync("10117");
        await ChooseCountryAsync(page, "Country");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync($"compliance+{reference.ToLowerInvariant()}@flusswerk.example");
        await page.GetByLabel("Phone", new() { Exact = true }).FillAsync("+49 30 1234567");
        await ShotAsync(page, shots, "flow-2-contact");
        await NextAsync(page);

        await page.GetByRole(AriaRole.Radio, new() { Name = "Foreign person", Exact = true }).CheckAsync();
        await page.GetByLabel("Basis of the determination", new() { Exact = true }).FillAsync("Handelsregister extract (HRB, Berlin) and declared German address");
        // A week back: "today" in UTC can be tomorrow in the portal's time zone, and a notice cannot be given in the future.
        var noticeGiven = DateTime.UtcNow.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GetByLabel("Date notice given", new() { Exact = true }).FillAsync(noticeGiven);
        await NextAsync(page);

        await page.GetByLabel("Account reference", new() { Exact = true }).FillAsync(reference);
        await ChooseOptionAsync(page, "Means of payment", "means-type", "Card");
        // The issuer country starts as the address country.
        await Expect(page.GetByLabel("Issuer country", new() { Exact = true })).ToHaveValueAsync("DE — Germany");
        await page.GetByLabel("Identifier", new() { Exact = true }).FillAsync("4111 1111 1111 1111");
        await ChooseOptionAsync(page, "Source of payment", "payment-source", "Customer");
        await ShotAsync(page, shots, "flow-3-account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add account" }).ClickAsync();
        await Expect(page.GetByTestId("accounts")).ToContainTextAsync(reference);
        await Expect(page.GetByTestId("accounts")).ToContainTextAsync("paid by the customer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue", Exact = true }).ClickAsync();

        await ChooseOptionAsync(page, "Document type", "document-type", "Certificate of incorporation");
        await page.GetByLabel("Document number", new() { Exact = true }).FillAsync("HRB 123456 B");
        // The issuing country starts as the jurisdiction.
        await Expect(page.GetByLabel("Issuing country", new() { Exact = true })).ToHaveValueAsync("DE — Germany");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add document" }).ClickAsync();
        await Expect(page.GetByTestId("evidence")).ToContainTextAsync("Certificate of incorporation");
        await ShotAsync(page, shots, "flow-4-evidence");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to review" }).ClickAsync();

        var submit = page.GetByRole(AriaRole.Button, new() { Name = "Submit for verification" });
        await Expect(submit).ToBeEnabledAsync();
        await Expect(page.GetByText(reference, new() { Exact = true })).ToBeVisibleAsync();
        await ShotAsync(page, shots, "flow-5-review");
        await submit.ClickAsync();
    }

    /// <summary>Types the code into the country autocomplete and picks the suggestion "DE — Germany".</summary>
    internal static async Task ChooseCountryAsync(IPage page, string label)
    {
        var input = page.GetByLabel(label, new() { Exact = true });
        await input.FillAsync("DE");
        var option = page.GetByRole(AriaRole.Option, new() { Name = "DE — Germany", Exact = true });
        await option.ClickAsync();
        // As with MudSelect (PortalServer.ChooseOptionAsync), a click made while the list opens can be swallowed: choose again.
        for (var attempt = 0; attempt < 3 && await input.InputValueAsync() != "DE — Germany"; attempt++)
        {
            await page.WaitForTimeoutAsync(500);
            if (await option.IsVisibleAsync()) await option.ClickAsync(new() { Timeout = 2000 });
        }
        await Expect(input).ToHaveValueAsync("DE — Germany");
    }

    /// <summary>Opens a MudSelect by its accessible name and picks an option.</summary>
    private static async Task ChooseOptionAsync(IPage page, string label, string inputId, string option)
    {
        await PortalServer.ChooseOptionAsync(page, page.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true }), option);
        // Once chosen, MudSelect may show the text in a div and keep the value in its (then hidden) input: read the input.
        await Expect(page.Locator($"input#{inputId}")).ToHaveValueAsync(option);
    }

    // The next step's first field is what the caller waits for: it appears only once the step has saved and moved on.
    private static Task NextAsync(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();

    /// <summary>Opens the Verify prompt and confirms it without a note.</summary>
    private static async Task VerifyAsync(IPage page)
    {
        await page.GetByTestId("customer-actions").GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Verify customer" });
        await Expect(dialog.GetByLabel("Note (optional)")).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Verify", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
    }

    private static Task ShotAsync(IPage page, string folder, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = true });

    private static Regex CustomerUrl() => CustomerUrlPattern();

    [GeneratedRegex("/customers/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex CustomerUrlPattern();
}
