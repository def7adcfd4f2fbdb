using Bunit;
using IaasKyc.Domain.Resellers;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Resellers;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace IaasKyc.Tests.Features.Resellers;

public sealed class ResellerPagesTests : ComponentTestBase
{
    public ResellerPagesTests() => SignInAs("officer@example.test", Roles.Officer);

    private ResellerService Service => Services.GetRequiredService<ResellerService>();

    /// <summary>A reseller for <paramref name="customerId"/>, effective 15 January 2026, with Jonas Weber as its contact.</summary>
    private Task<Portal.Features.Outcome> NewResellerAsync(Guid customerId) =>
        Service.CreateAsync(new NewResellerInput(customerId, "2026-01-15", new("Jonas Weber", "CCO", "jonas@nordlicht.example", "030 9876543")));

    private Task<Guid> ForeignEntityAsync(string name = "Nordlicht Rechenzentrum GmbH", string reference = "ACC-NORD-1") =>
        Support.Customers.SubmittedForeignAsync(Services.GetRequiredService<CustomerService>(), Services.GetRequiredService<CustomerQueries>(), name, reference);

    /// <summary>Renders a page of the feature with one parameter, under the popover provider MudSelect needs.</summary>
    private IRenderedComponent<IComponent> RenderWith<T>(string? parameter = null, object? value = null) where T : IComponent => Render(b =>
    {
        b.OpenComponent<MudPopoverProvider>(0);
        b.CloseComponent();
        b.OpenComponent<T>(1);
        if (parameter is not null) b.AddAttribute(2, parameter, value);
        b.CloseComponent();
    });

