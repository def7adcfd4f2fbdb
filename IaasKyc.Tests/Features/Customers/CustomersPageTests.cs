using Bunit;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Features.Customers;

/// <summary>The customers list in bUnit: plain markup (ADR 0006), so its filters, sorting and paging are the page's own code.</summary>
public sealed class CustomersPageTests : ComponentTestBase
{
    private async Task SeedAsync(int entities, params string[] individuals)
    {
        SignInAs("officer@example.test", Roles.Officer);
        var service = Services.GetRequiredService<CustomerService>();
        for (var i = 0; i < entities; i++)
        {
            var created = await service.CreateAsync(Support.Customers.ForeignEntity($"Nordlicht {i:00} GmbH", $"ACC-{i:00}"));
            Assert.True(created.Ok, created.Message);
            Clock.Advance(TimeSpan.FromMinutes(1));
        }
        foreach (var (name, i) in individuals.Select((n, i) => (n, i)))
        {
            var created = await service.CreateAsync(Support.Customers.UsIndividual(name, $"ACC-US-{i:00}"));
            Assert.True(created.Ok, created.Message);
            Clock.Advance(TimeSpan.FromMinutes(1));
        }
    }

    private static string[] Names(IRenderedComponent<IComponent> cut) =>
        [.. cut.FindAll("[data-testid=customer-list] tbody td[data-label=Name] a").Select(a => a.TextContent.Trim())];

    private static string PageInfo(IRenderedComponent<IComponent> cut) => cut.Find("[data-testid=page-info]").TextContent.Trim();

    [Fact]
    public async Task The_list_pages_through_every_customer_newest_first()
    {
        await SeedAsync(30);

        var cut = RenderPage<CustomersPage>();

        cut.WaitForAssertion(() => Assert.Equal("1–25 of 30", PageInfo(cut)));
        Assert.Equal("Nordlicht 29 GmbH", Names(cut)[0]);
        Assert.Equal(25, Names(cut).Length);
        Assert.Equal("descending", cut.Find("th[aria-sort]:not([aria-sort=none])").GetAttribute("aria-sort"));
        Assert.True(cut.Find("button[aria-label='Previous page']").HasAttribute("disabled"));

        cut.Find("button[aria-label='Next page']").Click();

        cut.WaitForAssertion(() => Assert.Equal("26–30 of 30", PageInfo(cut)));
        Assert.Equal(["Nordlicht 04 GmbH", "Nordlicht 03 GmbH", "Nordlicht 02 GmbH", "Nordlicht 01 GmbH", "Nordlicht 00 GmbH"], Names(cut));
        Assert.True(cut.Find("button[aria-label='Next page']").HasAttribute("disabled"));

        cut.Find("button[aria-label='First page']").Click();
        cut.WaitForAssertion(() => Assert.Equal("1–25 of 30", PageInfo(cut)));

        cut.Find(".plain-page-size select").Change("50");
        cut.WaitForAssertion(() => Assert.Equal("1–30 of 30", PageInfo(cut)));
        Assert.Equal(30, Names(cut).Length);
    }

    [Fact]
    public async Task Sorting_by_a_column_then_again_reverses_it()
    {
        await SeedAsync(3, "Anna Zeller");
        var cut = RenderPage<CustomersPage>();
        cut.WaitForAssertion(() => Assert.Equal(4, Names(cut).Length));

        cut.FindAll("th button").Single(b => b.TextContent.Trim() == "Name").Click();

        cut.WaitForAssertion(() => Assert.Equal(["Anna Zeller", "Nordlicht 00 GmbH", "Nordlicht 01 GmbH", "Nordlicht 02 GmbH"], Names(cut)));
        Assert.Equal("ascending", cut.FindAll("th").Single(t => t.TextContent.Trim() == "Name").GetAttribute("aria-sort"));
        Assert.Equal("none", cut.FindAll("th").Single(t => t.TextContent.Trim() == "Updated").GetAttribute("aria-sort"));

        cut.FindAll("th button").Single(b => b.TextContent.Trim() == "Name").Click();

        cut.WaitForAssertion(() => Assert.Equal(["Nordlicht 02 GmbH", "Nordlicht 01 GmbH", "Nordlicht 00 GmbH", "Anna Zeller"], Names(cut)));
        Assert.Equal("descending", cut.FindAll("th").Single(t => t.TextContent.Trim() == "Name").GetAttribute("aria-sort"));
    }

