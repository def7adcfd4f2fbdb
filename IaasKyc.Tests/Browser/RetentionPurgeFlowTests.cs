using IaasKyc.Portal.Data.Seed;
using IaasKyc.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IaasKyc.Tests.Browser;

/// <summary>An Admin purges a purgeable demo record from the retention page; its customer page then shows the tombstone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RetentionPurgeFlowTests(PortalServer portal)
{
    [Fact]
    public async Task An_Admin_purges_a_purgeable_demo_record_and_its_customer_page_shows_the_tombstone()
    {
        var folder = Directory.CreateDirectory(Path.Combine(portal.RepoRoot, "artifacts", "screenshots")).FullName;
        var name = RetentionDemoSeed.Names[1];
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await PortalServer.SignInAsync(page, "admin@iaaskyc.example", UsersDemoSeed.Password);
        await PortalServer.WaitForCircuitAsync(page);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Retention" }).ClickAsync();
        var rows = page.Locator("[aria-label='Customer records by retention date'] tbody tr");
        var row = rows.Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("Purgeable since");
        // The held demo record offers no purge.
        await Expect(rows.Filter(new() { HasText = RetentionDemoSeed.Names[2] })).ToContainTextAsync("Legal hold");
        await Expect(rows.Filter(new() { HasText = RetentionDemoSeed.Names[2] }).GetByRole(AriaRole.Button)).ToHaveCountAsync(0);
        var href = await row.GetByRole(AriaRole.Link, new() { Name = name }).GetAttributeAsync("href");
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "retention.png"), FullPage = true });

        await row.GetByRole(AriaRole.Button, new() { Name = $"Purge {name}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync($"Purge {name}?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = $"Purge {name}" }).ClickAsync();

        var purged = page.Locator("[aria-label='Purged records']");
        await Expect(purged).ToContainTextAsync(href!.Split('/')[^1]);
        await Expect(rows.Filter(new() { HasText = name })).ToHaveCountAsync(0);
        await page.GotoAsync(href);
        await Expect(page.GetByTestId("tombstone")).ToContainTextAsync("purged");
        await Expect(page.GetByTestId("tombstone")).ToContainTextAsync("admin@iaaskyc.example");
        await Expect(page.GetByText("Retention basis")).ToBeVisibleAsync();
        await Expect(page.GetByText(name)).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "retention-tombstone.png"), FullPage = true });
    }
}
