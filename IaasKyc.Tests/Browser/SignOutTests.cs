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

    [Fact]
    public async Task A_sign_out_posted_without_the_antiforgery_token_is_refused_and_the_user_stays_signed_in()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await PortalServer.SignInAsync(page, "officer@iaaskyc.example", UsersDemoSeed.Password);
        await PortalServer.WaitForCircuitAsync(page);
        var form = context.APIRequest.CreateFormData();
        form.Set("ReturnUrl", "");

        // What a third-party page's form would send: the user's cookies (all of them here), but no form token.
        var response = await context.APIRequest.PostAsync("/Account/Logout", new() { Form = form, MaxRedirects = 0 });
        await page.GotoAsync("/");

        Assert.Equal(400, response.Status);
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == "IaasKyc.Auth" && c.Value.Length == 0);
        await Expect(page).Not.ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }
}
