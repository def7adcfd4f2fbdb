using Bunit;
using IaasKyc.Domain.Certifications;
using IaasKyc.Portal.Features.Certifications;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Features.Certifications;

/// <summary>The certification list and page in bUnit: an Officer drafts, an Approver signs; today is 2026-11-29 in New York.</summary>
public sealed class CertificationPagesTests : ComponentTestBase
{
    [Fact]
    public async Task An_Officer_drafts_from_the_list_and_an_Approver_signs_the_draft()
    {
        SignInAs("officer@example.test", Roles.Officer);
        var list = RenderPage<CertificationsPage>();
        list.WaitForAssertion(() => Assert.Contains("No certification yet", list.Markup));
        list.Find("#as-of").Change("2026-11-28");
        list.Find("[data-testid=draft-certification]").Click();
        // The form defaults to the annual certification, which needs a signed initial one first.
        list.WaitForAssertion(() => Assert.Contains("Sign an initial certification", list.Markup));
        var drafted = await Services.GetRequiredService<CertificationService>().DraftAsync(CertificationKind.Initial, new DateOnly(2026, 11, 28), null);

        var officer = RenderPage<CertificationPage>(drafted.Id, providers: false);
        officer.WaitForAssertion(() => Assert.Equal("Draft", officer.Find("[data-testid=certification-state]").TextContent));
        Assert.Empty(officer.FindAll("[data-testid=sign]"));
        Assert.Empty(officer.FindAll("a[href$='report.pdf']"));

        SignInAs("approver@example.test", Roles.Approver);
        var approver = RenderPage<CertificationPage>(drafted.Id, providers: false);
        approver.WaitForAssertion(() => approver.Find("#signer-name"));
        approver.Find("#signer-name").Change("Avery Quinn");
        approver.Find("#signer-title").Change("Chief Compliance Officer");
        approver.Find("[data-testid=sign]").Click();

        approver.WaitForAssertion(() => Assert.Equal("Signed", approver.Find("[data-testid=certification-state]").TextContent));
        Assert.Contains("Avery Quinn, Chief Compliance Officer (approver@example.test)", approver.Find("[data-testid=signed-by]").TextContent);
        Assert.Empty(approver.FindAll("[data-testid=sign]"));
        Assert.Empty(approver.FindAll("[data-testid=recompute]"));
    }

    [Fact]
    public async Task The_preparer_holding_both_roles_is_refused_at_signing_and_an_Auditor_only_reads_and_exports()
    {
        SignInAs("lead@example.test", Roles.Officer, Roles.Approver);
        var drafted = await Services.GetRequiredService<CertificationService>().DraftAsync(CertificationKind.Initial, new DateOnly(2026, 11, 28), null);
        var lead = RenderPage<CertificationPage>(drafted.Id);
        lead.WaitForAssertion(() => lead.Find("#signer-name"));
        lead.Find("#signer-name").Change("Lee Lead");
        lead.Find("#signer-title").Change("Head of Compliance");
        lead.Find("[data-testid=sign]").Click();

        lead.WaitForAssertion(() => Assert.Contains("another Approver must sign it", lead.Find("[data-testid=sign-refused]").TextContent));
        Assert.Equal("Draft", lead.Find("[data-testid=certification-state]").TextContent);

        SignInAs("auditor@example.test", Roles.Auditor);
        var auditor = RenderPage<CertificationPage>(drafted.Id, providers: false);
        auditor.WaitForAssertion(() => auditor.Find("a[href$='report.pdf']"));
        Assert.Empty(auditor.FindAll("[data-testid=sign]"));
        Assert.Empty(auditor.FindAll("[data-testid=recompute]"));
        Assert.Equal("0", auditor.Find("[data-testid=customers-total]").TextContent);
    }

    [Fact]
    public async Task An_Officer_checks_the_annual_statements_with_comments_on_the_page()
    {
        SignInAs("officer@example.test", Roles.Officer);
        var initial = await Services.GetRequiredService<CertificationService>().DraftAsync(CertificationKind.Initial, new DateOnly(2026, 11, 1), null);
        var tooEarly = await Services.GetRequiredService<CertificationService>().DraftAsync(CertificationKind.Annual, new DateOnly(2026, 11, 28), null);
        Assert.Equal("kind", tooEarly.Findings.Single().Field);
        SignInAs("approver@example.test", Roles.Approver);
        Assert.True((await Services.GetRequiredService<CertificationService>().SignAsync(initial.Id!.Value, initial.Version!.Value, "Avery Quinn", "CCO")).Ok);
        SignInAs("officer@example.test", Roles.Officer);
        var annual = await Services.GetRequiredService<CertificationService>().DraftAsync(CertificationKind.Annual, new DateOnly(2026, 11, 28), null);

        var cut = RenderPage<CertificationPage>(annual.Id);
        cut.WaitForAssertion(() => cut.Find("#comment-CipReviewed"));
        cut.Find("[data-testid=statement-CipReviewed] input[type=checkbox]").Change(true);
        cut.Find("#comment-CipReviewed").Change("Committee minutes of 2026-10-14");
        cut.Find("[data-testid=save-statements]").Click();

        cut.WaitForAssertion(() => Assert.True(
            (Services.GetRequiredService<CertificationService>().GetAsync(annual.Id!.Value).GetAwaiter().GetResult())!.Statements
                .Single(s => s.Statement == AnnualStatement.CipReviewed) is { Checked: true, Comment: "Committee minutes of 2026-10-14" }));
    }
}
