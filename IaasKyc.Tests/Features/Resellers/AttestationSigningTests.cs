using IaasKyc.Domain.Resellers;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Resellers;
using IaasKyc.Portal.Mail;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Resellers;

public sealed class AttestationSigningTests : IAsyncDisposable
{
    private const string BaseUri = "https://portal.example/";
    private readonly ServiceTestDb db = new();

    private AttestationService Service => db.Get<AttestationService>();

    private async Task<ResellerDetail> ResellerWithApprovedTemplateAsync()
    {
        var customerId = await Support.Customers.SubmittedForeignAsync(db.Get<CustomerService>(), db.Get<CustomerQueries>());
        var created = await db.Get<ResellerService>().CreateAsync(new NewResellerInput(customerId, "2026-01-15",
            new("Jonas Weber", "Head of Compliance", "jonas.weber@nordlicht.example", "030 9876543")));
        var drafted = await db.As<AttestationService>("officer@example.test").DraftAsync(AttestationTemplateServiceTests.Standard());
        Assert.True((await db.As<AttestationService>("approver@example.test").ApproveAsync(drafted.Id!.Value, drafted.Version!.Value)).Ok);
        return (await db.Get<ResellerService>().GetAsync(created.Id!.Value))!;
    }

    private static string TokenOf(string link) => link[(link.LastIndexOf('/') + 1)..];

    private static SignatureInput Signature(string? hash, bool authorised = true) => new("Mina Weber", "Managing Director", "mina.weber@nordlicht.example", authorised, hash);

    [Fact]
    public async Task A_sent_link_opens_with_the_exact_text_signs_once_and_then_explains_it_was_used()
    {
        var reseller = await ResellerWithApprovedTemplateAsync();
        var sent = await Service.SendAsync(reseller.Id, reseller.Contacts[0].Id, BaseUri);
        Assert.True(sent.Outcome.Ok, sent.Outcome.Message);
        Assert.StartsWith("https://portal.example/attest/", sent.Link);
        var token = TokenOf(sent.Link!);

        var opened = await Service.OpenAsync(token);
        db.Clock.Advance(TimeSpan.FromHours(2));
        var signed = await Service.SignAsync(token, Signature(opened.TextSha256), "198.51.100.23");
        var second = await Service.SignAsync(token, Signature(opened.TextSha256), "198.51.100.23");
        var reopened = await Service.OpenAsync(token);

        Assert.Equal("Nordlicht Rechenzentrum GmbH", opened.ResellerName);
        Assert.Contains("1. Identification of customers and beneficial owners", opened.Text);
        Assert.True(signed.Ok, signed.Message);
        Assert.True(second.Refused);
        Assert.Contains("used already", second.Message);
        Assert.Null(reopened.Text);
        Assert.Contains("used already", reopened.Problem);
        var view = Assert.Single(await Service.ForResellerAsync(reseller.Id));
        Assert.Equal(AttestationState.Signed, view.State);
        Assert.Equal(("Mina Weber", "198.51.100.23", db.UtcNow), (view.SignerName, view.SignerIp, view.SignedAtUtc!.Value));
        Assert.Equal(AttestationTokens.Sha256(opened.Text!), view.SignedTextSha256);
        Assert.Equal(new DateOnly(2027, 6, 15), view.ValidUntil);
        Assert.Equal("Signed, valid until 2027-06-15", Assert.Single(await db.Get<ResellerService>().ListAsync()).Attestation);
    }

