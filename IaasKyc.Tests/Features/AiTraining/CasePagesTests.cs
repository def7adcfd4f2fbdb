using Bunit;
using IaasKyc.Domain.AiTraining;
using IaasKyc.Portal.Features.AiTraining;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Features.AiTraining;

/// <summary>The case list and page in bUnit; today is 2026-11-29 in New York.</summary>
public sealed class CasePagesTests : ComponentTestBase
{
    /// <summary>A case opened by an Officer, who learned of the run on <paramref name="daysAgo"/> days ago.</summary>
    private async Task<Guid> OpenedAsync(int daysAgo)
    {
        SignInAs("officer@example.test", Roles.Officer);
        await AiCases.CatalogueAsync(Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<IaasKyc.Portal.Data.PortalDbContext>>());
        var customer = await Support.Customers.SubmittedForeignAsync(Services.GetRequiredService<CustomerService>(), Services.GetRequiredService<CustomerQueries>());
        var outcome = await Services.GetRequiredService<TrainingCaseService>().OpenAsync(
            new OpenCaseInput(customer, ["ACC-NORD-1"], CaseTrigger.UsageSignal, Clock.GetUtcNow().UtcDateTime.AddDays(-daysAgo)));
        Assert.True(outcome.Ok, outcome.Message);
        var written = await Services.GetRequiredService<TrainingCaseService>().SaveNarrativeAsync(outcome.Id!.Value, outcome.Version!.Value, Make.Narrative());
        Assert.True(written.Ok, written.Message);
        return outcome.Id!.Value;
    }

    [Fact]
    public async Task The_list_shows_each_case_with_its_countdown()
    {
        await OpenedAsync(daysAgo: 13);
        SignInAs("auditor@example.test", Roles.Auditor);

        var cut = RenderPage<CasesPage>();

        cut.WaitForAssertion(() => Assert.Contains("Due soon: 2 days left (due 2026-12-01)", cut.Find("[data-testid=countdown]").TextContent));
        Assert.Contains("Nordlicht Rechenzentrum GmbH", cut.Markup);
        Assert.DoesNotContain("Open a case", cut.Markup);
    }

    [Fact]
    public async Task An_Officer_marks_the_draft_ready_and_an_Approver_approves_it()
    {
        var id = await OpenedAsync(daysAgo: 1);
        var officer = RenderPage<CasePage>(id);
        officer.WaitForAssertion(() => officer.Find("[data-testid=case-state]"));
        Assert.DoesNotContain(officer.FindAll("button"), b => b.TextContent.Contains("Approve", StringComparison.Ordinal));

        officer.FindAll("button").Single(b => b.TextContent.Contains("Mark draft ready", StringComparison.Ordinal)).Click();
        officer.WaitForAssertion(() => Assert.Equal("Draft ready", officer.Find("[data-testid=case-state]").TextContent));

        SignInAs("approver@example.test", Roles.Approver);
        var approver = RenderPage<CasePage>(id, providers: false);
        approver.WaitForAssertion(() => approver.FindAll("button").Single(b => b.TextContent.Contains("Approve", StringComparison.Ordinal)).Click());
        approver.WaitForAssertion(() => Assert.Equal("Approved", approver.Find("[data-testid=case-state]").TextContent));
        Assert.Contains("On time: 14 days left", approver.Find("[data-testid=countdown]").TextContent);
    }

    [Fact]
    public async Task The_author_of_the_draft_holding_both_roles_cannot_approve_it()
    {
        var id = await OpenedAsync(daysAgo: 1);
        SignInAs("lead@example.test", Roles.Officer, Roles.Approver);
        var cut = RenderPage<CasePage>(id);
        cut.WaitForAssertion(() => cut.FindAll("button").Single(b => b.TextContent.Contains("Mark draft ready", StringComparison.Ordinal)).Click());
        cut.WaitForAssertion(() => Assert.Equal("Draft ready", cut.Find("[data-testid=case-state]").TextContent));

        // Found and clicked in one step: the page may render once more after the state change.
        cut.WaitForAssertion(() => cut.FindAll("button").Single(b => b.TextContent.Contains("Approve", StringComparison.Ordinal)).Click());

        cut.WaitForAssertion(() => Assert.Contains("another Approver must approve it", cut.Markup));
        Assert.Equal(CaseState.DraftReady, (await Services.GetRequiredService<TrainingCaseService>().GetAsync(id))!.Row.State);
    }

    [Fact]
    public async Task Typing_in_the_draft_stays_marked_not_saved_when_the_draft_is_marked_ready_and_a_later_save_reopens_the_case()
    {
        var id = await OpenedAsync(daysAgo: 1);
        var cut = RenderPage<CasePage>(id);
        cut.WaitForAssertion(() => cut.Find("#intended-use"));
        Assert.Empty(cut.FindAll("[data-testid=draft-unsaved]"));
        cut.Find("#intended-use").Change("A code model that also writes exploits on request.");

        cut.FindAll("button").Single(b => b.TextContent.Contains("Mark draft ready", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Equal("Draft ready", cut.Find("[data-testid=case-state]").TextContent));
        Assert.Equal("A code model that also writes exploits on request.", cut.Find("#intended-use").GetAttribute("value") ?? cut.Find("#intended-use").TextContent);
        Assert.Contains("not saved yet", cut.Find("[data-testid=draft-unsaved]").TextContent);
        var cases = Services.GetRequiredService<TrainingCaseService>();
        Assert.Equal(Make.Narrative().IntendedUse, (await cases.GetAsync(id))!.Narrative.IntendedUse);

        cut.Find("[data-testid=save-draft]").Click();

        await cut.WaitForAssertionAsync(async () => Assert.Equal("A code model that also writes exploits on request.", (await cases.GetAsync(id))!.Narrative.IntendedUse));
        cut.WaitForAssertion(() => Assert.Equal("Open", cut.Find("[data-testid=case-state]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=draft-unsaved]"));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
    }
}
