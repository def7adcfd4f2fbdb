using Bunit;
using IaasKyc.Domain.Resellers;
using IaasKyc.Portal.Features.Resellers;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Features.Resellers;

public sealed class AttestationTemplatesPageTests : ComponentTestBase
{
    private AttestationService Service => Services.GetRequiredService<AttestationService>();

    private static string FieldText(IRenderedComponent<AttestationTemplatesPage> cut, string inputId) =>
        cut.Find($"#{inputId}").Closest(".mud-input-control")!.TextContent;

    [Fact]
    public async Task A_new_version_starts_from_the_standard_text_and_an_emptied_clause_is_refused_at_its_field()
    {
        SignInAs("officer@example.test", Roles.Officer);
        var cut = Render<AttestationTemplatesPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=no-templates]"));

        cut.Find("[data-testid=new-template]").Click();
        Assert.Contains("Identify every customer", cut.Find("#clause-identification").TextContent + cut.Find("#clause-identification").GetAttribute("value"));
        cut.Find("#clause-cipProduction").Change("");
        cut.Find("[data-testid=template-editor] form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Write this clause", FieldText(cut, "clause-cipProduction")));
        Assert.Empty(await Service.TemplatesAsync());
    }

    [Fact]
    public async Task A_saved_version_shows_as_a_draft_and_its_author_cannot_approve_it_but_another_approver_can()
    {
        SignInAs("lead@example.test", Roles.Officer, Roles.Approver);
        var cut = Render<AttestationTemplatesPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=new-template]"));
        cut.Find("[data-testid=new-template]").Click();
        cut.Find("[data-testid=template-editor] form").Submit();

        cut.WaitForAssertion(() => Assert.Equal("Draft", cut.Find("[data-testid=template-v1] [data-testid=template-state]").TextContent.Trim()));
        Assert.True(cut.Find("[data-testid=approve-template]").HasAttribute("disabled"));

        SignInAs("approver@example.test", Roles.Approver);
        var other = Render<AttestationTemplatesPage>();
        other.WaitForAssertion(() => Assert.False(other.Find("[data-testid=approve-template]").HasAttribute("disabled")));
        other.Find("[data-testid=approve-template]").Click();

        other.WaitForAssertion(() => Assert.Equal("Approved", other.Find("[data-testid=template-v1] [data-testid=template-state]").TextContent.Trim()));
        Assert.Equal("approver@example.test", (await Service.TemplatesAsync())[0].ApprovedBy);
    }

    private static string? Typed(IRenderedComponent<AttestationTemplatesPage> cut, string inputId) =>
        cut.Find($"#{inputId}").GetAttribute("value") ?? cut.Find($"#{inputId}").TextContent;

    private static readonly string LastClause = $"7. {AttestationTemplate.Clauses[6].Title}";

    /// <summary>v1 drafted by the signed-in Officer, opened for editing, its last clause retyped; then <paramref name="behindItsBack"/> runs as another user.</summary>
    private async Task<(TemplateView V1, IRenderedComponent<AttestationTemplatesPage> Cut)> EditedThenChangedAsync(
        string otherUser, Func<AttestationService, TemplateView, Task<Portal.Features.Outcome>> behindItsBack)
    {
        SignInAs("officer@example.test", Roles.Officer);
        var drafted = await Service.DraftAsync(TemplateForm.From(StandardAttestation.Introduction, StandardAttestation.Clauses).ToInput());
        Assert.True(drafted.Ok, drafted.Message);
        var v1 = (await Service.TemplatesAsync()).Single();
        var cut = Render<AttestationTemplatesPage>();
        cut.WaitForAssertion(() => cut.FindAll("[data-testid=template-v1] button").Single(b => b.TextContent.Trim() == "Edit").Click());
        cut.Find("#clause-cipChanges").Change("Tell us of any change to your CIP within 30 days.");
        await Services.AsAnotherUserAsync<AttestationService>(otherUser, s => behindItsBack(s, v1));

        cut.Find("[data-testid=template-editor] form").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict]"));
        Assert.Equal("Tell us of any change to your CIP within 30 days.", cut.Cell(LastClause, "mine"));
        Assert.Equal("Tell us of any change to your CIP within 30 days.", Typed(cut, "clause-cipChanges"));
        return (v1, cut);
    }

    [Fact]
    public async Task An_edit_refused_because_another_Officer_saved_first_shows_both_and_take_theirs_fills_the_form_for_the_next_save()
    {
        var (v1, cut) = await EditedThenChangedAsync("officer2@example.test", (s, v1) =>
            s.EditAsync(v1.Id, v1.Version, TemplateForm.From("Their introduction.", StandardAttestation.Clauses).ToInput()));
        Assert.Equal(("Their introduction.", StandardAttestation.Introduction.Trim()), (cut.Cell("Introduction", "theirs"), cut.Cell("Introduction", "mine")));
        Assert.True(cut.Differs("Introduction"));
        Assert.True(cut.Differs(LastClause));
        Assert.False(cut.Differs("1. Identification of customers and beneficial owners"));
        Assert.Contains("Saved by officer2@example.test", cut.Find("[data-testid=conflict-by]").TextContent);

        cut.Find("[data-testid=take-theirs]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Their introduction.", Typed(cut, "template-introduction")));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
        cut.Find("#clause-identification").Change("Identify every customer and owner.");
        cut.Find("[data-testid=template-editor] form").Submit();
        await cut.WaitForAssertionAsync(async () => Assert.Equal("Identify every customer and owner.", (await Service.TemplatesAsync())[0].Clauses["identification"]));
        Assert.Equal("Their introduction.", (await Service.TemplatesAsync())[0].Introduction);
        Assert.Equal(v1.Id, (await Service.TemplatesAsync()).Single().Id);
    }

    [Fact]
    public async Task An_edit_refused_because_an_Approver_approved_meanwhile_marks_only_my_change_and_keep_mine_saves_and_withdraws_the_approval()
    {
        var (v1, cut) = await EditedThenChangedAsync("approver@example.test", (s, v1) => s.ApproveAsync(v1.Id, v1.Version));
        Assert.Contains("Saved by approver@example.test", cut.Find("[data-testid=conflict-by]").TextContent);
        Assert.True(cut.Differs(LastClause));
        Assert.False(cut.Differs("Introduction"));

        cut.Find("[data-testid=keep-mine]").Click();

        await cut.WaitForAssertionAsync(async () =>
            Assert.Equal("Tell us of any change to your CIP within 30 days.", (await Service.TemplatesAsync()).Single().Clauses["cipChanges"]));
        Assert.Null((await Service.TemplatesAsync()).Single().ApprovedBy);
        cut.WaitForAssertion(() => Assert.Equal("Draft", cut.Find("[data-testid=template-v1] [data-testid=template-state]").TextContent.Trim()));
        Assert.Equal(v1.Id, (await Service.TemplatesAsync()).Single().Id);
    }
}
