using Bunit;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.AccessEvents;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Features.AccessEvents;

public sealed class AccessEventsPageTests : ComponentTestBase
{
    private async Task<(Guid CustomerId, Guid AccountId)> AccountWithEventsAsync()
    {
        SignInAs("officer@example.test", Roles.Officer);
        var outcome = await Services.GetRequiredService<CustomerService>().CreateAsync(AccessEventServiceTests.Customer("ACC-1"));
        Assert.True(outcome.Ok, outcome.Message);
        await Services.GetRequiredService<AccessEventService>().IngestAsync("ACC-1",
        [
            new("203.0.113.7", "2026-11-28T10:00:00Z", "access"),
            new("203.0.113.8", "2026-11-28T11:00:00Z", "administration"),
            new("198.51.100.4", "2026-11-28T12:00:00Z", "access"),
        ]);
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return (outcome.Id!.Value, (await db.Accounts.SingleAsync()).Id);
    }

    private IRenderedComponent<AccessEventsPage> RenderPage(Guid customerId, Guid accountId) =>
        Render<AccessEventsPage>(p => p.Add(x => x.CustomerId, customerId).Add(x => x.AccountId, accountId));

    [Fact]
    public async Task The_page_lists_the_accounts_events_newest_first_with_its_summary()
    {
        var (customerId, accountId) = await AccountWithEventsAsync();

        var cut = RenderPage(customerId, accountId);

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("tbody tr").Count));
        Assert.Contains("198.51.100.4", cut.FindAll("tbody tr")[0].TextContent);
        Assert.Contains("administration", cut.FindAll("tbody tr")[1].TextContent);
        Assert.Contains("2026-11-28 07:00 (UTC-05:00)", cut.FindAll("tbody tr")[0].TextContent);
        Assert.Contains("account ACC-1", cut.Find("h1").TextContent);
        Assert.Contains("Nordlicht Rechenzentrum GmbH", cut.Find("[data-testid=customer-name]").TextContent);
        Assert.Equal(["3", "2026-11-28 05:00 (UTC-05:00)", "2026-11-28 07:00 (UTC-05:00)", "3"],
            cut.FindAll("[data-testid=summary-value]").Select(e => e.TextContent.Trim()));
    }

    [Fact]
    public async Task Searching_by_a_CIDR_block_narrows_the_list()
    {
        var (customerId, accountId) = await AccountWithEventsAsync();
        var cut = RenderPage(customerId, accountId);
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("tbody tr").Count));

        var label = cut.FindAll("label").First(l => l.TextContent.Trim() == "Address or CIDR block");
        cut.Find($"#{label.GetAttribute("for")}").Input("203.0.113.0/24");
        cut.FindAll("button").First(b => b.TextContent.Contains("Search")).Click();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("tbody tr").Count));
        Assert.DoesNotContain("198.51.100.4", cut.Find("tbody").TextContent);
    }

    [Fact]
    public async Task A_bad_address_is_shown_at_the_field()
    {
        var (customerId, accountId) = await AccountWithEventsAsync();
        var cut = RenderPage(customerId, accountId);
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("tbody tr").Count));

        var label = cut.FindAll("label").First(l => l.TextContent.Trim() == "Address or CIDR block");
        cut.Find($"#{label.GetAttribute("for")}").Input("203.0.113");
        cut.FindAll("button").First(b => b.TextContent.Contains("Search")).Click();

        cut.WaitForAssertion(() => Assert.Contains("'203.0.113' is not an IP address or CIDR block", cut.Markup));
    }

    [Theory]
    [InlineData(Roles.Auditor, false)]
    [InlineData(Roles.Admin, false)]
    [InlineData(Roles.Officer, true)]
    [InlineData(Roles.Approver, true)]
    public async Task The_import_button_is_shown_only_to_roles_that_edit_customers(string role, bool expected)
    {
        var (customerId, accountId) = await AccountWithEventsAsync();
        SignInAs("someone@example.test", role);

        var cut = RenderPage(customerId, accountId);

        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("tbody tr").Count));
        Assert.Equal(expected, cut.FindAll("button").Any(b => b.TextContent.Contains("Import CSV")));
    }

    [Fact]
    public async Task An_account_of_another_customer_is_not_shown()
    {
        var (_, accountId) = await AccountWithEventsAsync();

        var cut = RenderPage(Guid.NewGuid(), accountId);

        cut.WaitForAssertion(() => Assert.Contains("does not exist", cut.Markup));
        Assert.Empty(cut.FindAll("tbody tr"));
    }
}
