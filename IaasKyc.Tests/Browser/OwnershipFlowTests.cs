using IaasKyc.Portal.Data.Seed;
using IaasKyc.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IaasKyc.Tests.Browser;

/// <summary>
/// Issue 4 item 9: an Officer builds a three-level ownership structure for the demo entity "Southern Cross Compute Pty Ltd"
/// in the Ownership tab's editor — two individuals own an intermediate entity that owns half of the customer, a third is the
/// customer's senior officer — saves it, and sees the beneficial owners: 60 % × 50 % = 30 % is one, 40 % × 50 % = 20 % is not,
/// the senior officer is one by control. Item 4: the Officer opens the major owner's profile, records her as a foreign person,
/// and the tab shows her as not verified, blocking the customer's verification by name.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OwnershipFlowTests(PortalServer portal)
{
    private const string Officer = "officer@iaaskyc.example";
    private const string Customer = "Southern Cross Compute Pty Ltd";
    private const string Holding = "Kurrajong Holdings";
    private const string Major = "Ada Whitlock";
    private const string Minor = "Bruno Castellanos";
    private const string SeniorOfficer = "Carmen Okafor";
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = PortalServer.TimeoutMs };
    private static readonly LocatorAssertionsToContainTextOptions Contains = new() { Timeout = PortalServer.TimeoutMs };

    [Fact]
    public async Task An_officer_builds_a_three_level_structure_and_sees_who_the_beneficial_owners_are()
    {
        await using var context = await portal.NewContextAsync();
        var page = await context.NewPageAsync();
        await PortalServer.SignInAsync(page, Officer, UsersDemoSeed.Password);

        await page.GotoAsync("/customers");
        await PortalServer.WaitForCircuitAsync(page);
        await page.GetByLabel("Search name or email", new() { Exact = true }).FillAsync("Southern Cross");
        var link = page.GetByRole(AriaRole.Link, new() { Name = Customer, Exact = true });
        await Expect(link).ToBeVisibleAsync(Visible);
        await link.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Customer, Level = 1 })).ToBeVisibleAsync(Visible);
        await PortalServer.WaitForCircuitAsync(page);

        await page.GetByRole(AriaRole.Tab, new() { Name = "Ownership", Exact = true }).ClickAsync();
        var editor = page.GetByTestId("ownership-editor");
        await Expect(editor).ToBeVisibleAsync(Visible);
        await Expect(page.GetByTestId("ownership-empty")).ToBeVisibleAsync(Visible);

        await AddNodeAsync(page, 0, "Entity", Holding);
        await AddNodeAsync(page, 1, "Individual", Major, country: "AU");
        await AddNodeAsync(page, 2, "Individual", Minor);
        await AddNodeAsync(page, 3, "Individual", SeniorOfficer);

        await AddEdgeAsync(page, 0, Holding, $"The customer ({Customer})", 50m, null);
        await AddEdgeAsync(page, 1, Major, Holding, 60m, null);
        await AddEdgeAsync(page, 2, Minor, Holding, 40m, null);
        await AddEdgeAsync(page, 3, SeniorOfficer, $"The customer ({Customer})", null, "Senior officer");

        await page.GetByTestId("ownership-save").ClickAsync();
        await Expect(page.GetByText("Ownership structure saved.")).ToBeVisibleAsync(Visible);
        await Expect(page.GetByTestId("ownership-summary")).ToHaveCountAsync(0, new() { Timeout = PortalServer.TimeoutMs });
        await Expect(page.GetByTestId("ownership-empty")).ToHaveCountAsync(0, new() { Timeout = PortalServer.TimeoutMs });

        var owners = page.GetByTestId("beneficial-owners");
        var major = owners.GetByRole(AriaRole.Row).Filter(new() { HasText = Major });
        await Expect(major).ToHaveCountAsync(1, new() { Timeout = PortalServer.TimeoutMs });
        await Expect(major).ToContainTextAsync("30.00 %", Contains);
        await Expect(major).ToContainTextAsync("owns 30.00 %", Contains);
        var officer = owners.GetByRole(AriaRole.Row).Filter(new() { HasText = SeniorOfficer });
        await Expect(officer).ToHaveCountAsync(1, new() { Timeout = PortalServer.TimeoutMs });
        await Expect(officer).ToContainTextAsync("control: senior officer", Contains);
        await Expect(owners).Not.ToContainTextAsync(Minor, new() { Timeout = PortalServer.TimeoutMs });
        await Expect(owners).Not.ToContainTextAsync(Holding, new() { Timeout = PortalServer.TimeoutMs });

        var chart = page.GetByTestId("ownership-chart");
        foreach (var name in new[] { Holding, Major, Minor, SeniorOfficer })
            await Expect(chart).ToContainTextAsync(name, Contains);

        await Expect(major).ToContainTextAsync("Not determined", Contains);
        await page.GetByRole(AriaRole.Button, new() { Name = $"Profile of {Major}", Exact = true }).ClickAsync();
        var profile = page.GetByTestId("owner-profile-form");
        await Expect(profile).ToBeVisibleAsync(Visible);
        await profile.GetByLabel("Street address", new() { Exact = true }).FillAsync("1 Macquarie Street");
        await profile.GetByLabel("City", new() { Exact = true }).FillAsync("Sydney");
        await profile.GetByLabel("Email", new() { Exact = true }).FillAsync("ada.whitlock@example.au");
        await profile.GetByLabel("Phone", new() { Exact = true }).FillAsync("02 9374 4000");
        await profile.GetByRole(AriaRole.Radio, new() { Name = "Foreign person", Exact = true }).CheckAsync();
        await profile.GetByLabel("Basis of the determination", new() { Exact = true }).FillAsync("Australian passport seen");
        await page.GetByTestId("owner-profile-save").ClickAsync();
        await Expect(page.GetByText("Owner profile saved.")).ToBeVisibleAsync(Visible);
        await page.GetByTestId("owner-profile-close").ClickAsync();

        await Expect(major).ToContainTextAsync("Foreign person", Contains);
        await Expect(major).ToContainTextAsync("Not verified", Contains);
        await Expect(page.GetByTestId("owner-blockers")).ToContainTextAsync($"{Major} is a foreign beneficial owner and is not verified", Contains);
    }

    /// <summary>Adds a node row, picks its kind and types its name (the name is taken on change, so leave the field).</summary>
    private static async Task AddNodeAsync(IPage page, int index, string kind, string name, string? country = null)
    {
        await page.GetByTestId("add-node").ClickAsync();
        var row = page.GetByTestId($"nodes[{index}]");
        await Expect(row).ToBeVisibleAsync(Visible);
        if (kind != "Individual")
        {
            await row.GetByRole(AriaRole.Combobox, new() { Name = "Kind", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = kind, Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Option)).ToHaveCountAsync(0, new() { Timeout = PortalServer.TimeoutMs });
            await Expect(row.GetByLabel("Registration number", new() { Exact = true })).ToBeVisibleAsync(Visible);
        }
        if (country is not null) await row.GetByLabel("Country (ISO)", new() { Exact = true }).FillAsync(country);
        var field = row.GetByLabel("Name", new() { Exact = true });
        await field.FillAsync(name);
        await field.PressAsync("Tab");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Remove {name}", Exact = true })).ToBeVisibleAsync(Visible);
    }

    /// <summary>Adds a link row and fills it: owner, what it owns, the percentage and the control role.</summary>
    private static async Task AddEdgeAsync(IPage page, int index, string from, string to, decimal? percent, string? control)
    {
        await page.GetByTestId("add-edge").ClickAsync();
        var row = page.GetByTestId($"edges[{index}]");
        await Expect(row).ToBeVisibleAsync(Visible);
        await ChooseAsync(page, row, "Owner or controller", from);
        await ChooseAsync(page, row, "Owns / controls", to);
        if (percent is { } p)
        {
            var field = row.GetByLabel("Percent", new() { Exact = true });
            await field.FillAsync(p.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await field.PressAsync("Tab");
        }
        if (control is not null) await ChooseAsync(page, row, "Control role", control);
    }

    /// <summary>Opens a MudSelect of the row by its accessible name and picks an option; waits until the list has closed.</summary>
    private static async Task ChooseAsync(IPage page, ILocator row, string label, string option)
    {
        await PortalServer.ChooseOptionAsync(page, row.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true }), option);
    }
}
