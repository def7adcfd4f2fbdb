using IaasKyc.Portal.Data.Seed;
using IaasKyc.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace IaasKyc.Tests.Browser;

/// <summary>Saves screenshots to artifacts/screenshots/ (git-ignored) for a person to look at; it asserts only that they were taken.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ScreenshotTests(PortalServer portal)
{
    [Theory]
    [InlineData("wide", 1280, 800)]
    [InlineData("narrow", 390, 844)]
    public async Task The_sign_in_page_and_Home_as_Admin_are_captured(string name, int width, int height)
    {
        var folder = Directory.CreateDirectory(Path.Combine(portal.RepoRoot, "artifacts", "screenshots")).FullName;
        await using var context = await portal.NewContextAsync(width, height);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/Account/Login");
        var signIn = Path.Combine(folder, $"sign-in-{name}.png");
        await page.ScreenshotAsync(new() { Path = signIn, FullPage = true });
        await PortalServer.SignInAsync(page, "admin@iaaskyc.example", UsersDemoSeed.Password);
        await PortalServer.WaitForCircuitAsync(page);
        await Expect(page.GetByText("Rule pack in effect")).ToBeVisibleAsync();
        var home = Path.Combine(folder, $"home-admin-{name}.png");
        await page.ScreenshotAsync(new() { Path = home, FullPage = true });

        Assert.True(new FileInfo(signIn).Length > 0);
        Assert.True(new FileInfo(home).Length > 0);
    }
}