    [Fact]
    public async Task The_link_is_mailed_to_the_chosen_contact_through_the_pickup_folder()
    {
        var reseller = await ResellerWithApprovedTemplateAsync();

        var sent = await Service.SendAsync(reseller.Id, reseller.Contacts[0].Id, BaseUri);

        Assert.Equal("jonas.weber@nordlicht.example", sent.MailedTo);
        var folder = ((PickupFolderMailSender)db.Get<IMailSender>()).Folder;
        var mail = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(folder, "*.eml")), TestContext.Current.CancellationToken);
        Assert.Contains("To: jonas.weber@nordlicht.example", mail);
        Assert.Contains(sent.Link!, mail);
    }

    [Fact]
    public async Task Missing_signatory_details_and_confirmation_come_back_at_their_fields_and_the_link_stays_open()
    {
        var reseller = await ResellerWithApprovedTemplateAsync();
        var token = TokenOf((await Service.SendAsync(reseller.Id, null, BaseUri)).Link!);
        var opened = await Service.OpenAsync(token);

        var outcome = await Service.SignAsync(token, new SignatureInput(" ", "", "no-at-sign", false, opened.TextSha256), "198.51.100.23");

        Assert.Equal(["authorised", "email", "name", "title"], outcome.Findings.Select(f => f.Field).Order());
        Assert.Equal(AttestationState.Pending, Assert.Single(await Service.ForResellerAsync(reseller.Id)).State);
        Assert.NotNull((await Service.OpenAsync(token)).Text);
    }

    [Fact]
    public async Task An_expired_a_revoked_and_an_unknown_link_each_get_a_plain_explanation_and_no_text()
    {
        var reseller = await ResellerWithApprovedTemplateAsync();
        var expiring = TokenOf((await Service.SendAsync(reseller.Id, null, BaseUri)).Link!);
        var revokedSent = await Service.SendAsync(reseller.Id, null, BaseUri);
        Assert.True((await Service.RevokeAsync(revokedSent.Outcome.Id!.Value, revokedSent.Outcome.Version!.Value)).Ok);

        db.Clock.Advance(TimeSpan.FromDays(14));
        var expired = await Service.OpenAsync(expiring);
        var revoked = await Service.OpenAsync(TokenOf(revokedSent.Link!));
        var unknown = await Service.OpenAsync(AttestationTokens.New());
        var signExpired = await Service.SignAsync(expiring, Signature("x"), "198.51.100.23");

        Assert.Contains("expired", expired.Problem);
        Assert.Contains("withdrawn", revoked.Problem);
        Assert.Equal(AttestationTokens.Unknown, unknown.Problem);
        Assert.All([expired, revoked, unknown], p => Assert.Null(p.Text));
        Assert.All([expired, revoked, unknown], p => Assert.Null(p.ResellerName));
        Assert.True(signExpired.Refused);
    }

    [Fact]
    public async Task Nothing_is_sent_before_a_template_version_is_approved_and_a_sent_version_is_frozen()
    {
        var customerId = await Support.Customers.SubmittedForeignAsync(db.Get<CustomerService>(), db.Get<CustomerQueries>());
        var reseller = await db.Get<ResellerService>().CreateAsync(new NewResellerInput(customerId, "2026-01-15",
            new("Jonas Weber", "CCO", "jonas@nordlicht.example", "030 9876543")));
        var drafted = await db.As<AttestationService>("officer@example.test").DraftAsync(AttestationTemplateServiceTests.Standard());

        var early = await Service.SendAsync(reseller.Id!.Value, null, BaseUri);
        var approved = await db.As<AttestationService>("approver@example.test").ApproveAsync(drafted.Id!.Value, drafted.Version!.Value);
        var sent = await Service.SendAsync(reseller.Id!.Value, null, BaseUri);
        var template = Assert.Single(await Service.TemplatesAsync());
        var edit = await Service.EditAsync(template.Id, template.Version, AttestationTemplateServiceTests.Standard() with { Introduction = "Changed" });

        Assert.Equal("attestation.noTemplate", Assert.Single(early.Outcome.Findings).Code);
        Assert.Null(early.Link);
        Assert.True(sent.Outcome.Ok);
        Assert.Equal("Sent", template.State);
        Assert.True(edit.Refused);
    }

    [Fact]
    public async Task The_token_hash_and_the_signatorys_name_never_appear_in_clear_in_the_audit_trail()
    {
        var reseller = await ResellerWithApprovedTemplateAsync();
        var sent = await Service.SendAsync(reseller.Id, null, BaseUri);
        var token = TokenOf(sent.Link!);
        var opened = await Service.OpenAsync(token);
        Assert.True((await Service.SignAsync(token, Signature(opened.TextSha256), "198.51.100.23")).Ok);

        var entries = (await db.AuditEntriesAsync()).Where(e => e.EntityType == "Attestation").ToList();

        Assert.Equal(["create", "update"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.DoesNotContain(AttestationTokens.Hash(token), e.ChangesJson));
        Assert.All(entries, e => Assert.DoesNotContain(token, e.ChangesJson));
        Assert.DoesNotContain("Mina Weber", entries[1].ChangesJson);
        Assert.DoesNotContain("198.51.100.23", entries[1].ChangesJson);
    }

    [Fact]
    public async Task The_certificate_states_the_reseller_the_version_and_full_text_the_signatory_the_time_the_address_and_the_hash()
    {
        var reseller = await ResellerWithApprovedTemplateAsync();
        var sent = await Service.SendAsync(reseller.Id, null, BaseUri);
        var token = TokenOf(sent.Link!);
        var opened = await Service.OpenAsync(token);
        var document = db.Get<IaasKyc.Portal.Reports.AttestationCertificateDocument>();
        Assert.Null(await document.RenderAsync(reseller.Id, sent.Outcome.Id!.Value, "auditor@example.test", TestContext.Current.CancellationToken));
        Assert.True((await Service.SignAsync(token, Signature(opened.TextSha256), "198.51.100.23")).Ok);

        var pdf = await document.RenderAsync(reseller.Id, sent.Outcome.Id!.Value, "auditor@example.test", TestContext.Current.CancellationToken);

        var text = string.Join(' ', ServiceTestDb.PageTexts(pdf!.Value.Pdf));
        Assert.Contains("Nordlicht Rechenzentrum GmbH", text);
        Assert.Contains("v1", text);
        Assert.Contains("Mina Weber, Managing Director", text);
        Assert.Contains("2026-06-15 14:00:00 UTC", text);
        Assert.Contains("198.51.100.23", text);
        Assert.Contains(opened.TextSha256![..32], text);
        Assert.Contains("7. Notice of material CIP changes", text);
        Assert.Contains("within 10 days of a request", text);
        Assert.Null(await document.RenderAsync(Guid.NewGuid(), sent.Outcome.Id!.Value, "auditor@example.test", TestContext.Current.CancellationToken));
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
