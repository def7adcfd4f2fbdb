using IaasKyc.Portal.Data.Seed;
using IaasKyc.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IaasKyc.Tests.Browser;

/// <summary>
/// Issue 8 item 1: an Officer drafts the annual certification (figures computed) and checks its statements; an Approver signs it;
/// an Auditor exports its PDF, which the Officer cannot.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CertificationFlowTests(PortalServer portal)
{
    private static readonly string[] Statements =
    [
        "The CIP was reviewed since the last certification",
        "The CIP was updated for changes in the services offered",
        "The CIP was updated for changes in the threat landscape",
        "The CIP remains compliant with the rule",
    ];

    [Fact]
    public async Task An_Officer_drafts_the_annual_certification_an_Approver_signs_it_and_an_Auditor_exports_it()
    {
        await using var officerContext = await portal.NewContextAsync();
        var officer = await officerContext.NewPageAsync();
        await PortalServer.SignInAsync(officer, "officer@iaaskyc.example", UsersDemoSeed.Password);
        await PortalServer.WaitForCircuitAsync(officer);
        await officer.GetByRole(AriaRole.Navigation, new() { Name = "Main navigation" }).GetByRole(AriaRole.Link, new() { Name = "Certifications" }).ClickAsync();
        // The demo seed's signed initial certification is listed.
        await Expect(officer.GetByRole(AriaRole.Row).Filter(new() { HasText = "Initial certification" })).ToContainTextAsync("Signed");
        await officer.GetByTestId("draft-certification").ClickAsync();

        await Expect(officer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Annual certification as of");
        await Expect(officer.GetByTestId("certification-state")).ToHaveTextAsync("Draft");
        await Expect(officer.GetByTestId("cip-contact")).Not.ToBeEmptyAsync();
        foreach (var s in Statements) await officer.GetByLabel(s, new() { Exact = true }).CheckAsync();
        await officer.GetByLabel($"Comment: {Statements[0]}", new() { Exact = true }).FillAsync("Reviewed by the compliance committee");
        await officer.GetByTestId("save-statements").ClickAsync();
        await Expect(officer.GetByText("Statements saved.")).ToBeVisibleAsync();
        await Expect(officer.GetByTestId("sign")).ToHaveCountAsync(0);
        var url = officer.Url;
        var pdf = new Uri(new Uri(url), new Uri(url).AbsolutePath + "/report.pdf").ToString();
        // api.md: Auditors export; the Officer is sent to "access denied".
        var denied = await officerContext.APIRequest.GetAsync(pdf, new() { MaxRedirects = 0 });
        Assert.True(denied.Status is 302 or 403, $"status {denied.Status}");

        await using var approverContext = await portal.NewContextAsync();
        var approver = await approverContext.NewPageAsync();
        await PortalServer.SignInAsync(approver, "approver@iaaskyc.example", UsersDemoSeed.Password);
        await approver.GotoAsync(url);
        await PortalServer.WaitForCircuitAsync(approver);
        await approver.GetByLabel("Signatory's full name", new() { Exact = true }).FillAsync("Avery Quinn");
        await approver.GetByLabel("Signatory's title", new() { Exact = true }).FillAsync("Chief Compliance Officer");
        await approver.GetByTestId("sign").ClickAsync();

        await Expect(approver.GetByTestId("certification-state")).ToHaveTextAsync("Signed");
        await Expect(approver.GetByTestId("signed-by")).ToContainTextAsync("Avery Quinn, Chief Compliance Officer (approver@iaaskyc.example)");
        await Expect(approver.GetByTestId("sign")).ToHaveCountAsync(0);

        await using var auditorContext = await portal.NewContextAsync();
        var auditor = await auditorContext.NewPageAsync();
        await PortalServer.SignInAsync(auditor, "auditor@iaaskyc.example", UsersDemoSeed.Password);
        var response = await auditorContext.APIRequest.GetAsync(pdf);
        Assert.Equal(200, response.Status);
        Assert.Equal("application/pdf", response.Headers["content-type"]);
        var text = string.Join(" ", ServiceTestDb.PageTexts(await response.BodyAsync()));
        Assert.Contains("CIP annual certification", text);
        Assert.Contains("Reviewed by the compliance committee", text);
        Assert.Contains("Avery Quinn, Chief Compliance Officer", text);
    }
}
