using System.Text.RegularExpressions;
using IaasKyc.Portal.Data.Seed;
using IaasKyc.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IaasKyc.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SignOutTests(PortalServer portal)
{
    [Fact]
    public async Task After_signing_out_visiting_Home_leads_to_the_sign_in_page()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await PortalServer.SignInAsync(page, "officer@iaaskyc.example", UsersDemoSeed.Password);
        await PortalServer.WaitForCircuitAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login$"));
        await page.GotoAsync("/");

        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login\\?ReturnUrl="));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
