using Bunit;
using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features;
using IaasKyc.Portal.Features.Audit;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Customers.Intake;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IaasKyc.Tests.Features.Customers;

public sealed class IntakeWizardTests : ComponentTestBase
{
    public IntakeWizardTests() => SignInAs("officer@example.test", Roles.Officer);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private CustomerService Service => Services.GetRequiredService<CustomerService>();

    private IRenderedComponent<IComponent> RenderWizard(Guid? id = null) => Render(b =>
    {
        b.OpenComponent<MudPopoverProvider>(0);
        b.CloseComponent();
        b.OpenComponent<IntakePage>(1);
        if (id is not null) b.AddAttribute(2, nameof(IntakePage.Id), id);
        b.CloseComponent();
    });

    /// <summary>The text around an input: its label, value helper and validation message.</summary>
    private static string FieldText(IRenderedComponent<IComponent> cut, string inputId) => cut.Find($"#{inputId}").Closest(".mud-input-control")!.TextContent;

    private static void Type(IRenderedComponent<IComponent> cut, string inputId, string value) => cut.Find($"#{inputId}").Change(value);

    private static void Choose(IRenderedComponent<IComponent> cut, string inputId, string value)
    {
        cut.Find($"#{inputId}").Input(value);
        cut.Find($"#{inputId}").Blur();
    }

    private static void ClickNext(IRenderedComponent<IComponent> cut) => cut.Find("[data-testid=next]").Click();

    /// <summary>Types a Berlin address with the given email and phone into the contact step and saves it.</summary>
    private static void SaveBerlinContact(IRenderedComponent<IComponent> cut, string email, string phone)
    {
        Type(cut, "line1", "Hauptstraße 5");
        Type(cut, "city", "Berlin");
        Choose(cut, "country", "DE");
        Type(cut, "email", email);
        Type(cut, "phone", phone);
        ClickNext(cut);
    }

    private async Task<Guid> DraftAsync(int steps, bool foreign = true, bool withAccount = false)
    {
        var identity = new IntakeInput("entity", "Müller Rechenzentrum GmbH", null, "2015-03-02", foreign ? "DE" : "US-DE", null, null, null, null, null);
        var outcome = await Service.StartAsync(identity);
        var (id, version) = (outcome.Id!.Value, outcome.Version!.Value);
        if (steps >= 2)
        {
            var contact = identity with
            {
                Address = foreign ? new AddressInput("Hauptstraße 5", null, "Berlin", null, "10115", "DE") : new AddressInput("1 Main St", null, "Dover", "DE", "19901", "US"),
                Email = "it@mueller.example",
                Phone = foreign ? "+49 30 1234567" : "+1 302 555 0100",
            };
            version = (await Service.SaveContactAsync(id, version, contact)).Version!.Value;
        }
        if (steps >= 3)
            version = (await Service.SaveDeterminationAsync(id, version, new DeterminationInput(!foreign, "Declared foreign address", "2026-11-20", "CIP v1"))).Version!.Value;
        if (withAccount)
        {
            var added = await Service.AddAccountAsync(id, version, new AccountInput("acct-1", new PaymentMeansInput("card", "DE", "4111111111111111"), "customer", null));
            Assert.True(added.Ok, added.Message);
        }
        return id;
    }

    private const string OtherUser = "officer2@example.test";

