using Bunit;
using IaasKyc.Domain.Screening;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Customers.Detail;
using IaasKyc.Portal.Features.SpecialMeasures;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IaasKyc.Tests.Features.SpecialMeasures;

/// <summary>The register's pages in bUnit; today is 2026-11-29 in New York.</summary>
public sealed class SpecialMeasurePagesTests : ComponentTestBase
{
    private const string Officer = "officer@example.test";
    private const string Approver = "approver@example.test";

    private IRenderedComponent<IComponent> RenderPage<TPage>(Guid? id = null) where TPage : IComponent =>
        Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<MudDialogProvider>(1);
            b.CloseComponent();
            b.OpenComponent<TPage>(2);
            if (id is not null) b.AddAttribute(3, nameof(SpecialMeasurePage.Id), id.Value);
            b.CloseComponent();
        });

    private static string FieldText(IRenderedComponent<IComponent> cut, string inputId) => cut.Find($"#{inputId}").Closest(".mud-input-control")!.TextContent;

    private static void Type(IRenderedComponent<IComponent> cut, string inputId, string value) => cut.Find($"#{inputId}").Change(value);

    /// <summary>The entry form as an Officer fills it for a prohibition on Russia determined on 2026-06-01.</summary>
    private IRenderedComponent<IComponent> FormForRussia(string? effective = null)
    {
        SignInAs(Officer, Roles.Officer);
        var cut = RenderPage<NewSpecialMeasurePage>();
        cut.WaitForAssertion(() => cut.Find("#determination-date"));
        cut.Find("#country").Input("RU");
        cut.Find("#country").Blur();
        Type(cut, "determination-date", "2026-06-01");
        if (effective is not null) Type(cut, "effective-date", effective);
        Type(cut, "source-reference", "91 FR 4242 (test)");
        return cut;
    }

    private async Task<Guid> RecordedByAsync(string user, string country = "KP")
    {
        SignInAs(user, Roles.Officer);
        var service = Services.GetRequiredService<SpecialMeasureService>();
        var outcome = await service.RecordAsync(new SpecialMeasureInput(MeasureTarget.Jurisdiction, MeasureAction.Prohibit, country, null, null, null,
            new DateOnly(2026, 3, 1), new DateOnly(2026, 8, 28), null, "91 FR 777 (test)", null));
        Assert.True(outcome.Ok, outcome.Message);
        return outcome.Id!.Value;
    }

    [Fact]
    public void The_effective_date_shows_the_earliest_allowed_date_and_the_expiry_is_prefilled()
    {
        SignInAs(Officer, Roles.Officer);
        var cut = RenderPage<NewSpecialMeasurePage>();

        cut.WaitForAssertion(() => Assert.Contains("At least 180 days after the determination", FieldText(cut, "effective-date")));
        Type(cut, "determination-date", "2026-06-01");

        cut.WaitForAssertion(() => Assert.Contains("Earliest allowed: 2026-11-28", FieldText(cut, "effective-date")));
        Assert.Equal("2026-11-28", cut.Find("#effective-date").GetAttribute("min"));
        Assert.Equal("2026-11-28", cut.Find("#effective-date").GetAttribute("value"));
        Assert.Equal("2027-11-28", cut.Find("#expiry-date").GetAttribute("value"));
    }

    [Fact]
    public async Task An_effective_date_before_the_lead_time_is_refused_at_the_field_and_nothing_is_stored()
    {
        var cut = FormForRussia(effective: "2026-11-27");

        cut.Find("[data-testid=record-measure]").Click();

        cut.WaitForAssertion(() => Assert.Contains("2026-11-28 at the earliest", FieldText(cut, "effective-date")));
        Assert.DoesNotContain("at the earliest", FieldText(cut, "expiry-date"));
        Assert.Empty(await Services.GetRequiredService<SpecialMeasureService>().ListAsync(ct: Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_valid_entry_is_recorded_and_opens_its_page()
    {
        var cut = FormForRussia();

        cut.Find("[data-testid=record-measure]").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.StartsWith("http://localhost/special-measures/", navigation.Uri));
        var item = Assert.Single(await Services.GetRequiredService<SpecialMeasureService>().ListAsync(ct: Xunit.TestContext.Current.CancellationToken));
        Assert.Equal(("Russian Federation", new DateOnly(2026, 11, 28), new DateOnly(2027, 11, 28)), (item.Subject, item.EffectiveDate, item.ExpiryDate));
    }

    [Fact]
    public async Task The_Approver_who_recorded_an_entry_sees_the_four_eyes_notice_instead_of_Approve()
    {
        var id = await RecordedByAsync(Approver);
        SignInAs(Approver, Roles.Approver);

        var cut = RenderPage<SpecialMeasurePage>(id);

        cut.WaitForAssertion(() => Assert.Contains("another Approver must approve it", cut.Markup));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Trim() == "Approve");
    }

    [Fact]
    public async Task Another_Approver_approves_and_the_entry_is_in_effect()
    {
        var id = await RecordedByAsync(Officer);
        SignInAs(Approver, Roles.Approver);
        var cut = RenderPage<SpecialMeasurePage>(id);

        cut.WaitForAssertion(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Approve").Click());

        cut.WaitForAssertion(() => Assert.Equal("In effect", cut.Find("[data-testid=measure-standing]").TextContent.Trim()));
        Assert.Contains($"by {Approver}", cut.Markup);
    }

    [Fact]
    public async Task An_Officer_sees_no_decision_buttons()
    {
        var id = await RecordedByAsync("officer2@example.test");
        SignInAs(Officer, Roles.Officer);

        var cut = RenderPage<SpecialMeasurePage>(id);

        cut.WaitForAssertion(() => Assert.Contains("SM-001", cut.Markup));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Trim() is "Approve" or "Withdraw");
    }

    [Fact]
    public async Task The_register_filters_by_state_and_says_when_nothing_matches()
    {
        await RecordedByAsync(Officer);
        SignInAs(Officer, Roles.Officer);

        var cut = RenderPage<SpecialMeasuresPage>();

        cut.WaitForAssertion(() => Assert.Contains("SM-001", cut.Find("[data-testid=measures-table]").TextContent));
        Assert.Equal("Awaiting approval", cut.Find("[data-testid=measure-standing]").TextContent.Trim());
        Assert.Equal("None", cut.Find("[data-testid=impact-count]").TextContent.Trim());
    }

    [Fact]
    public async Task The_customer_page_names_the_prohibition_that_blocks_provisioning()
    {
        var created = await Services.GetRequiredService<CustomerService>().CreateAsync(Support.Customers.ForeignEntity("Volga Cloud Services LLC", "VC-1", "RU"));
        Assert.True(created.Ok, created.Message);
        var id = await RecordedByAsync(Officer, "RU");
        SignInAs(Approver, Roles.Approver);
        var measures = Services.GetRequiredService<SpecialMeasureService>();
        Assert.True((await measures.ApproveAsync(id, (await measures.GetAsync(id))!.Version)).Ok);

        var cut = Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<CustomerPage>(1);
            b.AddAttribute(2, nameof(CustomerPage.Id), created.Id!.Value);
            b.CloseComponent();
        });

        cut.WaitForAssertion(() => Assert.Contains("SM-001", cut.Find("[data-testid=special-measure-block]").TextContent));
        Assert.Contains("Address in Russian Federation", cut.Find("[data-testid=special-measure-block]").TextContent);
        Assert.Equal("Provisioning: blocked", cut.Find("[data-testid=provisioning-chip]").TextContent.Trim());
        Assert.Equal("Prohibited", cut.Find("[data-testid=risk-chip]").TextContent.Trim());
    }
}
