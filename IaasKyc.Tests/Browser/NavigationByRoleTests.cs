using IaasKyc.Portal.Data.Seed;
using IaasKyc.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IaasKyc.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class NavigationByRoleTests(PortalServer portal)
{
    private static readonly string[] Everyone = ["Home", "Audit trail", "Change password"];
    private static readonly string[] WithAdministration = [.. Everyone, "Users", "API keys", "Rule pack"];

    [Theory]
    [InlineData("officer@iaaskyc.example", false)]
    [InlineData("officer2@iaaskyc.example", false)]
    [InlineData("approver@iaaskyc.example", false)]
    [InlineData("lead@iaaskyc.example", false)]
    [InlineData("auditor@iaaskyc.example", true)]
    [InlineData("admin@iaaskyc.example", true)]
    public async Task Each_demo_role_sees_exactly_its_navigation_links_and_its_email_in_the_app_bar(string email, bool seesAdministration)
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();

        await PortalServer.SignInAsync(page, email, UsersDemoSeed.Password);
        await PortalServer.WaitForCircuitAsync(page);

        var expected = seesAdministration ? WithAdministration : Everyone;
        var links = page.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link);
        await Expect(links).ToHaveCountAsync(expected.Length);
        var texts = (await links.AllInnerTextsAsync()).Select(t => t.Trim()).Order(StringComparer.Ordinal);
        Assert.Equal(expected.Order(StringComparer.Ordinal), texts);
        await Expect(page.GetByTestId("user-name")).ToHaveTextAsync(email);
    }
}