    private IRenderedComponent<IComponent> NewResellerFor(Guid customerId)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"/resellers/new?customer={customerId}");
        return RenderWith<NewResellerPage>();
    }

    private static string FieldText(IRenderedComponent<IComponent> cut, string inputId) => cut.Find($"#{inputId}").Closest(".mud-input-control")!.TextContent;

    [Fact]
    public async Task The_new_reseller_form_shows_each_refusal_at_its_field_and_stores_nothing()
    {
        var customerId = await ForeignEntityAsync();
        var cut = NewResellerFor(customerId);
        cut.WaitForAssertion(() => cut.Find("[data-testid=create-reseller]"));

        cut.Find("#relationship-start").Change("2099-01-01");
        cut.Find("#contact-name").Change("Jonas Weber");
        cut.Find("#contact-title").Change("Head of Compliance");
        cut.Find("#contact-email").Change("jonas at nordlicht");
        cut.Find("#contact-phone").Change("030 9876543");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("cannot be in the future", FieldText(cut, "relationship-start")));
        Assert.Contains("Enter an email address such as", FieldText(cut, "contact-email"));
        Assert.DoesNotContain("not a valid phone", FieldText(cut, "contact-phone"));
        Assert.Empty(await Service.ListAsync());
    }

    [Fact]
    public async Task A_valid_new_reseller_is_stored_and_the_officer_is_taken_to_its_page()
    {
        var customerId = await ForeignEntityAsync();
        var cut = NewResellerFor(customerId);
        cut.WaitForAssertion(() => cut.Find("[data-testid=create-reseller]"));

        cut.Find("#contact-name").Change("Jonas Weber");
        cut.Find("#contact-title").Change("Head of Compliance");
        cut.Find("#contact-email").Change("jonas.weber@nordlicht.example");
        cut.Find("#contact-phone").Change("030 9876543");
        cut.Find("form").Submit();

        cut.WaitForAssertion(() => Assert.Single(Service.ListAsync().GetAwaiter().GetResult()));
        var id = (await Service.ListAsync())[0].Id;
        Assert.EndsWith($"/resellers/{id}", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task The_reseller_page_shows_the_end_customers_account_and_an_auditor_gets_no_forms()
    {
        var customerId = await ForeignEntityAsync();
        await ForeignEntityAsync("Kleinkunde Berlin GmbH", "ACC-END-7");
        var created = await NewResellerAsync(customerId);
        Assert.True((await Service.AddEndAccountAsync(created.Id!.Value, created.Version!.Value, "ACC-END-7")).Ok);
        SignInAs("auditor@example.test", Roles.Auditor);

        var cut = RenderWith<ResellerPage>(nameof(ResellerPage.Id), created.Id!.Value);
        cut.WaitForAssertion(() => cut.Find("h1"));
        cut.FindAll(".mud-tab").First(t => t.TextContent.StartsWith("Accounts", StringComparison.Ordinal)).Click();

        cut.WaitForAssertion(() => Assert.Contains("Kleinkunde Berlin GmbH", cut.Find("[data-testid=end-accounts]").TextContent));
        Assert.Contains("ACC-NORD-1", cut.Find("[data-testid=own-accounts]").TextContent);
        Assert.Empty(cut.FindAll("#end-account"));
        Assert.Empty(cut.FindAll("[data-testid=activate]"));
        Assert.Equal(ResellerStatus.Onboarding, (await Service.GetAsync(created.Id!.Value))!.Status);
    }

    [Fact]
    public async Task Sending_an_attestation_shows_the_link_once_and_lists_it_as_awaiting_a_signature()
    {
        var customerId = await ForeignEntityAsync();
        var created = await NewResellerAsync(customerId);
        var templates = Services.GetRequiredService<AttestationService>();
        var drafted = await templates.DraftAsync(AttestationTemplateServiceTests.Standard());
        SignInAs("approver@example.test", Roles.Approver);
        Assert.True((await templates.ApproveAsync(drafted.Id!.Value, drafted.Version!.Value)).Ok);
        SignInAs("officer@example.test", Roles.Officer);

        var cut = RenderWith<ResellerPage>(nameof(ResellerPage.Id), created.Id!.Value);
        cut.WaitForAssertion(() => cut.Find("h1"));
        cut.FindAll(".mud-tab").First(t => t.TextContent.StartsWith("Attestations", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=no-attestations]"));
        cut.Find("[data-testid=send]").Click();

        cut.WaitForAssertion(() => Assert.StartsWith("http://localhost/attest/", cut.Find("#attestation-link").GetAttribute("value")));
        Assert.Contains("mailed to jonas@nordlicht.example", cut.Find("[data-testid=link-created]").TextContent);
        Assert.Contains("Awaiting signature", cut.Find("[data-testid=attestation-state]").TextContent);
    }

    [Fact]
    public async Task The_finding_form_refuses_a_future_date_at_its_field_and_a_recorded_finding_shows_its_termination_clock()
    {
        var customerId = await ForeignEntityAsync();
        var created = await NewResellerAsync(customerId);
        var agreed = await Service.RecordAgreementAsync(created.Id!.Value, created.Version!.Value, "2026-02-01", "RA-2026-04");
        await SignedAttestation.ForAsync(user =>
        {
            SignInAs(user, Roles.Officer, Roles.Approver);
            return Services.GetRequiredService<AttestationService>();
        }, created.Id!.Value);
        SignInAs("approver@example.test", Roles.Approver);
        Assert.True((await Service.ActivateAsync(created.Id!.Value, agreed.Version!.Value)).Ok);
        SignInAs("officer@example.test", Roles.Officer);

        var cut = RenderWith<ResellerPage>(nameof(ResellerPage.Id), created.Id!.Value);
        cut.WaitForAssertion(() => cut.Find("h1"));
        cut.FindAll(".mud-tab").First(t => t.TextContent.StartsWith("Compliance", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=finding-form]"));
        cut.Find("#finding-what").Change("Did not produce its CIP within 10 days");
        cut.Find("#finding-evidence").Change("Request RQ-2026-044 and the reseller's empty reply");
        cut.Find("#finding-learned").Change("2027-01-01");
        cut.Find("[data-testid=finding-form] form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("cannot be in the future", FieldText(cut, "finding-learned")));
        Assert.Equal(ResellerStatus.Active, (await Service.GetAsync(created.Id!.Value))!.Status);

        cut.Find("#finding-learned").Change("2026-11-19");
        cut.Find("[data-testid=finding-form] form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Terminate by 2026-12-19 · 20 days left", cut.Find("[data-testid=finding-clock]").TextContent));
        Assert.Contains("20 days left", cut.Find("[data-testid=termination-clock]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=terminate]"));
    }

    [Fact]
    public async Task The_request_form_refuses_a_request_without_scope_at_the_resellers_field_and_an_overdue_request_stands_out()
    {
        var requests = Services.GetRequiredService<CipRequestService>();
        Assert.True((await requests.RecordAsync(new CipRequestInput("BIS-2026-0193", "2026-11-10", true, []))).Ok);

        var cut = RenderWith<CipRequestsPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=request-form]"));
        cut.Find("#request-reference").Change("BIS-2026-0201");
        cut.FindAll("input[type=checkbox]").Last().Change(false);
        cut.Find("[data-testid=request-form] form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Say what is requested", cut.Find("[data-testid=request-form]").TextContent));
        Assert.Single(await requests.ListAsync());
        var overdue = cut.Find("[data-testid=cip-request]");
        Assert.Contains("request-overdue", overdue.ClassName);
        Assert.Contains("Due 2026-11-20 · 9 days overdue", cut.Find("[data-testid=request-state]").TextContent);
    }

    /// <summary>A new reseller's page, on its CIP tab.</summary>
    private async Task<(IaasKyc.Portal.Features.Outcome Created, IRenderedComponent<IComponent> Cut)> CipTabAsync()
    {
        var customerId = await ForeignEntityAsync();
        var created = await NewResellerAsync(customerId);
        var cut = RenderWith<ResellerPage>(nameof(ResellerPage.Id), created.Id!.Value);
        cut.WaitForAssertion(() => cut.Find("h1"));
        cut.FindAll(".mud-tab").First(t => t.TextContent.StartsWith("CIP", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => cut.Find("[data-testid=agreement-form]"));
        return (created, cut);
    }

    [Fact]
    public async Task An_agreement_refused_because_someone_else_recorded_one_first_shows_both_and_take_theirs_fills_the_form_with_theirs()
    {
        var (created, cut) = await CipTabAsync();
        await using (var other = Services.CreateAsyncScope())
        {
            other.ServiceProvider.GetRequiredService<AuditActor>().Use("officer2@example.test");
            var theirs = await other.ServiceProvider.GetRequiredService<ResellerService>().RecordAgreementAsync(created.Id!.Value, created.Version!.Value, "2026-02-01", "RA-2026-04");
            Assert.True(theirs.Ok, theirs.Message);
        }
        cut.Find("#agreement-date").Change("2026-03-01");
        cut.Find("#agreement-reference").Change("RA-2026-09");

        cut.Find("[data-testid=agreement-form] form").Submit();

        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict]"));
        Assert.Equal("RA-2026-04", cut.Find("tr[data-field='Agreement reference'] [data-testid=theirs]").TextContent.Trim());
        Assert.Equal("RA-2026-09", cut.Find("tr[data-field='Agreement reference'] [data-testid=mine]").TextContent.Trim());
        Assert.Contains("Saved by officer2@example.test", cut.Find("[data-testid=conflict-by]").TextContent);
        Assert.Equal("RA-2026-09", cut.Find("#agreement-reference").GetAttribute("value"));

        cut.Find("[data-testid=take-theirs]").Click();

        cut.WaitForAssertion(() => Assert.Equal("RA-2026-04", cut.Find("#agreement-reference").GetAttribute("value")));
        Assert.Equal("2026-02-01", cut.Find("#agreement-date").GetAttribute("value"));
        Assert.Equal("RA-2026-04", (await Service.GetAsync(created.Id!.Value))!.AgreementReference);
    }

    [Fact]
    public async Task After_a_refused_agreement_the_form_follows_the_reloaded_reseller_so_the_users_own_upload_is_no_conflict()
    {
        var (created, cut) = await CipTabAsync();
        await AsOfficer2Async(s => s.RecordAgreementAsync(created.Id!.Value, created.Version!.Value, "2026-02-01", "RA-2026-04"));
        cut.Find("#agreement-date").Change("2026-03-01");
        cut.Find("#agreement-reference").Change("RA-2026-09");
        cut.Find("[data-testid=agreement-form] form").Submit();
        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict]"));
        cut.Find("[data-testid=continue-editing]").Click();

        cut.FindComponents<Microsoft.AspNetCore.Components.Forms.InputFile>()[0].UploadFiles(
            InputFileContent.CreateFromBinary("%PDF-1.4\n%%EOF\n"u8.ToArray(), "cip.pdf", contentType: "application/pdf"));

        cut.WaitForAssertion(() => Assert.Contains("cip.pdf", cut.Find("[data-testid=cip-files]").TextContent));
        Assert.Equal("RA-2026-09", cut.Find("#agreement-reference").GetAttribute("value"));

        cut.Find("[data-testid=agreement-form] form").Submit();

        await cut.WaitForAssertionAsync(async () => Assert.Equal("RA-2026-09", (await Service.GetAsync(created.Id!.Value))!.AgreementReference));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
    }

    /// <summary>Another user's change to the reseller, through the service in a scope of its own.</summary>
    private async Task AsOfficer2Async(Func<ResellerService, Task<IaasKyc.Portal.Features.Outcome>> change)
    {
        Clock.Advance(TimeSpan.FromMinutes(3));
        await using var other = Services.CreateAsyncScope();
        other.ServiceProvider.GetRequiredService<AuditActor>().Use("officer2@example.test");
        var outcome = await change(other.ServiceProvider.GetRequiredService<ResellerService>());
        Assert.True(outcome.Ok, outcome.Message);
    }

    [Fact]
    public async Task A_contact_added_while_someone_else_changed_the_reseller_stays_in_the_form_with_a_notice_and_adding_it_again_stores_it()
    {
        var customerId = await ForeignEntityAsync();
        var created = await NewResellerAsync(customerId);
        var cut = RenderWith<ResellerPage>(nameof(ResellerPage.Id), created.Id!.Value);
        cut.WaitForAssertion(() => cut.Find("[data-testid=contact-form]"));
        await AsOfficer2Async(s => s.AddContactAsync(created.Id!.Value, created.Version!.Value, new("Mia Braun", "DPO", "mia@nordlicht.example", "030 1111111")));
        cut.Find("#contact-name").Change("Lena Vogel");
        cut.Find("#contact-title").Change("MLRO");
        cut.Find("#contact-email").Change("lena@nordlicht.example");
        cut.Find("#contact-phone").Change("030 2222222");

        cut.Find("[data-testid=contact-form] form").Submit();

        cut.WaitForAssertion(() => Assert.Contains("Not added: officer2@example.test changed this reseller", cut.Find("[data-testid=conflict-notice]").TextContent));
        cut.WaitForAssertion(() => Assert.Contains("Mia Braun", cut.Find("[data-testid=contacts]").TextContent));
        Assert.Equal("Lena Vogel", cut.Find("#contact-name").GetAttribute("value"));
        Assert.Equal("lena@nordlicht.example", cut.Find("#contact-email").GetAttribute("value"));
        Assert.DoesNotContain("Lena Vogel", cut.Find("[data-testid=contacts]").TextContent);

        await cut.InvokeAsync(() => cut.Find("[data-testid=contact-form] form").Submit());

        await cut.WaitForAssertionAsync(async () => Assert.Contains((await Service.GetAsync(created.Id!.Value))!.Contacts, c => c.Name == "Lena Vogel"));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict-notice]")));
        Assert.Equal(3, (await Service.GetAsync(created.Id!.Value))!.Contacts.Count);
    }

    [Fact]
    public async Task An_end_account_linked_while_someone_else_changed_the_reseller_keeps_the_reference_with_a_notice_and_links_on_the_next_try()
    {
        var customerId = await ForeignEntityAsync();
        await ForeignEntityAsync("Kleinkunde Berlin GmbH", "ACC-END-7");
        await ForeignEntityAsync("Zweitkunde Hamburg GmbH", "ACC-END-8");
        var created = await NewResellerAsync(customerId);
        var cut = RenderWith<ResellerPage>(nameof(ResellerPage.Id), created.Id!.Value);
        cut.WaitForAssertion(() => cut.Find("h1"));
        cut.FindAll(".mud-tab").First(t => t.TextContent.StartsWith("Accounts", StringComparison.Ordinal)).Click();
        cut.WaitForAssertion(() => cut.Find("#end-account"));
        await AsOfficer2Async(s => s.AddEndAccountAsync(created.Id!.Value, created.Version!.Value, "ACC-END-7"));
        cut.Find("#end-account").Change("ACC-END-8");

        cut.Find("[data-testid=add-end-account]").Closest("form")!.Submit();

        cut.WaitForAssertion(() => Assert.Contains("Not linked: officer2@example.test changed this reseller", cut.Find("[data-testid=conflict-notice]").TextContent));
        cut.WaitForAssertion(() => Assert.Contains("ACC-END-7", cut.Find("[data-testid=end-accounts]").TextContent));
        Assert.Equal("ACC-END-8", cut.Find("#end-account").GetAttribute("value"));

        await cut.InvokeAsync(() => cut.Find("[data-testid=add-end-account]").Closest("form")!.Submit());

        await cut.WaitForAssertionAsync(async () => Assert.Equal(2, (await Service.GetAsync(created.Id!.Value))!.EndAccounts.Count));
        cut.WaitForAssertion(() => Assert.Contains("ACC-END-8", cut.Find("[data-testid=end-accounts]").TextContent));
    }

    [Fact]
    public async Task Removing_a_contact_after_someone_else_changed_the_reseller_removes_nothing_says_so_and_shows_the_stored_contacts()
    {
        var customerId = await ForeignEntityAsync();
        var created = await NewResellerAsync(customerId);
        var cut = RenderWith<ResellerPage>(nameof(ResellerPage.Id), created.Id!.Value);
        cut.WaitForAssertion(() => cut.Find("[data-testid=contacts]"));
        await AsOfficer2Async(s => s.AddContactAsync(created.Id!.Value, created.Version!.Value, new("Mia Braun", "DPO", "mia@nordlicht.example", "030 1111111")));

        cut.Find("button[aria-label='Remove Jonas Weber']").Click();

        cut.WaitForAssertion(() => Assert.Contains("Not removed: officer2@example.test changed this reseller", cut.Find("[data-testid=conflict-notice]").TextContent));
        cut.WaitForAssertion(() => Assert.Contains("Mia Braun", cut.Find("[data-testid=contacts]").TextContent));
        Assert.Contains("Jonas Weber", cut.Find("[data-testid=contacts]").TextContent);
        Assert.Equal(2, (await Service.GetAsync(created.Id!.Value))!.Contacts.Count);
    }
}
