using IaasKyc.Portal.Data.Seed;
using IaasKyc.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IaasKyc.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class NavigationByRoleTests(PortalServer portal)
{
    private static readonly string[] Everyone = ["Home", "Deadlines", "Customers", "Screening hits", "Screening lists", "Written CIP", "Special measures", "Foreign resellers", "AI training", "Certifications", "Retention", "Audit trail", "Change password"];
    private static readonly string[] Deciders = [.. Everyone, "Review queue"];
    private static readonly string[] WithAdministration = [.. Everyone, "Users", "API keys", "Rule pack", "Products", "Accelerators"];
    private static readonly string[] Auditors = [.. WithAdministration, "Auditor workspace"];

    [Theory]
    [InlineData("officer@iaaskyc.example", "officer")]
    [InlineData("officer2@iaaskyc.example", "officer")]
    [InlineData("approver@iaaskyc.example", "approver")]
    [InlineData("lead@iaaskyc.example", "approver")]
    [InlineData("auditor@iaaskyc.example", "auditor")]
    [InlineData("admin@iaaskyc.example", "admin")]
    public async Task Each_demo_role_sees_exactly_its_navigation_links_and_its_email_in_the_app_bar(string email, string menu)
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();

        await PortalServer.SignInAsync(page, email, UsersDemoSeed.Password);
        await PortalServer.WaitForCircuitAsync(page);

        var expected = menu switch { "auditor" => Auditors, "admin" => WithAdministration, "approver" => Deciders, _ => Everyone };
        var links = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link);
        await Expect(links).ToHaveCountAsync(expected.Length);
        var texts = (await links.AllInnerTextsAsync()).Select(t => t.Trim()).Order(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), texts);
        await Expect(page.GetByTestId("user-name")).ToHaveTextAsync(email);
    }

    /// <summary>An officer's page once its circuit runs, and the navigation's "Customers" link on it.</summary>
    private static async Task<(IPage Page, ILocator Customers)> OfficerWithCustomersLinkAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        await PortalServer.SignInAsync(page, "officer@iaaskyc.example", UsersDemoSeed.Password);
        await PortalServer.WaitForCircuitAsync(page);
        return (page, page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Customers", Exact = true }));
    }

    [Fact]
    public async Task On_a_phone_the_navigation_closes_once_a_link_is_followed()
    {
        await using var context = await portal.NewContextAsync(390, 844);
        var (page, customers) = await OfficerWithCustomersLinkAsync(context);
        await Expect(customers).Not.ToBeInViewportAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Expect(customers).ToBeInViewportAsync();
        await customers.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Customers", Level = 1 })).ToBeVisibleAsync();
        await Expect(customers).Not.ToBeInViewportAsync();
    }

    [Fact]
    public async Task On_a_wide_window_the_menu_button_hides_the_navigation_and_the_page_takes_its_room()
    {
        await using var context = await portal.NewContextAsync(1280, 800);
        var (page, customers) = await OfficerWithCustomersLinkAsync(context);
        var content = page.Locator(".mud-main-content");
        await Expect(customers).ToBeInViewportAsync();
        Assert.Equal(240, (await content.BoundingBoxAsync())!.X);

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();

        await Expect(customers).Not.ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" })).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(content).ToHaveCSSAsync("margin-left", "0px");

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await Expect(customers).ToBeInViewportAsync();
        await Expect(content).ToHaveCSSAsync("margin-left", "240px");
    }
}
