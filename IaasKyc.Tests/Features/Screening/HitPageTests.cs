using Bunit;
using IaasKyc.Domain.Screening;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Screening;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Features.Screening;

/// <summary>The hit page: the explanation, field errors on a proposal, and the four-eyes rule as the page shows it.</summary>
public sealed class HitPageTests : ComponentTestBase
{
    private async Task<Guid> OpenHitAsync()
    {
        SignInAs("admin@example.test", Roles.Admin);
        var imported = await Services.GetRequiredService<ListImportService>().ImportAsync(ListSource.OfacSdn, ListFixtures.Sdn());
        Assert.True(imported.Ok);
        SignInAs("officer@example.test", Roles.Officer);
        var id = await Support.Customers.SubmittedForeignAsync(Services.GetRequiredService<CustomerService>(), Services.GetRequiredService<CustomerQueries>(),
            "Korvex Data Systems OOO");
        return Assert.Single(await Services.GetRequiredService<ScreeningQueries>().AlertsAsync(AlertFilter.ToReview, id)).Id;
    }

    private IRenderedComponent<HitPage> Open(Guid id) => Render<HitPage>(p => p.Add(c => c.Id, id));

    [Fact]
    public async Task The_page_shows_both_sides_and_why_the_names_scored()
    {
        var id = await OpenHitAsync();

        var cut = Open(id);

        cut.WaitForAssertion(() => Assert.Contains("KORVEX DATA SYSTEMS LLC", cut.Find("[data-testid='list-entry']").TextContent));
        Assert.Contains("CYBER2", cut.Find("[data-testid='list-entry']").TextContent);
        Assert.Contains("korvex", cut.Find("[data-testid='token-pairs']").TextContent);
        Assert.Contains("To review", cut.Find("[data-testid='hit-status']").TextContent);
    }

    [Fact]
    public async Task Proposing_without_a_decision_or_comment_shows_both_errors_at_their_fields()
    {
        var id = await OpenHitAsync();
        var cut = Open(id);
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid='hit-decision']")));

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Propose").Click();

        cut.WaitForAssertion(() => Assert.Contains("Choose match or no match.", cut.Markup));
        Assert.Contains("Say why", cut.Markup);
        Assert.Equal(AlertStatus.Open, (await Services.GetRequiredService<ScreeningQueries>().AlertAsync(id))!.Alert.Status);
    }

    [Fact]
    public async Task The_Approver_who_proposed_sees_that_another_must_decide_and_another_Approver_can_clear()
    {
        var id = await OpenHitAsync();
        SignInAs("lead@example.test", Roles.Officer, Roles.Approver);
        var version = (await Services.GetRequiredService<ScreeningQueries>().AlertAsync(id))!.Alert.Version;
        Assert.True((await Services.GetRequiredService<ScreeningService>().ProposeAsync(id, version, AlertDecision.NoMatch, "Registration number differs")).Ok);

        var own = Open(id);
        own.WaitForAssertion(() => Assert.Contains("another Approver decides it", own.Markup));
        Assert.DoesNotContain(own.FindAll("button"), b => b.TextContent.Contains("Clear the hit"));

        SignInAs("approver@example.test", Roles.Approver);
        var other = Open(id);
        other.WaitForAssertion(() => Assert.Contains(other.FindAll("button"), b => b.TextContent.Contains("Clear the hit")));
        other.FindAll("button").Single(b => b.TextContent.Contains("Clear the hit")).Click();

        other.WaitForAssertion(() => Assert.Contains("Cleared (no match)", other.Find("[data-testid='hit-status']").TextContent));
        Assert.Contains("approver@example.test", other.Find("[data-testid='decision']").TextContent);
    }
}
