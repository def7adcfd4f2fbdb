using IaasKyc.Portal.Data.Seed;
using IaasKyc.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IaasKyc.Tests.Browser;

/// <summary>
/// Issue 6 item 8: an Officer sends the flow-down attestation to the demo reseller, a signatory opens the link in a fresh browser
/// context without signing in and signs it, the Officer sees it signed, and the same link then refuses a second use.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ResellerAttestationFlowTests(PortalServer portal)
{
    private const string Officer = "officer@iaaskyc.example";
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = PortalServer.TimeoutMs };
    private static readonly LocatorAssertionsToContainTextOptions Contains = new() { Timeout = PortalServer.TimeoutMs };

    [Fact]
    public async Task An_officer_sends_an_attestation_a_signatory_signs_it_without_an_account_and_the_link_then_refuses_a_second_use()
    {
        await using var officerContext = await portal.NewContextAsync();
        var officer = await officerContext.NewPageAsync();
        await PortalServer.SignInAsync(officer, Officer, UsersDemoSeed.Password);
        await officer.GotoAsync("/resellers");
        await PortalServer.WaitForCircuitAsync(officer);
        await officer.GetByRole(AriaRole.Link, new() { Name = ResellersDemoSeed.PendingReseller, Exact = true }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Heading, new() { Name = ResellersDemoSeed.PendingReseller, Level = 1 })).ToBeVisibleAsync(Visible);
        await PortalServer.WaitForCircuitAsync(officer);
        await officer.GetByRole(AriaRole.Tab, new() { Name = "Attestations", Exact = true }).ClickAsync();
        var rows = officer.GetByTestId("attestation-row");
        await Expect(rows.First).ToBeVisibleAsync(Visible);
        var before = await rows.CountAsync();

        await officer.GetByTestId("send").ClickAsync();
        var linkField = officer.Locator("#attestation-link");
        await Expect(linkField).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/attest/[A-Za-z0-9_-]{43}$"), new() { Timeout = PortalServer.TimeoutMs });
        var link = await linkField.InputValueAsync();
        await Expect(rows).ToHaveCountAsync(before + 1, new() { Timeout = PortalServer.TimeoutMs });
        await Expect(rows.First.GetByTestId("attestation-state")).ToContainTextAsync("Awaiting signature", Contains);

        await using (var signatoryContext = await portal.NewContextAsync())
        {
            var signatory = await signatoryContext.NewPageAsync();
            await signatory.GotoAsync(new Uri(link).PathAndQuery);
            await Expect(signatory.GetByRole(AriaRole.Heading, new() { Name = $"Flow-down attestation for {ResellersDemoSeed.PendingReseller}", Level = 1 })).ToBeVisibleAsync(Visible);
            await Expect(signatory.GetByTestId("attest-text")).ToContainTextAsync("Producing its CIP on request", Contains);
            Assert.DoesNotContain("/Account/Login", signatory.Url);

            // Without the confirmation the signature is refused at that field, and the link stays open.
            await signatory.GetByLabel("Full name", new() { Exact = true }).FillAsync("Park Ji-won");
            await signatory.GetByLabel("Title", new() { Exact = true }).FillAsync("Head of Compliance");
            await signatory.GetByLabel("Email", new() { Exact = true }).FillAsync("jiwon.park@hanriver-semi.example");
            await signatory.GetByRole(AriaRole.Button, new() { Name = "Sign the attestation" }).ClickAsync();
            await Expect(signatory.GetByText("Confirm that you are authorised to sign")).ToBeVisibleAsync(Visible);

            await signatory.GetByLabel($"I am authorised to sign for {ResellersDemoSeed.PendingReseller}").CheckAsync();
            await signatory.GetByRole(AriaRole.Button, new() { Name = "Sign the attestation" }).ClickAsync();
            await Expect(signatory.GetByTestId("attest-signed")).ToBeVisibleAsync(Visible);
        }

        await officer.ReloadAsync();
        await PortalServer.WaitForCircuitAsync(officer);
        await officer.GetByRole(AriaRole.Tab, new() { Name = "Attestations", Exact = true }).ClickAsync();
        await Expect(rows.First.GetByTestId("attestation-state")).ToContainTextAsync("Signed, valid until", Contains);
        await Expect(rows.First).ToContainTextAsync("Park Ji-won, Head of Compliance", Contains);
        await Expect(rows.First).ToContainTextAsync("127.0.0.1", Contains);

        await using var againContext = await portal.NewContextAsync();
        var again = await againContext.NewPageAsync();
        await again.GotoAsync(new Uri(link).PathAndQuery);
        await Expect(again.GetByTestId("attest-problem")).ToContainTextAsync("used already", Contains);
        await Expect(again.GetByRole(AriaRole.Button, new() { Name = "Sign the attestation" })).ToHaveCountAsync(0);
        await Expect(again.GetByTestId("attest-text")).ToHaveCountAsync(0);
    }
}
