using Bunit;
using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Customers.Detail;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Features.Customers;

public sealed class CustomerPageTests : ComponentTestBase
{
    private Task<Guid> SubmittedAsync(string by)
    {
        SignInAs(by, Roles.Officer, Roles.Approver);
        return Support.Customers.SubmittedForeignAsync(Services.GetRequiredService<CustomerService>(), Services.GetRequiredService<CustomerQueries>());
    }

    private IRenderedComponent<CustomerPage> Open(Guid id) => Render<CustomerPage>(p => p.Add(c => c.Id, id));

    [Fact]
    public async Task An_approver_who_did_not_submit_gets_the_decision_buttons()
    {
        var id = await SubmittedAsync("officer@example.test");
        SignInAs("approver@example.test", Roles.Approver);

        var cut = Open(id);

        cut.WaitForAssertion(() => Assert.Contains("Verify", cut.Find("[data-testid=customer-actions]").TextContent));
        Assert.Contains("Reject", cut.Find("[data-testid=customer-actions]").TextContent);
        Assert.DoesNotContain("You submitted this customer", cut.Markup);
    }

    [Fact]
    public async Task The_submitter_is_told_another_approver_must_decide()
    {
        var id = await SubmittedAsync("lead@example.test");
        SignInAs("lead@example.test", Roles.Officer, Roles.Approver);

        var cut = Open(id);

        cut.WaitForAssertion(() => Assert.Contains("You submitted this customer: another Approver must decide", cut.Markup));
    }

    [Fact]
    public async Task An_officer_can_escalate_but_not_decide()
    {
        var id = await SubmittedAsync("officer@example.test");
        SignInAs("officer2@example.test", Roles.Officer);

        var cut = Open(id);

        cut.WaitForAssertion(() => Assert.Contains("Escalate", cut.Find("[data-testid=customer-actions]").TextContent));
        Assert.DoesNotContain("Verify", cut.Find("[data-testid=customer-actions]").TextContent);
    }

    [Fact]
    public async Task An_auditor_reads_everything_and_gets_no_action()
    {
        var id = await SubmittedAsync("officer@example.test");
        SignInAs("auditor@example.test", Roles.Auditor);

        var cut = Open(id);

        cut.WaitForAssertion(() => Assert.Contains("Nordlicht Rechenzentrum GmbH", cut.Find("h1").TextContent));
        Assert.Empty(cut.Find("[data-testid=customer-actions]").Children);
        Assert.Contains("Provisioning: blocked", cut.Find("[data-testid=provisioning-chip]").TextContent);
    }

    [Fact]
    public async Task Payment_identifiers_show_masked_and_the_risk_tab_explains_each_factor()
    {
        var id = await SubmittedAsync("officer@example.test");
        SignInAs("auditor@example.test", Roles.Auditor);

        var cut = Open(id);
        cut.WaitForAssertion(() => Assert.Contains("Accounts (1)", cut.Markup));
        cut.FindAll(".mud-tab").First(t => t.TextContent.Contains("Accounts")).Click();
        cut.WaitForAssertion(() => Assert.Contains("3000", cut.Markup));
        Assert.DoesNotContain("DE89370400440532013000", cut.Markup);
        cut.FindAll(".mud-tab").First(t => t.TextContent.Contains("Risk")).Click();

        cut.WaitForAssertion(() => Assert.Contains("Foreign person: identity must be verified", cut.Markup));
        Assert.Contains("+10", cut.Markup);
    }

    [Fact]
    public void An_unknown_id_says_so()
    {
        SignInAs("auditor@example.test", Roles.Auditor);

        var cut = Open(Guid.NewGuid());

        cut.WaitForAssertion(() => Assert.Contains("There is no customer with this id", cut.Markup));
    }

    [Fact]
    public async Task The_review_queue_separates_escalated_customers()
    {
        var first = await SubmittedAsync("officer@example.test");
        await Support.Customers.SubmittedForeignAsync(Services.GetRequiredService<CustomerService>(), Services.GetRequiredService<CustomerQueries>(),
            "Baltic Compute SIA", "ACC-BALTIC-1");
        var detail = await Services.GetRequiredService<CustomerQueries>().GetAsync(first, Xunit.TestContext.Current.CancellationToken);
        Assert.True((await Services.GetRequiredService<CustomerService>().EscalateAsync(first, detail!.Version, "Director's identity unclear", Xunit.TestContext.Current.CancellationToken)).Ok);
        SignInAs("approver@example.test", Roles.Approver);

        var cut = Render<ReviewQueuePage>();

        cut.WaitForAssertion(() => Assert.Contains("To decide (1)", cut.Markup));
        Assert.Contains("Escalated (1)", cut.Markup);
        Assert.Contains("Baltic Compute SIA", cut.Markup);
        Assert.Equal(CustomerStatus.Escalated, (await Services.GetRequiredService<CustomerQueries>().GetAsync(first, Xunit.TestContext.Current.CancellationToken))!.Status);
    }
}
