using System.Globalization;
using IaasKyc.Portal.Data.Seed;
using IaasKyc.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IaasKyc.Tests.Browser;

/// <summary>
/// Issue 5 item 5: an Officer records a prohibition on a jurisdiction; a different Approver approves it; the seeded customer it
/// touches is then prohibited, with the entry named on its page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SpecialMeasureFlowTests(PortalServer portal)
{
    /// <summary>The demo seed's Turkish customer; no other browser test uses Turkey.</summary>
    private const string Touched = "Anatolia Bulut Hizmetleri A.Ş.";

    [Fact]
    public async Task An_officer_records_a_prohibition_another_approver_approves_it_and_the_touched_customer_is_blocked()
    {
        // Far enough from today's date boundaries in any time zone: determined 210 days ago, in effect since 25 days.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await using var officerContext = await portal.NewContextAsync();
        var officer = await officerContext.NewPageAsync();
        await PortalServer.SignInAsync(officer, "officer@iaaskyc.example", UsersDemoSeed.Password);
        await officer.GotoAsync("/special-measures/new");
        await PortalServer.WaitForCircuitAsync(officer);
        var country = officer.GetByLabel("Jurisdiction", new() { Exact = true });
        await country.FillAsync("TR");
        await country.PressAsync("Escape");
        await officer.GetByLabel("Determination date", new() { Exact = true }).FillAsync(Iso(today.AddDays(-210)));
        await officer.GetByLabel("Determination date", new() { Exact = true }).BlurAsync();
        // The effective date starts at the earliest allowed one, which the field names.
        await Expect(officer.GetByLabel("Effective date", new() { Exact = true })).ToHaveValueAsync(Iso(today.AddDays(-30)));
        await Expect(officer.GetByText($"Earliest allowed: {Iso(today.AddDays(-30))}")).ToBeVisibleAsync();
        await officer.GetByLabel("Effective date", new() { Exact = true }).FillAsync(Iso(today.AddDays(-25)));
        await officer.GetByLabel("Effective date", new() { Exact = true }).BlurAsync();
        await Expect(officer.GetByLabel("Expiry date", new() { Exact = true })).ToHaveValueAsync(Iso(today.AddDays(340)));
        await officer.GetByLabel("Source reference", new() { Exact = true }).FillAsync("Browser test determination (fictional)");
        await officer.GetByTestId("record-measure").ClickAsync();

        await Expect(officer.GetByTestId("measure-standing")).ToHaveTextAsync("Awaiting approval");
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Türkiye");
        await Expect(officer.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);
        var entryUrl = officer.Url;

        await using var approverContext = await portal.NewContextAsync();
        var approver = await approverContext.NewPageAsync();
        await PortalServer.SignInAsync(approver, "approver@iaaskyc.example", UsersDemoSeed.Password);
        await approver.GotoAsync(entryUrl);
        await PortalServer.WaitForCircuitAsync(approver);
        var reference = (await approver.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).Split(':')[0];
        await approver.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();

        await Expect(approver.GetByTestId("measure-standing")).ToHaveTextAsync("In effect");
        var row = approver.GetByTestId("impact-table").GetByRole(AriaRole.Row).Filter(new() { HasText = Touched });
        await Expect(row).ToContainTextAsync("Organised in Türkiye");
        await row.GetByRole(AriaRole.Link, new() { Name = Touched }).ClickAsync();

        await Expect(approver.GetByTestId("special-measure-block")).ToContainTextAsync(reference);
        await Expect(approver.GetByTestId("risk-chip")).ToHaveTextAsync("Prohibited");
        await Expect(approver.GetByTestId("provisioning-chip")).ToHaveTextAsync("Provisioning: blocked");
    }
}
