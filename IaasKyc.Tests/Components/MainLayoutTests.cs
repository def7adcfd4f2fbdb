using Bunit;
using IaasKyc.Portal.Components.Layout;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.AspNetCore.Components;

namespace IaasKyc.Tests.Components;

public sealed class MainLayoutTests : ComponentTestBase
{
    [Fact]
    public void App_bar_shows_the_user_their_role_chips_and_a_sign_out_form()
    {
        SignInAs("lead@iaaskyc.example", Roles.Officer, Roles.Approver);

        var cut = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));

        cut.WaitForAssertion(() => Assert.Equal("lead@iaaskyc.example", cut.Find("[data-testid=user-name]").TextContent.Trim()));
        Assert.Equal(["Officer", "Approver"], cut.FindAll("[data-testid=role-chip]").Select(c => c.TextContent.Trim()).ToArray());
        Assert.Equal("Account/Logout", cut.Find("form").GetAttribute("action"));
        Assert.Contains("page body", cut.Markup);
    }

    [Fact]
    public void Theme_toggle_switches_to_dark_and_back()
    {
        SignInAs("officer@iaaskyc.example", Roles.Officer);
        var cut = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "x"))));

        var before = cut.Find("button[aria-label='Toggle dark theme']").InnerHtml;
        Assert.Empty(cut.FindAll("style"));

        cut.Find("button[aria-label='Toggle dark theme']").Click();

        cut.WaitForAssertion(() => Assert.NotEqual(before, cut.Find("button[aria-label='Toggle dark theme']").InnerHtml));
        // The light theme is the page's (App.razor, outside the circuit); the layout adds the dark one over it.
        Assert.Contains("144,202,249", string.Concat(cut.FindAll("style").Select(s => s.TextContent))); // PortalTheme's dark primary, #90caf9
        cut.Find("button[aria-label='Toggle dark theme']").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("style")));
    }
}
