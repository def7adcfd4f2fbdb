using Bunit;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Portal.Features.Audit;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Features.Audit;

public sealed class AuditTrailPageTests : ComponentTestBase
{
    private async Task MakeChangesAsync(int keys)
    {
        var service = Services.GetRequiredService<ApiKeyService>();
        for (var i = 0; i < keys; i++)
            await service.CreateAsync($"System {i}", [ApiScopes.Audit], "admin@example.test");
    }

    [Fact]
    public async Task Lists_audit_entries_newest_first_with_actor_and_changes()
    {
        SignInAs("admin@example.test", Roles.Admin);
        await MakeChangesAsync(3);

        var cut = Render<AuditTrail>();

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("tbody tr").Count));
        var first = cut.FindAll("tbody tr")[0].TextContent;
        Assert.Contains("admin@example.test", first);
        Assert.Contains("ApiKey", first);
        Assert.DoesNotContain("System 2", first);
        cut.FindAll("tbody tr")[0].QuerySelectorAll("a").First(a => a.TextContent.Contains("more")).Click();
        cut.WaitForAssertion(() => Assert.Contains("System 2", cut.FindAll("tbody tr")[0].TextContent));
        Assert.DoesNotContain(ApiKeyService.HashOf("x")[..8], cut.Markup);
    }

    [Fact]
    public async Task Verify_chain_reports_ok_for_an_untouched_trail()
    {
        SignInAs("auditor@example.test", Roles.Auditor);
        await MakeChangesAsync(2);
        var cut = Render<AuditTrail>();

        cut.FindAll("button").First(b => b.TextContent.Contains("Verify chain")).Click();

        cut.WaitForAssertion(() => Assert.Contains("Chain verified: all 2 entries hold.", cut.Find("[data-testid=chain-result]").TextContent));
    }

    [Fact]
    public async Task Verify_chain_names_the_first_entry_altered_behind_the_portals_back()
    {
        SignInAs("auditor@example.test", Roles.Auditor);
        await MakeChangesAsync(3);
        Sql("UPDATE AuditEntries SET Actor = 'someone else' WHERE Sequence = 2");
        var cut = Render<AuditTrail>();

        cut.FindAll("button").First(b => b.TextContent.Contains("Verify chain")).Click();

        cut.WaitForAssertion(() => Assert.Contains("Chain broken at entry 2", cut.Find("[data-testid=chain-result]").TextContent));
    }

    [Theory]
    [InlineData(Roles.Auditor, true)]
    [InlineData(Roles.Officer, false)]
    [InlineData(Roles.Admin, false)]
    public void Only_auditors_get_the_PDF_export(string role, bool expected)
    {
        SignInAs("someone@example.test", role);

        var cut = Render<AuditTrail>();

        cut.WaitForAssertion(() => Assert.Equal(expected, cut.FindAll("a").Any(a => a.TextContent.Contains("Export PDF"))));
    }

    [Fact]
    public void Filter_bar_hands_the_typed_actor_to_the_page()
    {
        AuditFilter? applied = null;
        var cut = Render<AuditFilterBar>(p => p
            .Add(b => b.Filter, new AuditFilter())
            .Add(b => b.FilterChanged, f => applied = f));

        cut.Find("input").Change("officer@");
        cut.FindAll("button").First(b => b.TextContent.Contains("Filter")).Click();

        Assert.Equal("officer@", applied?.Actor);
        Assert.Null(applied?.From);
    }
}
