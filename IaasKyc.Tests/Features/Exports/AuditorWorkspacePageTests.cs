using Bunit;
using IaasKyc.Domain.Certifications;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Exports;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IaasKyc.Tests.Features.Exports;

/// <summary>The auditor workspace in bUnit: a search finds the record and offers its PDF; the CSV exports are listed; nothing can be changed.</summary>
public sealed class AuditorWorkspacePageTests : ComponentTestBase
{
    private IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> RenderPage() => Render(b =>
    {
        b.OpenComponent<MudPopoverProvider>(0);
        b.CloseComponent();
        b.OpenComponent<AuditorWorkspacePage>(1);
        b.CloseComponent();
    });

    [Fact]
    public async Task A_search_finds_the_customer_and_links_its_dossier()
    {
        SignInAs("officer@example.test", Roles.Officer);
        var id = await Support.Customers.SubmittedForeignAsync(Services.GetRequiredService<CustomerService>(), Services.GetRequiredService<CustomerQueries>());
        SignInAs("auditor@example.test", Roles.Auditor);
        var cut = RenderPage();

        cut.Find("input").Change("nordlicht");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() =>
        {
            var rows = cut.FindAll("[data-testid=workspace-results] tbody tr");
            var row = Assert.Single(rows, r => r.TextContent.Contains("Nordlicht Rechenzentrum GmbH", StringComparison.Ordinal));
            Assert.Contains("Customer", row.TextContent, StringComparison.Ordinal);
            Assert.Contains(row.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/customers/{id}/dossier.pdf");
            Assert.Contains(row.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/customers/{id}");
        });
    }

    [Fact]
    public async Task A_search_finds_a_signed_certification_and_links_its_pdf()
    {
        var certification = new Certification(Guid.NewGuid(), CertificationKind.Annual, new DateOnly(2026, 11, 28), null, "{}", "officer@example.test", Clock.GetUtcNow().UtcDateTime);
        await using (var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            db.Certifications.Add(certification);
            await db.SaveChangesAsync();
        }
        SignInAs("auditor@example.test", Roles.Auditor);
        var cut = RenderPage();

        cut.Find("input").Change("annual 2026");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() =>
        {
            var row = Assert.Single(cut.FindAll("[data-testid=workspace-results] tbody tr"));
            Assert.Contains("Annual certification as of 2026-11-28", row.TextContent, StringComparison.Ordinal);
            var pdf = Assert.Single(row.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/certifications/{certification.Id}/report.pdf");
            Assert.Equal("Certification (PDF)", pdf.TextContent.Trim());
        });
    }

    [Fact]
    public void A_search_without_a_match_says_so()
    {
        SignInAs("auditor@example.test", Roles.Auditor);
        var cut = RenderPage();

        cut.Find("input").Change("no such name");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Nothing matches “no such name”", cut.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_csv_export_is_offered_and_the_only_button_is_search()
    {
        SignInAs("auditor@example.test", Roles.Auditor);
        var cut = RenderPage();

        var links = cut.FindAll("[data-testid=csv-exports] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(CsvExports.Kinds.Select(k => $"/exports/{k.Name}.csv"), links);
        Assert.Equal(["Search"], cut.FindAll("button").Select(b => b.TextContent.Trim()).Where(t => t.Length > 0));
    }
}
