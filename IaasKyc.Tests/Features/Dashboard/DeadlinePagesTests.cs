using Bunit;
using IaasKyc.Domain.Resellers;
using IaasKyc.Portal.Components.Layout;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Dashboard;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IaasKyc.Tests.Features.Dashboard;

/// <summary>The deadline board and the bell in bUnit; today is 29 November 2026 in New York.</summary>
public sealed class DeadlinePagesTests : ComponentTestBase
{
    private const string Me = "owner@example.test";
    private static readonly DateOnly Today = new(2026, 11, 29);

    private async Task StoreAsync(params object[] entities)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    private CipProductionRequest Request(string reference, int receivedDaysAgo, string by = Me) =>
        new(Guid.NewGuid(), reference, Today.AddDays(-receivedDaysAgo), true, [], 10, "v", by, Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task The_board_lists_clocks_by_days_left_with_their_state_colour_and_follows_new_clocks_live()
    {
        SignInAs(Me, Roles.Officer);
        await StoreAsync(Request("LATE", 12), Request("SOON", 8), Request("FAR", 0, by: "someone@example.test"));
        var cut = Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<DeadlinesPage>(1);
            b.CloseComponent();
        });

        cut.WaitForAssertion(() => Assert.Equal(["Request LATE", "Request SOON", "Request FAR"], cut.FindAll("[data-testid=deadline-what]").Select(a => a.TextContent)));
        Assert.Equal(["Overdue", "DueSoon", "OnTime"], cut.FindAll("[data-testid=deadline-state]").Select(c => c.GetAttribute("data-state")));
        Assert.Contains("mud-chip-color-error", cut.FindAll("[data-testid=deadline-state]")[0].ClassName);
        Assert.Equal(["-2", "2", "10"], cut.FindAll("[data-testid=deadline-days]").Select(c => c.TextContent.Trim()));

        await StoreAsync(Request("NEW", 10));

