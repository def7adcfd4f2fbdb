using IaasKyc.Portal.Data.Seed;
using IaasKyc.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IaasKyc.Tests.Browser;

/// <summary>
/// Issue 10 item 4, "no lost updates": two Officers in two browsers edit the same draft's address. The first save stands; the
/// second is refused and shows both versions with the second Officer's input still in the form; "Keep my changes" stores it
/// over the first, and the customer's audit trail holds both changes. Screenshots go to artifacts/screenshots/conflict-*.png.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ConcurrentEditFlowTests(PortalServer portal)
{
    private const string First = "officer@iaaskyc.example";
    private const string Second = "officer2@iaaskyc.example";

    [Fact]
    public async Task The_second_of_two_officers_saving_the_same_address_sees_both_versions_and_keeps_their_own_without_losing_the_first()
    {
        var name = $"Zweiklang Rechenzentrum GmbH {Guid.NewGuid().ToString("N")[..8]}";
        var shots = Directory.CreateDirectory(Path.Combine(portal.RepoRoot, "artifacts", "screenshots")).FullName;
        await using var firstContext = await portal.NewContextAsync();
        var first = await firstContext.NewPageAsync();
        await PortalServer.SignInAsync(first, First, UsersDemoSeed.Password);
        await first.GotoAsync("/customers/new");
        await PortalServer.WaitForCircuitAsync(first);
        await first.GetByLabel("Legal name", new() { Exact = true }).FillAsync(name);
        await CustomerIntakeFlowTests.ChooseCountryAsync(first, "Citizenship");
        await SaveAndContinueAsync(first);
        await Expect(first.GetByTestId("contact-form")).ToBeVisibleAsync();
        var intakeUrl = first.Url;
        Assert.EndsWith("/intake", intakeUrl);

        await using var secondContext = await portal.NewContextAsync();
        var second = await secondContext.NewPageAsync();
        await PortalServer.SignInAsync(second, Second, UsersDemoSeed.Password);
        await second.GotoAsync(intakeUrl);
        await PortalServer.WaitForCircuitAsync(second);
        await Expect(second.GetByTestId("contact-form")).ToBeVisibleAsync();

        await FillAddressAsync(first, "Leopoldstraße 9", "München", "+49 89 1234567");
        await SaveAndContinueAsync(first);
        await Expect(first.GetByTestId("determination-form")).ToBeVisibleAsync();

        await FillAddressAsync(second, "Hauptstraße 5", "Berlin", "+49 30 1234567");
        await SaveAndContinueAsync(second);

        var conflict = second.GetByTestId("conflict");
        await Expect(conflict).ToBeVisibleAsync();
        await Expect(conflict.GetByTestId("conflict-by")).ToContainTextAsync($"Saved by {First}");
        var city = conflict.Locator("tr[data-field='City']");
        await Expect(city).ToHaveAttributeAsync("data-differs", "true");
        await Expect(city.GetByTestId("theirs")).ToHaveTextAsync("München");
        await Expect(city.GetByTestId("mine")).ToHaveTextAsync("Berlin");
        await Expect(conflict.Locator("tr[data-field='Email']")).ToHaveAttributeAsync("data-differs", "false");
        await Expect(second.GetByLabel("City", new() { Exact = true })).ToHaveValueAsync("Berlin");
        await Expect(second.GetByLabel("Address line 1", new() { Exact = true })).ToHaveValueAsync("Hauptstraße 5");
        await second.ScreenshotAsync(new() { Path = Path.Combine(shots, "conflict-1-both-versions.png"), FullPage = true });
        // How the comparison reads on a phone.
        await second.SetViewportSizeAsync(390, 844);
        await Expect(conflict.GetByTestId("keep-mine")).ToBeVisibleAsync();
        await second.ScreenshotAsync(new() { Path = Path.Combine(shots, "conflict-1-narrow.png"), FullPage = true });
        await second.SetViewportSizeAsync(1280, 800);

        await conflict.GetByTestId("keep-mine").ClickAsync();
        await Expect(second.GetByTestId("determination-form")).ToBeVisibleAsync();
        await Expect(second.GetByTestId("conflict")).ToHaveCountAsync(0);

        await second.GotoAsync(intakeUrl.Replace("/intake", ""));
        await PortalServer.WaitForCircuitAsync(second);
        await Expect(second.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Expect(second.GetByText("Hauptstraße 5")).ToBeVisibleAsync();
        await second.GetByRole(AriaRole.Tab, new() { Name = "Timeline", Exact = true }).ClickAsync();
        var rows = second.GetByRole(AriaRole.Row).Filter(new() { HasText = "update Customer" });
        await Expect(rows.Filter(new() { HasText = First }).Filter(new() { HasText = "City" })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = Second }).Filter(new() { HasText = "City" })).ToHaveCountAsync(1);
        await second.ScreenshotAsync(new() { Path = Path.Combine(shots, "conflict-2-trail.png"), FullPage = true });
    }

    private static async Task FillAddressAsync(IPage page, string line1, string city, string phone)
    {
        await page.GetByLabel("Address line 1", new() { Exact = true }).FillAsync(line1);
        await page.GetByLabel("City", new() { Exact = true }).FillAsync(city);
        await CustomerIntakeFlowTests.ChooseCountryAsync(page, "Country");
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync("kyc@zweiklang.example");
        await page.GetByLabel("Phone", new() { Exact = true }).FillAsync(phone);
    }

    private static Task SaveAndContinueAsync(IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
}