    [Fact]
    public async Task Filters_narrow_the_list_and_go_back_to_the_first_page()
    {
        await SeedAsync(27, "Anna Zeller");
        var cut = RenderPage<CustomersPage>();
        cut.WaitForAssertion(() => Assert.Equal("1–25 of 28", PageInfo(cut)));
        cut.Find("button[aria-label='Next page']").Click();
        cut.WaitForAssertion(() => Assert.Equal("26–28 of 28", PageInfo(cut)));

        cut.FindAll(".filter-field").Single(f => f.TextContent.Contains("U.S. or foreign")).QuerySelector("select")!.Change("us");

        cut.WaitForAssertion(() => Assert.Equal(["Anna Zeller"], Names(cut)));
        Assert.Equal("1–1 of 1", PageInfo(cut));

        cut.FindAll(".filter-field").Single(f => f.TextContent.Contains("U.S. or foreign")).QuerySelector("select")!.Change("");
        cut.Find("input[type=search]").Input("licht 1");

        // The search waits for a pause in typing; then only the matches are listed.
        cut.WaitForAssertion(() => Assert.Equal("1–10 of 10", PageInfo(cut)));
        Assert.All(Names(cut), n => Assert.StartsWith("Nordlicht 1", n));

        cut.Find("input[type=search]").Input("no such customer");
        cut.WaitForAssertion(() => Assert.Equal("No customers match these filters.", cut.Find("[data-testid=no-customers]").TextContent.Trim()));
        Assert.Equal("0 of 0", PageInfo(cut));
    }

    [Fact]
    public async Task A_country_code_applies_once_both_letters_are_typed()
    {
        await SeedAsync(2, "Anna Zeller");
        var cut = RenderPage<CustomersPage>();
        cut.WaitForAssertion(() => Assert.Equal(3, Names(cut).Length));
        AngleSharp.Dom.IElement Country() => cut.FindAll(".filter-field").Single(f => f.TextContent.Contains("Country code")).QuerySelector("input")!;

        Country().Input("U");
        Assert.Equal(3, Names(cut).Length);

        Country().Input("US");
        cut.WaitForAssertion(() => Assert.Equal(["Anna Zeller"], Names(cut)));
    }

    [Fact]
    public async Task The_status_link_of_the_dashboard_preselects_the_filter_and_only_editors_see_new_customer()
    {
        await SeedAsync(2);
        SignInAs("auditor@example.test", Roles.Auditor);

        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/customers?status=submitted");
        var cut = Render<CustomersPage>();

        cut.WaitForAssertion(() => Assert.Equal("No customers match these filters.", cut.Find("[data-testid=no-customers]").TextContent.Trim()));
        Assert.Equal("Submitted", cut.FindAll(".filter-field").Single(f => f.TextContent.Contains("Status")).QuerySelector("select")!.GetAttribute("value"));
        Assert.Empty(cut.FindAll("a[href='/customers/new']"));

        SignInAs("officer@example.test", Roles.Officer);
        navigation.NavigateTo("/customers");
        var officers = Render<CustomersPage>();
        officers.WaitForAssertion(() => Assert.Single(officers.FindAll("a[href='/customers/new']")));
    }

    [Fact]
    public async Task Only_mine_lists_what_the_user_created_until_the_chip_is_closed()
    {
        await SeedAsync(2);
        SignInAs("officer2@example.test", Roles.Officer);
        var created = await Services.GetRequiredService<CustomerService>().CreateAsync(Support.Customers.UsIndividual("Jordan Ellis", "ACC-MINE"));
        Assert.True(created.Ok, created.Message);

        Services.GetRequiredService<NavigationManager>().NavigateTo("/customers?mine=true");
        var cut = Render<CustomersPage>();

        cut.WaitForAssertion(() => Assert.Equal(["Jordan Ellis"], Names(cut)));
        cut.Find("[data-testid=mine-filter] button").Click();

        cut.WaitForAssertion(() => Assert.Equal(3, Names(cut).Length));
        Assert.Empty(cut.FindAll("[data-testid=mine-filter]"));
    }

    [Fact]
    public async Task Names_are_shown_as_text_never_as_markup()
    {
        // The rows are markup strings (CustomersPage.Row): every value is encoded there.
        const string hostile = "<script>alert(1)</script> Müller & \"Söhne\" <img src=x onerror=alert(1)></td><td>evil";
        await SeedAsync(0, hostile);
        var cut = RenderPage<CustomersPage>();

        cut.WaitForAssertion(() => Assert.Equal([hostile], Names(cut)));
        Assert.Empty(cut.FindAll("tbody script"));
        Assert.Empty(cut.FindAll("tbody img"));
        Assert.Equal(6, cut.FindAll("tbody tr td").Count);
        Assert.Equal("United States", cut.Find("tbody td[data-label=Country] span").GetAttribute("title"));
    }
}