        cut.WaitForAssertion(() => Assert.Equal("Request NEW", cut.FindAll("[data-testid=deadline-what]")[1].TextContent));
    }

    [Fact]
    public async Task The_board_opens_filtered_by_the_query_string_and_says_when_nothing_matches()
    {
        SignInAs(Me, Roles.Auditor);
        await StoreAsync(Request("LATE", 12, by: "someone@example.test"), Request("SOON", 8));

        var nav = Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("/deadlines?state=overdue");
        var overdue = Render<DeadlinesPage>();
        overdue.WaitForAssertion(() => Assert.Equal(["Request LATE"], overdue.FindAll("[data-testid=deadline-what]").Select(a => a.TextContent)));

        nav.NavigateTo("/deadlines?state=overdue&mine=true");
        var mineAndOverdue = Render<DeadlinesPage>();
        mineAndOverdue.WaitForAssertion(() => Assert.Equal("No clock matches these filters.", mineAndOverdue.Find("[data-testid=deadline-empty]").TextContent));
    }

    [Fact]
    public async Task The_bell_counts_new_notices_live_and_marking_all_read_on_the_notifications_page_clears_it()
    {
        SignInAs(Me, Roles.Officer);
        await StoreAsync(Make.User(Me), Request("BELL", 9));
        var cut = Render<MainLayout>(p => p.Add(l => l.Body, (RenderFragment)(b => b.AddContent(0, "page"))));
        cut.WaitForAssertion(() => Assert.Equal("Notifications", cut.Find("[data-testid=bell] button").GetAttribute("aria-label")));

        await Services.GetRequiredService<NotificationService>().RaiseDueAsync();

        cut.WaitForAssertion(() => Assert.Equal("Notifications, 1 unread", cut.Find("[data-testid=bell] button").GetAttribute("aria-label")));
        var page = Render<NotificationsPage>();
        page.WaitForAssertion(() => Assert.Contains("Request BELL: due soon", page.Find("[data-testid=notifications] tbody").TextContent));
        page.FindAll("button").Single(b => b.TextContent.Contains("Mark all read")).Click();
        cut.WaitForAssertion(() => Assert.Equal("Notifications", cut.Find("[data-testid=bell] button").GetAttribute("aria-label")));
        Assert.Equal(0, await Services.GetRequiredService<NotificationService>().UnreadCountAsync(Me));
    }

    [Fact]
    public async Task The_bell_menu_reads_the_notices_when_opened_marks_one_read_when_followed_and_closes_on_escape()
    {
        SignInAs(Me, Roles.Officer);
        await StoreAsync(Make.User(Me), Request("FIRST", 9), Request("SECOND", 12));
        await Services.GetRequiredService<NotificationService>().RaiseDueAsync();
        var cut = Render<NotificationBell>();
        cut.WaitForAssertion(() => Assert.Equal("Notifications, 2 unread", cut.Find("[data-testid=bell] button").GetAttribute("aria-label")));
        Assert.Equal("2", cut.Find("[data-testid=bell-count] .mud-badge").TextContent);
        Assert.Empty(cut.FindAll("[role=menu]"));
        Assert.Equal("false", cut.Find("[data-testid=bell] button").GetAttribute("aria-expanded"));

        await cut.InvokeAsync(() => cut.Find("[data-testid=bell] button").Click());

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=bell-item]").Count));
        Assert.Equal("true", cut.Find("[data-testid=bell] button").GetAttribute("aria-expanded"));
        cut.WaitForAssertion(() => JSInterop.VerifyFocusAsyncInvoke().Arguments[0].ShouldBeElementReferenceTo(cut.Find("#bell-menu")));
        Assert.All(cut.FindAll("[data-testid=bell-item]"), i => Assert.Contains("bell-unread", i.ClassName));
        var second = cut.FindAll("[data-testid=bell-item]").Single(i => i.TextContent.Contains("Request SECOND", StringComparison.Ordinal));
        var first = cut.FindAll("[data-testid=bell-item]").Single(i => i.TextContent.Contains("Request FIRST", StringComparison.Ordinal));
        Assert.Contains("mud-error-text", second.QuerySelector("svg")!.ClassName); // overdue
        Assert.Contains("mud-warning-text", first.QuerySelector("svg")!.ClassName); // due soon
        var href = (await Services.GetRequiredService<NotificationService>().ListAsync(Me)).Single(n => n.Title.Contains("SECOND", StringComparison.Ordinal)).Href;

        await cut.InvokeAsync(() => second.Click());

        cut.WaitForAssertion(() => Assert.Equal("Notifications, 1 unread", cut.Find("[data-testid=bell] button").GetAttribute("aria-label")));
        Assert.EndsWith(href, Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[role=menu]"));

        await cut.InvokeAsync(() => cut.Find("[data-testid=bell] button").Click());
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=bell-item].bell-unread")));
        var menuReference = cut.Find("#bell-menu").GetAttribute("blazor:elementReference");
        await cut.InvokeAsync(() => cut.Find("[data-testid=bell]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Escape" }));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[role=menu]")));
        // Escape gives the focus back to the bell's button (the third focus: the menu took it at each opening).
        cut.WaitForAssertion(() =>
        {
            var focused = JSInterop.VerifyFocusAsyncInvoke(calledTimes: 3).Select(f => ((ElementReference)f.Arguments[0]!).Id).ToList();
            Assert.Equal(menuReference, focused[1]);
            Assert.NotEqual(focused[1], focused[2]); // the only other element the bell keeps a reference to is its button
            Assert.False(string.IsNullOrEmpty(focused[2]));
        });

        await cut.InvokeAsync(() => cut.Find("[data-testid=bell] button").Click());
        await cut.InvokeAsync(() => cut.Find("[data-testid=bell-mark-all]").Click());
        cut.WaitForAssertion(() => Assert.Equal("Notifications", cut.Find("[data-testid=bell] button").GetAttribute("aria-label")));
        Assert.Empty(cut.FindAll("[data-testid=bell-count] .mud-badge"));
        Assert.Empty(cut.FindAll("[data-testid=bell-item].bell-unread"));
        Assert.True(cut.Find("[data-testid=bell-mark-all]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task The_bell_menu_says_when_there_is_nothing_and_a_click_outside_closes_it()
    {
        SignInAs(Me, Roles.Officer);
        await StoreAsync(Make.User(Me));
        var cut = Render<NotificationBell>();
        cut.WaitForAssertion(() => Assert.Equal("Notifications", cut.Find("[data-testid=bell] button").GetAttribute("aria-label")));

        await cut.InvokeAsync(() => cut.Find("[data-testid=bell] button").Click());

        cut.WaitForAssertion(() => Assert.Equal("No notifications.", cut.Find("[data-testid=bell-empty]").TextContent));
        Assert.Equal("/notifications", cut.FindAll("[role=menu] a").Single(a => a.TextContent == "See all").GetAttribute("href"));
        await cut.InvokeAsync(() => cut.Find(".bell-scrim").Click());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[role=menu]")));
    }
}
