using Bunit;
using IaasKyc.Domain.Owners;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Owners;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IaasKyc.Tests.Features.Owners;

/// <summary>The beneficial owner's profile form: shape errors and the intake rules' findings at their fields.</summary>
public sealed class OwnerProfileFormTests : ComponentTestBase
{
    private OwnershipService Ownership => Services.GetRequiredService<OwnershipService>();

    private async Task<OwnerProfileView> AnnasProfileAsync()
    {
        SignInAs("officer@example.test", Roles.Officer);
        var id = await Support.Customers.SubmittedForeignAsync(Services.GetRequiredService<CustomerService>(), Services.GetRequiredService<CustomerQueries>());
        var stored = await Ownership.ReplaceAsync(id, new OwnershipGraph(
            [new("anna", OwnerKind.Individual, "Anna Schmidt", "DE")],
            [new("anna", OwnershipGraph.CustomerKey, 100m, ControlRole.SeniorOfficer)]));
        Assert.True(stored.Ok, stored.Message);
        return (await Ownership.GetProfileAsync(id, "anna"))!;
    }

    private IRenderedComponent<IComponent> Render(OwnerProfileView profile) => Render(b =>
    {
        b.OpenComponent<MudPopoverProvider>(0);
        b.CloseComponent();
        b.OpenComponent<OwnerProfileForm>(1);
        b.AddAttribute(2, nameof(OwnerProfileForm.Profile), profile);
        b.CloseComponent();
    });

    private static string FieldText(IRenderedComponent<IComponent> cut, string inputId) => cut.Find($"#{inputId}").Closest(".mud-input-control")!.TextContent;

    private static void Fill(IRenderedComponent<IComponent> cut, string email, string phone)
    {
        cut.Find("#owner-line1").Change("Friedrichstraße 68");
        cut.Find("#owner-city").Change("Berlin");
        cut.Find("#owner-email").Change(email);
        cut.Find("#owner-phone").Change(phone);
        cut.Find("#owner-foreign-person").Click();
        cut.Find("#owner-basis").Change("German passport seen");
    }

    [Fact]
    public async Task An_empty_form_shows_each_required_message_at_its_field_and_stores_nothing()
    {
        var profile = await AnnasProfileAsync();
        var cut = Render(profile);

        cut.Find("[data-testid=owner-profile-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Enter the street address.", FieldText(cut, "owner-line1")));
        Assert.Contains("Enter the email address.", FieldText(cut, "owner-email"));
        Assert.Contains("Say what the determination rests on.", FieldText(cut, "owner-basis"));
        Assert.Null((await Ownership.GetProfileAsync(profile.CustomerId, "anna"))!.Version);
    }

    [Fact]
    public async Task The_intake_rules_findings_come_back_at_the_email_and_phone_fields_and_the_typed_values_stay()
    {
        var profile = await AnnasProfileAsync();
        var cut = Render(profile);
        Fill(cut, email: "anna@", phone: "12");

        cut.Find("[data-testid=owner-profile-save]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Enter an email address such as name@example.com.", FieldText(cut, "owner-email")));
        Assert.Contains("This is not a valid phone number in Germany", FieldText(cut, "owner-phone"));
        Assert.Equal("anna@", cut.Find("#owner-email").GetAttribute("value"));
        Assert.Null((await Ownership.GetProfileAsync(profile.CustomerId, "anna"))!.Version);
    }

    [Fact]
    public async Task A_valid_profile_is_saved_with_the_phone_in_E164()
    {
        var profile = await AnnasProfileAsync();
        var cut = Render(profile);
        Fill(cut, email: "anna@example.com", phone: "030 1234567");

        cut.Find("[data-testid=owner-profile-save]").Click();

        await cut.WaitForAssertionAsync(async () => Assert.Equal("+49301234567", (await Ownership.GetProfileAsync(profile.CustomerId, "anna"))!.Phone));
        Assert.False((await Ownership.GetProfileAsync(profile.CustomerId, "anna"))!.UsPerson);
    }
}
