using Bunit;
using IaasKyc.Domain.AiTraining;
using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Components.Layout;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.AiTraining;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.RulePacks;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IaasKyc.Tests.Features.AiTraining;

/// <summary>The open-case form, the drafting editor and the module switch in bUnit; today is 2026-11-29 in New York.</summary>
public sealed class DraftingComponentsTests : ComponentTestBase
{
    private IRenderedComponent<IComponent> RenderWithProviders<TComponent>(Guid? id = null) where TComponent : IComponent =>
        Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<MudSnackbarProvider>(1);
            b.CloseComponent();
            b.OpenComponent<TComponent>(2);
            if (id is not null) b.AddAttribute(3, nameof(CasePage.Id), id.Value);
            b.CloseComponent();
        });

    private async Task<Guid> OpenedAsync()
    {
        SignInAs("officer@example.test", Roles.Officer);
        await AiCases.CatalogueAsync(Services.GetRequiredService<IDbContextFactory<PortalDbContext>>());
        var customer = await Support.Customers.SubmittedForeignAsync(Services.GetRequiredService<CustomerService>(), Services.GetRequiredService<CustomerQueries>());
        var opened = await Services.GetRequiredService<TrainingCaseService>().OpenAsync(
            new OpenCaseInput(customer, ["ACC-NORD-1"], CaseTrigger.OfficerObservation, Clock.GetUtcNow().UtcDateTime.AddDays(-1)));
        Assert.True(opened.Ok, opened.Message);
        return opened.Id!.Value;
    }

    private async Task SwitchModuleOffAsync()
    {
        var parameters = RulePack.Default.Parameters.ToDictionary(p => p.Key, p => p.Value);
        parameters["aiModuleEnabled"] = "false";
        var (_, findings) = await Services.GetRequiredService<RulePackService>().CreateAsync("Module off", Services.GetRequiredService<PortalTime>().Today, parameters, "admin");
        Assert.Empty(findings);
    }

    [Fact]
    public void The_open_case_form_offers_a_reseller_and_names_each_missing_value_at_its_field()
    {
        SignInAs("officer@example.test", Roles.Officer);
        var cut = RenderWithProviders<OpenCaseForm>();
        cut.WaitForAssertion(() => Assert.Contains("Reported through reseller", cut.Markup));

        cut.Find("[data-testid=open-case]").Click();

        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Choose a customer of the portal.", cut.Markup);
            Assert.Contains("Name at least one of the customer's accounts.", cut.Markup);
            Assert.Contains("Give the date the provider learned of the transaction.", cut.Markup);
        });
    }

    [Fact]
    public async Task The_editor_shows_an_error_at_the_field_keeps_what_was_typed_then_saves()
    {
        var id = await OpenedAsync();
        var cut = RenderWithProviders<CasePage>(id);
        cut.WaitForAssertion(() => cut.Find("[data-testid=draft-editor]"));

        cut.Find("#intended-use").Change("A code model for the customer's clients.");
        cut.Find("#run-start").Change("2026-05-10");
        cut.Find("#run-end").Change("2026-05-01");
        cut.Find("[data-testid=save-draft]").Click();

        cut.WaitForAssertion(() => Assert.Contains("The run cannot end before it starts.", cut.Markup));
        Assert.Equal("A code model for the customer's clients.", cut.Find("#intended-use").GetAttribute("value") ?? cut.Find("#intended-use").TextContent);
        cut.Find("#run-end").Change("2026-05-31");
        cut.Find("[data-testid=save-draft]").Click();
        cut.WaitForAssertion(() => Assert.DoesNotContain("The run cannot end before it starts.", cut.Markup));
        var saved = (await Services.GetRequiredService<TrainingCaseService>().GetAsync(id))!.Narrative;
        Assert.Equal(("A code model for the customer's clients.", new DateOnly(2026, 5, 31)), (saved.IntendedUse, saved.RunEnd));
    }

    /// <summary>The case page with the draft typed, then another Officer writes the full draft and marks it ready behind its back.</summary>
    private async Task<(Guid Id, IRenderedComponent<IComponent> Cut)> TypedThenSavedByAnotherAsync()
    {
        var id = await OpenedAsync();
        var cut = RenderWithProviders<CasePage>(id);
        cut.WaitForAssertion(() => cut.Find("[data-testid=draft-editor]"));
        cut.Find("#intended-use").Change("A code model for the customer's clients.");
        cut.Find("#cluster").Change("Frankfurt FRA-1");
        await Services.AsAnotherUserAsync<TrainingCaseService>("officer2@example.test", async cases =>
        {
            var written = await cases.SaveNarrativeAsync(id, (await cases.GetAsync(id))!.Row.Version, Make.Narrative());
            return written.Ok ? await cases.MarkDraftReadyAsync(id, written.Version!.Value) : written;
        });
        cut.Find("[data-testid=save-draft]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict]"));
        return (id, cut);
    }

    [Fact]
    public async Task A_draft_save_refused_because_someone_else_saved_first_shows_both_and_keep_mine_stores_the_input_and_reopens_the_case()
    {
        var (id, cut) = await TypedThenSavedByAnotherAsync();

        Assert.Equal(Make.Narrative().IntendedUse, cut.Cell("Intended use of the model", "theirs"));
        Assert.Equal("A code model for the customer's clients.", cut.Cell("Intended use of the model", "mine"));
        Assert.True(cut.Differs("Intended use of the model"));
        Assert.Equal(("720", "(empty)"), (cut.Cell("Duration (hours)", "theirs"), cut.Cell("Duration (hours)", "mine")));
        Assert.True(cut.Differs("Duration (hours)"));
        Assert.False(cut.Differs("Mainly biological sequence data"));
        Assert.Contains("Saved by officer2@example.test", cut.Find("[data-testid=conflict-by]").TextContent);
        Assert.Equal("Frankfurt FRA-1", cut.Find("#cluster").GetAttribute("value"));
        Assert.Equal(CaseState.DraftReady, (await Services.GetRequiredService<TrainingCaseService>().GetAsync(id))!.Row.State);
        Assert.Contains("Saving a change sends the case back to Open", cut.Find("[data-testid=draft-editor]").TextContent);

        cut.Find("[data-testid=keep-mine]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
        var stored = (await Services.GetRequiredService<TrainingCaseService>().GetAsync(id))!;
        Assert.Equal(("A code model for the customer's clients.", "Frankfurt FRA-1", (double?)null), (stored.Narrative.IntendedUse, stored.Narrative.Cluster, stored.Narrative.Hours));
        // The same call as any save: a change to a ready draft sends the case back to Open.
        Assert.Equal(CaseState.Open, stored.Row.State);
        cut.WaitForAssertion(() => Assert.Equal("Open", cut.Find("[data-testid=case-state]").TextContent));
    }

    [Fact]
    public async Task Take_theirs_fills_the_draft_with_the_stored_text_and_the_next_save_goes_over_their_version()
    {
        var (id, cut) = await TypedThenSavedByAnotherAsync();

        cut.Find("[data-testid=take-theirs]").Click();

        cut.WaitForAssertion(() => Assert.Equal(Make.Narrative().Cluster, cut.Find("#cluster").GetAttribute("value")));
        Assert.Equal("720", cut.Find("#run-hours").GetAttribute("value"));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
        cut.Find("#how-learned").Change("Reported by the account manager on 2026-06-14.");
        cut.Find("[data-testid=save-draft]").Click();
        await cut.WaitForAssertionAsync(async () =>
            Assert.Equal("Reported by the account manager on 2026-06-14.", (await Services.GetRequiredService<TrainingCaseService>().GetAsync(id))!.Narrative.HowLearned));
        Assert.Equal(Make.Narrative().IntendedUse, (await Services.GetRequiredService<TrainingCaseService>().GetAsync(id))!.Narrative.IntendedUse);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
    }

    [Fact]
    public async Task Marking_an_incomplete_draft_ready_says_what_is_missing()
    {
        var id = await OpenedAsync();
        var cut = RenderWithProviders<CasePage>(id);

        cut.WaitForAssertion(() => cut.FindAll("button").Single(b => b.TextContent.Contains("Mark draft ready", StringComparison.Ordinal)).Click());

        cut.WaitForAssertion(() => Assert.Contains("Say why the model may have malicious-cyber capability.", cut.Find("[data-testid=draft-incomplete]").TextContent));
        Assert.Equal("Open", cut.Find("[data-testid=case-state]").TextContent);
    }

    [Fact]
    public async Task With_the_module_off_the_list_offers_no_new_case_and_the_navigation_says_so()
    {
        await OpenedAsync();
        await SwitchModuleOffAsync();

        var list = RenderWithProviders<CasesPage>();
        var nav = Render<NavMenu>();

        list.WaitForAssertion(() => Assert.Contains("switched off in the rule pack", list.Find("[data-testid=module-off]").TextContent));
        Assert.DoesNotContain(list.FindAll("button"), b => b.TextContent.Contains("Open a case", StringComparison.Ordinal));
        Assert.Contains("Nordlicht Rechenzentrum GmbH", list.Markup);
        nav.WaitForAssertion(() => Assert.Equal("Module off in the rule pack", nav.Find("[data-testid=ai-module-off]").TextContent));
    }
}
