using Bunit;
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
}
