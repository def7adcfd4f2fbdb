using Bunit;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.AiTraining;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IaasKyc.Tests.Features.AiTraining;

/// <summary>The estimator page in bUnit over the seeded catalogue and the default rule pack.</summary>
public sealed class EstimatePageTests : ComponentTestBase
{
    private IRenderedComponent<IComponent> RenderPage(string role = Roles.Auditor)
    {
        using (var db = Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext())
            AiTrainingService.EnsureDefaultAcceleratorsAsync(db).GetAwaiter().GetResult();
        SignInAs($"{role.ToLowerInvariant()}@example.test", role);
        var cut = Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<EstimatePage>(1);
            b.CloseComponent();
        });
        cut.WaitForAssertion(() => cut.Find("#parameters"));
        return cut;
    }

    private static string FieldText(IRenderedComponent<IComponent> cut, string inputId) => cut.Find($"#{inputId}").Closest(".mud-input-control")!.TextContent;

    [Fact]
    public void Parameters_and_tokens_show_the_arithmetic_and_each_comparison()
    {
        var cut = RenderPage();
        cut.Find("#parameters").Change("2e12");
        cut.Find("#tokens").Change("10e12");

        cut.Find("[data-testid=estimate]").Click();

        cut.WaitForAssertion(() => Assert.Contains("1.20 × 10^26 operations", cut.Find("[data-testid=estimated-operations]").TextContent));
        Assert.Contains("Thresholds met: Training compute.", cut.Find("[data-testid=thresholds-met]").TextContent);
        var row = Assert.Single(cut.FindAll("[data-testid=comparison]"));
        Assert.Contains("1.2", row.TextContent);
        Assert.Contains("Met", row.TextContent);
        var lines = cut.FindAll("[data-testid=arithmetic] li").Select(l => l.TextContent).ToList();
        Assert.Equal("= 6 × 2.00 × 10^12 parameters × 1.00 × 10^13 tokens", lines[1]);
    }

    [Fact]
    public void A_value_that_is_not_a_positive_number_is_shown_at_its_field()
    {
        var cut = RenderPage(Roles.Officer);
        cut.Find("#parameters").Change("seventy billion");
        cut.Find("#tokens").Change("-1");

        cut.Find("[data-testid=estimate]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Enter a number", FieldText(cut, "parameters")));
        Assert.Empty(cut.FindAll("[data-testid=estimate-result]"));
        cut.Find("#parameters").Change("7e10");
        cut.Find("[data-testid=estimate]").Click();
        cut.WaitForAssertion(() => Assert.Contains("positive, finite number", FieldText(cut, "tokens")));
    }

    [Fact]
    public void The_accelerator_form_uses_the_catalogue_peak_and_the_default_utilisation()
    {
        var cut = RenderPage(Roles.Admin);
        cut.FindAll("input[type=radio]")[1].Click();
        cut.WaitForAssertion(() => cut.Find("#count"));
        cut.Find("#count").Change("1000");
        cut.Find("#hours").Change("720");

        cut.Find("[data-testid=estimate]").Click();

        cut.WaitForAssertion(() => Assert.Contains("1.03 × 10^24 operations", cut.Find("[data-testid=estimated-operations]").TextContent));
        Assert.Contains("9.89 × 10^17 operations per second", cut.Find("[data-testid=estimate-result]").TextContent);
        Assert.Contains(cut.FindAll("[data-testid=arithmetic] li"), l => l.TextContent.Contains("× 0.4 (the rule pack's default)", StringComparison.Ordinal));
    }
}
