using Bunit;
using IaasKyc.Portal.Components.Layout;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

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
        Assert.Equal(FixedAntiforgery.Token, cut.Find("form input[name=__RequestVerificationToken]").GetAttribute("value"));
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

    [Fact]
    public void The_menu_button_switches_the_drawer_and_each_of_its_two_buttons_says_what_it_shows()
    {
        SignInAs("officer@iaaskyc.example", Roles.Officer);
        var cut = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "x"))));
        // One button is shown below 960 px (d-md-none), the other from 960 px (d-md-flex); app.css shows the drawer
        // from 960 px unless the switch is on, and below only while it is on.
        string Expanded(string shownOn) => cut.FindAll("button[aria-label='Toggle navigation']").Single(b => b.ClassList.Contains(shownOn)).GetAttribute("aria-expanded")!;
        Assert.Equal("false", Expanded("d-md-none"));
        Assert.Equal("true", Expanded("d-md-flex"));
        Assert.DoesNotContain("nav-toggled", cut.Find(".plain-layout").ClassName);
        Assert.Empty(cut.FindAll(".plain-drawer-scrim"));

        cut.FindAll("button[aria-label='Toggle navigation']")[0].Click();

        cut.WaitForAssertion(() => Assert.Contains("nav-toggled", cut.Find(".plain-layout").ClassName));
        Assert.Equal("true", Expanded("d-md-none"));
        Assert.Equal("false", Expanded("d-md-flex"));
        Assert.Single(cut.FindAll(".plain-drawer-scrim"));

        cut.Find(".plain-drawer-scrim").Click();
        cut.WaitForAssertion(() => Assert.DoesNotContain("nav-toggled", cut.Find(".plain-layout").ClassName));
    }

    [Fact]
    public void A_link_followed_in_the_open_phone_drawer_closes_it_and_a_link_on_the_page_leaves_a_hidden_drawer_hidden()
    {
        SignInAs("officer@iaaskyc.example", Roles.Officer);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var cut = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "x"))));

        // Switch on, then a click in the drawer and the navigation it starts: on a phone, the drawer over the page closes.
        cut.FindAll("button[aria-label='Toggle navigation']")[0].Click();
        cut.Find("#nav-drawer").Click();
        cut.InvokeAsync(() => navigation.NavigateTo("/customers"));
        cut.WaitForAssertion(() => Assert.DoesNotContain("nav-toggled", cut.Find(".plain-layout").ClassName));

        // Switch on (on a wide window: the drawer hidden), then a navigation from the page: the drawer stays hidden.
        cut.FindAll("button[aria-label='Toggle navigation']")[0].Click();
        cut.InvokeAsync(() => navigation.NavigateTo("/deadlines"));
        cut.WaitForAssertion(() => Assert.EndsWith("/deadlines", navigation.Uri, StringComparison.Ordinal));
        Assert.Contains("nav-toggled", cut.Find(".plain-layout").ClassName);
    }
}