    /// <summary>Another user's save, in a DI scope of its own (as from another circuit).</summary>
    private async Task SavedByOtherUserAsync(Func<CustomerService, Task<Outcome>> save)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Use(OtherUser);
        var outcome = await save(scope.ServiceProvider.GetRequiredService<CustomerService>());
        Assert.True(outcome.Ok, outcome.Message);
    }

    /// <summary>Opens a draft at the contact step, lets another user save a Munich address, then types a Berlin one and saves it.</summary>
    private async Task<(Guid Id, IRenderedComponent<IComponent> Cut)> ContactConflictAsync()
    {
        var id = await DraftAsync(steps: 1);
        var cut = RenderWizard(id);
        cut.WaitForAssertion(() => cut.Find("[data-testid=contact-form]"));
        var seen = (await Services.GetRequiredService<CustomerQueries>().GetAsync(id, Ct))!.Version;
        await SavedByOtherUserAsync(s => s.SaveContactAsync(id, seen, new IntakeInput(null, null, null, null, null,
            new AddressInput("Leopoldstraße 9", null, "München", null, "80802", "DE"), "kyc@mueller.example", "+49 89 1234567", null, null), Ct));

        SaveBerlinContact(cut, "kyc@mueller.example", "+49 30 1234567");

        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict]"));
        return (id, cut);
    }

    private static string Cell(IRenderedComponent<IComponent> cut, string field, string side) =>
        cut.Find($"[data-testid=conflict] tr[data-field='{field}'] [data-testid={side}]").TextContent.Trim();

    [Fact]
    public async Task A_save_refused_because_someone_else_saved_first_shows_both_versions_keeps_the_input_and_keep_mine_stores_it()
    {
        var (id, cut) = await ContactConflictAsync();

        Assert.Equal("München", Cell(cut, "City", "theirs"));
        Assert.Equal("Berlin", Cell(cut, "City", "mine"));
        Assert.Equal("true", cut.Find("tr[data-field='City']").GetAttribute("data-differs"));
        Assert.Equal("false", cut.Find("tr[data-field='Email']").GetAttribute("data-differs"));
        Assert.Contains($"Saved by {OtherUser}", cut.Find("[data-testid=conflict-by]").TextContent);
        Assert.Equal("Berlin", cut.Find("#city").GetAttribute("value"));
        Assert.Equal("Hauptstraße 5", cut.Find("#line1").GetAttribute("value"));
        Assert.Equal("München", (await Services.GetRequiredService<CustomerQueries>().GetAsync(id, Ct))!.City);

        cut.Find("[data-testid=keep-mine]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=determination-form]"));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
        Assert.Equal("Berlin", (await Services.GetRequiredService<CustomerQueries>().GetAsync(id, Ct))!.City);
        var trail = await Services.GetRequiredService<AuditService>().ForEntityAsync("Customer", id.ToString(), ct: Ct);
        Assert.Contains(trail, r => r.Actor == OtherUser && r.Changes.Any(c => c.Field == "City" && c.New == "München"));
        Assert.Contains(trail, r => r.Actor == "officer@example.test" && r.Changes.Any(c => c is { Field: "City", Old: "München", New: "Berlin" }));
    }

    [Fact]
    public async Task Take_theirs_puts_the_stored_values_in_the_form_and_saves_nothing()
    {
        var (id, cut) = await ContactConflictAsync();
        var stored = (await Services.GetRequiredService<CustomerQueries>().GetAsync(id, Ct))!;

        cut.Find("[data-testid=take-theirs]").Click();

        cut.WaitForAssertion(() => Assert.Equal("München", cut.Find("#city").GetAttribute("value")));
        Assert.Equal("Leopoldstraße 9", cut.Find("#line1").GetAttribute("value"));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
        Assert.Equal(stored.Version, (await Services.GetRequiredService<CustomerQueries>().GetAsync(id, Ct))!.Version);
    }

    [Fact]
    public async Task Continue_editing_closes_the_comparison_and_leaves_the_input_as_typed()
    {
        var (_, cut) = await ContactConflictAsync();

        cut.Find("[data-testid=continue-editing]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
        Assert.Equal("Berlin", cut.Find("#city").GetAttribute("value"));
        Assert.Single(cut.FindAll("[data-testid=contact-form]"));
    }

    [Fact]
    public async Task An_account_refused_because_someone_else_added_one_shows_both_lists_masked_and_keep_mine_adds_it_beside_theirs()
    {
        var id = await DraftAsync(steps: 3);
        var cut = RenderWizard(id);
        cut.WaitForAssertion(() => cut.Find("[data-testid=account-editor]"));
        var seen = (await Services.GetRequiredService<CustomerQueries>().GetAsync(id, Ct))!.Version;
        await SavedByOtherUserAsync(s => s.AddAccountAsync(id, seen, new AccountInput("acct-7", new PaymentMeansInput("card", "DE", "5555555555554444"), "customer", null), Ct));
        Type(cut, "reference", "acct-42");
        await SelectAsync(cut, PaymentMeansType.Card);
        Type(cut, "identifier", "4111111111111111");

        cut.Find("[data-testid=add-account]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict]"));
        BothVersions.Row(cut, "Account acct-7", "Card ••••••••4444 (DE), paid by the customer", "Card ••••••••4444 (DE), paid by the customer");
        BothVersions.Row(cut, "Account acct-42 (new)", "(empty)", "Card ••••••••1111 (DE), paid by the customer");
        var panel = cut.Find("[data-testid=conflict]").InnerHtml;
        Assert.DoesNotContain("4111111111111111", panel);
        Assert.DoesNotContain("5555555555554444", panel);
        Assert.Contains($"Saved by {OtherUser}", cut.Find("[data-testid=conflict-by]").TextContent);
        Assert.Equal("acct-42", cut.Find("#reference").GetAttribute("value"));
        Assert.Equal("4111111111111111", cut.Find("#identifier").GetAttribute("value"));

        cut.Find("[data-testid=keep-mine]").Click();

        await cut.WaitForAssertionAsync(async () => Assert.Equal(["acct-42", "acct-7"],
            (await Services.GetRequiredService<CustomerQueries>().GetAsync(id, Ct))!.Accounts.Select(a => a.Reference).Order()));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
    }

    [Fact]
    public async Task A_document_refused_because_someone_else_added_evidence_compares_the_evidence_with_the_number_masked_and_take_theirs_adds_nothing()
    {
        var id = await DraftAsync(steps: 3, withAccount: true);
        var cut = RenderWizard(id);
        cut.WaitForAssertion(() => cut.Find("[data-testid=document-form]"));
        var seen = (await Services.GetRequiredService<CustomerQueries>().GetAsync(id, Ct))!.Version;
        await SavedByOtherUserAsync(s => s.AddNonDocumentaryEvidenceAsync(id, seen, "Handelsregister Berlin", new DateOnly(2026, 11, 27), "Directors match", Ct));
        await SelectTextAsync(cut, "Certificate of incorporation");
        Type(cut, "document-number", "HRB 987654");
        Choose(cut, "issuing-country", "DE");

        cut.Find("[data-testid=add-document]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict]"));
        BothVersions.Row(cut, "Check 1", "Handelsregister Berlin, 2026-11-27: Directors match", "Handelsregister Berlin, 2026-11-27: Directors match");
        BothVersions.Row(cut, "Your new document", "(empty)", "Certificate of incorporation ••••••7654 (Germany)");
        Assert.DoesNotContain("9876", cut.Find("[data-testid=conflict]").InnerHtml);
        Assert.Equal("HRB 987654", cut.Find("#document-number").GetAttribute("value"));
        var stored = (await Services.GetRequiredService<CustomerQueries>().GetAsync(id, Ct))!;

        cut.Find("[data-testid=take-theirs]").Click();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
        Assert.Equal("", cut.Find("#document-number").GetAttribute("value") ?? "");
        var now = (await Services.GetRequiredService<CustomerQueries>().GetAsync(id, Ct))!;
        Assert.Equal(stored.Version, now.Version);
        Assert.Single(now.Evidence);
    }

    private async Task<int> CustomerCountAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Customers.CountAsync();
    }

    [Fact]
    public async Task The_identity_step_refuses_to_move_on_with_an_empty_name_and_an_unknown_jurisdiction_showing_each_message_at_its_field()
    {
        var cut = RenderWizard();
        cut.WaitForAssertion(() => cut.Find("[data-testid=identity-form]"));

        Choose(cut, "jurisdiction", "XX");
        ClickNext(cut);

        cut.WaitForAssertion(() => Assert.Contains("Enter the legal name.", FieldText(cut, "name")));
        Assert.Contains("Use an ISO 3166-1 alpha-2 code (RU), or ISO 3166-2 for a U.S. state (US-DE).", FieldText(cut, "jurisdiction"));
        Assert.Single(cut.FindAll("[data-testid=identity-form]"));
        Assert.Equal(0, await CustomerCountAsync());
    }

    [Fact]
    public async Task A_valid_identity_step_creates_the_draft_and_moves_to_address_and_contact()
    {
        var cut = RenderWizard();
        cut.WaitForAssertion(() => cut.Find("[data-testid=identity-form]"));

        Type(cut, "name", "Ada Lovelace");
        Choose(cut, "jurisdiction", "GB");
        ClickNext(cut);

        cut.WaitForAssertion(() => cut.Find("[data-testid=contact-form]"));
        Assert.Equal(1, await CustomerCountAsync());
        var id = (await Services.GetRequiredService<CustomerQueries>().ListAsync(new CustomerQuery(), Ct)).Items.Single().Id;
        Assert.EndsWith($"/customers/{id}/intake", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task A_bad_phone_shows_the_libphonenumber_message_at_the_phone_field_and_the_form_keeps_the_typed_value()
    {
        var id = await DraftAsync(steps: 1);
        var cut = RenderWizard(id);
        cut.WaitForAssertion(() => cut.Find("[data-testid=contact-form]"));

        SaveBerlinContact(cut, "it@mueller.example", "12345");

        cut.WaitForAssertion(() => Assert.Contains("This is not a valid phone number in Germany", FieldText(cut, "phone")));
        Assert.Equal("12345", cut.Find("#phone").GetAttribute("value"));
        Assert.Equal("Hauptstraße 5", cut.Find("#line1").GetAttribute("value"));
        Assert.Single(cut.FindAll("[data-testid=contact-form]"));
    }

    [Fact]
    public async Task Reopening_a_draft_with_address_and_contact_done_starts_at_the_determination_with_the_saved_values()
    {
        var id = await DraftAsync(steps: 2);

        var cut = RenderWizard(id);

        cut.WaitForAssertion(() => cut.Find("[data-testid=determination-form]"));
        cut.FindAll("button").First(b => b.TextContent.Contains("Back")).Click();
        cut.WaitForAssertion(() => Assert.Equal("+49301234567", cut.Find("#phone").GetAttribute("value")));
        Assert.Equal("it@mueller.example", cut.Find("#email").GetAttribute("value"));
        Assert.Equal("Berlin", cut.Find("#city").GetAttribute("value"));
        Assert.Contains("Saved as +49301234567", FieldText(cut, "phone"));
    }

    [Fact]
    public async Task Adding_an_account_paid_by_a_third_party_without_a_payer_name_shows_the_error_at_the_payer_name()
    {
        var id = await DraftAsync(steps: 3);
        var cut = RenderWizard(id);
        cut.WaitForAssertion(() => cut.Find("[data-testid=account-editor]"));

        Type(cut, "reference", "acct-42");
        await SelectAsync(cut, PaymentMeansType.Card);
        Type(cut, "identifier", "4111111111111111");
        await SelectAsync(cut, PaymentSource.ThirdParty);
        cut.WaitForAssertion(() => cut.Find("#payer-name"));
        cut.Find("[data-testid=add-account]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Name who pays: the parent company or the third party.", FieldText(cut, "payer-name")));
        Assert.Empty((await Services.GetRequiredService<CustomerQueries>().GetAsync(id, Ct))!.Accounts);
        Assert.Equal("acct-42", cut.Find("#reference").GetAttribute("value"));
    }

    [Fact]
    public async Task The_review_lists_the_missing_evidence_of_a_foreign_customer_as_a_blocker_and_submit_is_disabled()
    {
        var id = await DraftAsync(steps: 3, withAccount: true);
        var cut = RenderWizard(id);
        cut.WaitForAssertion(() => cut.Find("[data-testid=no-evidence]"));

        ClickNext(cut);

        cut.WaitForAssertion(() => Assert.Contains("A foreign customer needs at least one piece of verification evidence", cut.Find("[data-testid=blockers]").TextContent));
        Assert.True(cut.Find("[data-testid=submit]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task With_evidence_added_submit_succeeds_and_the_customer_is_submitted()
    {
        var id = await DraftAsync(steps: 3, withAccount: true);
        var cut = RenderWizard(id);
        cut.WaitForAssertion(() => cut.Find("[data-testid=check-form]"));

        Type(cut, "check-source", "Handelsregister Berlin HRB 12345");
        Type(cut, "checked-on", "2026-11-28");
        Type(cut, "check-result", "Name, address and directors match");
        cut.Find("[data-testid=add-check]").Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=evidence]"));
        ClickNext(cut);
        cut.WaitForAssertion(() => Assert.False(cut.Find("[data-testid=submit]").HasAttribute("disabled")));
        await cut.InvokeAsync(() => cut.Find("[data-testid=submit]").Click());

        // Submitting screens the customer and its accounts: on a loaded machine (CI runs tests in parallel) it took over 10 s once.
        cut.WaitForAssertion(() => Assert.EndsWith($"/customers/{id}", Services.GetRequiredService<NavigationManager>().Uri), TimeSpan.FromSeconds(30));
        Assert.Equal(CustomerStatus.Submitted, (await Services.GetRequiredService<CustomerQueries>().GetAsync(id, Ct))!.Status);
    }

    /// <summary>Opens the (only) MudSelect of strings and clicks the item, as a user does.</summary>
    private static async Task SelectTextAsync(IRenderedComponent<IComponent> cut, string text)
    {
        var select = cut.FindComponent<MudSelect<string>>();
        await cut.InvokeAsync(() => select.Instance.OpenMenu());
        cut.WaitForAssertion(() => cut.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == text).Click());
    }

    /// <summary>Opens a MudSelect of <typeparamref name="T"/> and clicks the item, as a user does.</summary>
    private static async Task SelectAsync<T>(IRenderedComponent<IComponent> cut, T value) where T : struct
    {
        var select = cut.FindComponent<MudSelect<T?>>();
        await cut.InvokeAsync(() => select.Instance.OpenMenu());
        var text = value switch
        {
            PaymentMeansType m => Labels.Means(m),
            PaymentSource s => Labels.Source(s, null),
            _ => value.ToString()!,
        };
        cut.WaitForAssertion(() => cut.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Trim() == text).Click());
    }
}
