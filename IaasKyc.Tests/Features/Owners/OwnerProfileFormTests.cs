using Bunit;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Owners;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Customers.Intake;
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

    [Fact]
    public async Task A_save_refused_because_someone_else_saved_first_compares_both_with_the_document_number_masked_and_keep_mine_stores_the_input()
    {
        var profile = await AnnasProfileAsync();
        var cut = Render(profile);
        await using (var other = Services.CreateAsyncScope())
        {
            other.ServiceProvider.GetRequiredService<AuditActor>().Use("officer2@example.test");
            var theirs = await other.ServiceProvider.GetRequiredService<OwnershipService>().SaveProfileAsync(profile.CustomerId, "anna", new OwnerProfileInput(
                null, "DE", new AddressInput("Friedrichstraße 68", null, "Berlin", null, null, "DE"), "anna.schmidt@example.com", "030 1234567",
                "Passport", "C01X00T47", "DE", false, "German passport seen"), null);
            Assert.True(theirs.Ok, theirs.Message);
        }
        Fill(cut, email: "anna@example.com", phone: "030 1234567");

        cut.Find("[data-testid=owner-profile-save]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict]"));
        string Cell(string field, string side) => cut.Find($"tr[data-field='{field}'] [data-testid={side}]").TextContent.Trim();
        Assert.Equal("anna.schmidt@example.com", Cell("Email", "theirs"));
        Assert.Equal("anna@example.com", Cell("Email", "mine"));
        Assert.Equal("true", cut.Find("tr[data-field='Email']").GetAttribute("data-differs"));
        Assert.Equal("•••••0T47", Cell("Document number", "theirs"));
        // This form has no document: keeping it removes theirs, and the comparison says so.
        Assert.Equal("(empty)", Cell("Document number", "mine"));
        Assert.Equal("true", cut.Find("tr[data-field='Document number']").GetAttribute("data-differs"));
        Assert.DoesNotContain("C01X00T47", cut.Markup);
        Assert.Contains("Saved by officer2@example.test", cut.Find("[data-testid=conflict-by]").TextContent);
        Assert.Equal("anna@example.com", cut.Find("#owner-email").GetAttribute("value"));

        cut.Find("[data-testid=keep-mine]").Click();

        await cut.WaitForAssertionAsync(async () => Assert.Equal("anna@example.com", (await Ownership.GetProfileAsync(profile.CustomerId, "anna"))!.Email));
        Assert.Null((await Ownership.GetProfileAsync(profile.CustomerId, "anna"))!.DocumentNumberMasked);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
    }

    [Fact]
    public async Task An_owners_check_refused_because_someone_else_added_evidence_compares_the_owners_evidence_and_keep_mine_adds_it()
    {
        var profile = await AnnasProfileAsync();
        Outcome? saved = null;
        var cut = Render(b =>
        {
            b.OpenComponent<CheckEvidenceForm>(0);
            b.AddAttribute(1, nameof(CheckEvidenceForm.CustomerId), profile.CustomerId);
            b.AddAttribute(2, nameof(CheckEvidenceForm.CustomerVersion), profile.CustomerVersion);
            b.AddAttribute(3, nameof(CheckEvidenceForm.OwnerKey), "anna");
            b.AddAttribute(4, nameof(CheckEvidenceForm.Saved), EventCallback.Factory.Create<Outcome>(this, o => saved = o));
            b.CloseComponent();
        });
        await using (var other = Services.CreateAsyncScope())
        {
            other.ServiceProvider.GetRequiredService<AuditActor>().Use("officer2@example.test");
            var theirs = await other.ServiceProvider.GetRequiredService<CustomerService>().AddDocumentaryEvidenceAsync(profile.CustomerId, profile.CustomerVersion,
                "Passport", "C01X00T47", "DE", null, null, ownerKey: "anna");
            Assert.True(theirs.Ok, theirs.Message);
        }
        cut.Find("#check-source").Change("Bundesanzeiger");
        cut.Find("#checked-on").Change("2026-11-28");
        cut.Find("#check-result").Change("Anna Schmidt listed as managing director");

        cut.Find("[data-testid=add-check]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict]"));
        BothVersions.Row(cut, "Document 1", "Passport •••••0T47 (Germany)", "Passport •••••0T47 (Germany)");
        BothVersions.Row(cut, "Your new check", "(empty)", "Bundesanzeiger, 2026-11-28: Anna Schmidt listed as managing director");
        Assert.DoesNotContain("C01X00T47", cut.Markup);
        Assert.Contains("Saved by officer2@example.test", cut.Find("[data-testid=conflict-by]").TextContent);
        Assert.Equal("Bundesanzeiger", cut.Find("#check-source").GetAttribute("value"));
        Assert.Null(saved);

        cut.Find("[data-testid=keep-mine]").Click();

        cut.WaitForAssertion(() => Assert.True(saved?.Ok));
        Assert.Equal(2, (await Ownership.GetProfileAsync(profile.CustomerId, "anna"))!.Evidence.Count);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
    }

    [Fact]
    public async Task Typing_in_the_profile_stays_when_the_dialog_reloads_after_the_owner_is_verified_and_then_saves_over_it()
    {
        var profile = await AnnasProfileAsync();
        var foreign = await Ownership.SaveProfileAsync(profile.CustomerId, "anna", new OwnerProfileInput(null, "DE",
            new AddressInput("Friedrichstraße 68", null, "Berlin", null, null, "DE"), "anna.schmidt@example.com", "030 1234567",
            "Passport", "C01X00T47", "DE", false, "German passport seen"), profile.Version);
        Assert.True(foreign.Ok, foreign.Message);
        var customerVersion = (await Ownership.GetProfileAsync(profile.CustomerId, "anna"))!.CustomerVersion;
        Assert.True((await Services.GetRequiredService<CustomerService>().AddDocumentaryEvidenceAsync(profile.CustomerId, customerVersion,
            "Passport", "C01X00T47", "DE", null, null, ownerKey: "anna")).Ok);
        var cut = Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<MudDialogProvider>(1);
            b.CloseComponent();
        });
        var dialogs = Services.GetRequiredService<IDialogService>();
        _ = cut.InvokeAsync(() => OwnerProfileDialog.OpenAsync(dialogs, profile.CustomerId, "anna", "Anna Schmidt"));
        cut.WaitForAssertion(() => Assert.Equal("anna.schmidt@example.com", cut.Find("#owner-email").GetAttribute("value")));
        cut.Find("#owner-email").Change("anna@example.com");

        cut.Find("[data-testid=owner-verify]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Verified by officer@example.test", cut.Find("[data-testid=owner-verification]").TextContent));
        Assert.Equal("anna@example.com", cut.Find("#owner-email").GetAttribute("value"));

        cut.Find("[data-testid=owner-profile-save]").Click();

        await cut.WaitForAssertionAsync(async () => Assert.Equal("anna@example.com", (await Ownership.GetProfileAsync(profile.CustomerId, "anna"))!.Email));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
    }
}
