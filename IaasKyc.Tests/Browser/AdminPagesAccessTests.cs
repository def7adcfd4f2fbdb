using System.Text.RegularExpressions;
using IaasKyc.Portal.Data.Seed;
using IaasKyc.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace IaasKyc.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class AdminPagesAccessTests(PortalServer portal)
{
    [Theory]
    [InlineData("auditor@iaaskyc.example", "/admin/users/new")]
    [InlineData("auditor@iaaskyc.example", "/admin/api-keys/new")]
    [InlineData("auditor@iaaskyc.example", "/admin/rule-pack/new")]
    [InlineData("officer@iaaskyc.example", "/admin/users")]
    public async Task A_role_without_the_Admin_policy_is_refused_an_Admin_page_even_by_direct_URL(string email, string adminPage)
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await PortalServer.SignInAsync(page, email, UsersDemoSeed.Password);

        await page.GotoAsync(adminPage);

        // A full page load is refused by the server (redirect to /Account/AccessDenied); a client-side navigation
        // would show the layout's access-denied notice instead. Either way the words are there, and no 404.
        await Expect(page.GetByText("Access denied").First).ToBeVisibleAsync();
        await Expect(page).Not.ToHaveURLAsync(new Regex("/not-found"));
    }
}
