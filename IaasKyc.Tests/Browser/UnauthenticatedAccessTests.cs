using System.Text.RegularExpressions;
using IaasKyc.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IaasKyc.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class UnauthenticatedAccessTests(PortalServer portal)
{
    [Theory]
    [InlineData("/audit")]
    [InlineData("/")]
    public async Task An_unauthenticated_visit_redirects_to_the_sign_in_page_with_a_return_URL(string path)
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(path);

        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login\\?ReturnUrl=" + Regex.Escape(Uri.EscapeDataString(path)) + "$", RegexOptions.IgnoreCase));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }
}
