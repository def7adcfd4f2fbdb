using System.Text.RegularExpressions;
using IaasKyc.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IaasKyc.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class WrongPasswordTests(PortalServer portal)
{
    [Fact]
    public async Task A_wrong_password_shows_the_error_and_stays_on_the_sign_in_page()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();

        await PortalServer.SubmitSignInAsync(page, "officer2@iaaskyc.example", "Not-The-Password-1");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is not right.");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
    }
}
