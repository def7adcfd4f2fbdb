using System.Text.RegularExpressions;
using IaasKyc.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IaasKyc.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class LockoutTests(PortalServer portal)
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_the_right_one_on_the_sixth_attempt_shows_the_lockout_page()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await PortalServer.SubmitSignInAsync(page, PortalServer.LockoutVictimEmail, $"Wrong-Pass-{attempt}-2026");
            // The fifth failure already locks the account; before it, the sign-in page explains the failure.
            if (attempt < 5)
                await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The email or password is not right.");
        }
        await PortalServer.SubmitSignInAsync(page, PortalServer.LockoutVictimEmail, PortalServer.LockoutVictimPassword);

        await Expect(page).ToHaveURLAsync(new Regex("/Account/Lockout$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Account locked" })).ToBeVisibleAsync();
    }
}
