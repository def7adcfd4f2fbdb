using Bunit;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Customers.Detail;
using IaasKyc.Portal.Features.Retention;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Features.Retention;

/// <summary>The retention page and the customer page's retention card in bUnit; the customer closes on 2026-11-29 (New York).</summary>
public sealed class RetentionPagesTests : ComponentTestBase
{
    private const string Name = "Nordlicht Rechenzentrum GmbH";

    /// <summary>A foreign customer an Officer submitted and closed today; <paramref name="daysLater"/> then pass.</summary>
    private async Task<Guid> ClosedAsync(int daysLater)
    {
        SignInAs("officer@example.test", Roles.Officer);
        var service = Services.GetRequiredService<CustomerService>();
        var queries = Services.GetRequiredService<CustomerQueries>();
        var id = await Support.Customers.SubmittedForeignAsync(service, queries);
        var closed = await service.CloseAsync(id, (await queries.GetAsync(id))!.Version, "Contract ended");
        Assert.True(closed.Ok, closed.Message);
        Clock.Advance(TimeSpan.FromDays(daysLater));
        return id;
    }

    [Fact]
    public async Task An_Admin_purges_a_purgeable_record_after_a_confirmation_that_names_it()
    {
        var id = await ClosedAsync(daysLater: 800);
        SignInAs("admin@example.test", Roles.Admin);
        var cut = RenderPage<RetentionPage>();
        cut.WaitForAssertion(() => Assert.Contains("Purgeable since 2028-11-30", cut.Markup));
        Assert.Contains("2 years after the last account closure (2026-11-29)", cut.Markup);

        cut.Find($"button[aria-label='Purge {Name}']").Click();
        cut.WaitForAssertion(() => Assert.Contains($"Purge {Name}?", cut.Find(".mud-dialog").TextContent));
        cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == $"Purge {Name}").Click();

        cut.WaitForAssertion(() => Assert.Contains("No closed customer record yet.", cut.Markup));
        cut.WaitForAssertion(() => Assert.Contains(id.ToString(), cut.Find("[aria-label='Purged records']").TextContent));
        Assert.DoesNotContain(Name, cut.Find("[aria-label='Customer records by retention date']").TextContent);
        Assert.Null(await Services.GetRequiredService<CustomerQueries>().GetAsync(id));
    }

    [Fact]
    public async Task Cancelling_the_confirmation_purges_nothing()
    {
        var id = await ClosedAsync(daysLater: 800);
        SignInAs("admin@example.test", Roles.Admin);
        var cut = RenderPage<RetentionPage>();
        cut.WaitForAssertion(() => cut.Find($"button[aria-label='Purge {Name}']").Click());

        cut.WaitForAssertion(() => cut.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").Click());

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-dialog")));
        Assert.NotNull(await Services.GetRequiredService<CustomerQueries>().GetAsync(id));
    }

    [Theory]
    [InlineData(Roles.Auditor)]
    [InlineData(Roles.Approver)]
    [InlineData(Roles.Officer)]
    public async Task Other_roles_read_the_retention_basis_but_cannot_purge(string role)
    {
        await ClosedAsync(daysLater: 800);
        SignInAs($"{role.ToLowerInvariant()}@example.test", role);

        var cut = RenderPage<RetentionPage>();

        cut.WaitForAssertion(() => Assert.Contains("Purgeable since 2028-11-30", cut.Markup));
        Assert.Empty(cut.FindAll("button[aria-label^='Purge']"));
        Assert.Contains("Admins purge them.", cut.Markup);
    }

    [Fact]
    public async Task An_Approver_places_a_legal_hold_from_the_customer_page_and_the_purge_button_goes()
    {
        var id = await ClosedAsync(daysLater: 800);
        SignInAs("approver@example.test", Roles.Approver);
        var page = RenderPage<CustomerPage>(id);
        page.WaitForAssertion(() => Assert.Contains("kept until 2028-11-29, purgeable since 2028-11-30", page.Find("[data-testid=retention-date]").TextContent));

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Place legal hold").Click();
        page.WaitForAssertion(() => page.Find(".mud-dialog textarea").Change("Litigation hold, matter 2026-114"));
        page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Place hold").Click();

        page.WaitForAssertion(() => Assert.Contains("Litigation hold, matter 2026-114", page.Find("[data-testid=retention-card]").TextContent));
        Assert.NotNull(page.Find("[data-testid=legal-hold]"));
        SignInAs("admin@example.test", Roles.Admin);
        var retention = RenderPage<RetentionPage>(providers: false);
        retention.WaitForAssertion(() => Assert.Contains("Legal hold", retention.Markup));
        Assert.Empty(retention.FindAll("button[aria-label^='Purge']"));
    }

    [Fact]
    public async Task An_Officer_sees_the_retention_date_but_no_hold_action()
    {
        var id = await ClosedAsync(daysLater: 10);

        var page = RenderPage<CustomerPage>(id);

        page.WaitForAssertion(() => Assert.Contains("kept until 2028-11-29 (2 years after the last account closure (2026-11-29))",
            page.Find("[data-testid=retention-date]").TextContent));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("legal hold"));
    }

    [Fact]
    public async Task The_customer_page_of_a_purged_record_shows_its_tombstone()
    {
        var id = await ClosedAsync(daysLater: 800);
        SignInAs("admin@example.test", Roles.Admin);
        Assert.True((await Services.GetRequiredService<RetentionService>().PurgeAsync(id)).Ok);
        SignInAs("auditor@example.test", Roles.Auditor);

        var page = RenderPage<CustomerPage>(id);

        page.WaitForAssertion(() => Assert.Contains("was purged", page.Find("[data-testid=tombstone]").TextContent));
        Assert.Contains("admin@example.test", page.Markup);
        Assert.Contains("2 years after the last account closure (2026-11-29)", page.Markup);
        Assert.DoesNotContain("There is no customer with this id", page.Markup);
        Assert.DoesNotContain(Name, page.Markup);
    }
}
