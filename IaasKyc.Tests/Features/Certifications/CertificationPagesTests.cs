using Bunit;
using IaasKyc.Domain.Certifications;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features;
using IaasKyc.Portal.Features.Certifications;
using IaasKyc.Portal.Security;
using IaasKyc.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace IaasKyc.Tests.Features.Certifications;

/// <summary>The certification list and page in bUnit: an Officer drafts, an Approver signs; today is 2026-11-29 in New York.</summary>
public sealed class CertificationPagesTests : ComponentTestBase
{
    [Fact]
    public async Task An_Officer_drafts_from_the_list_and_an_Approver_signs_the_draft()
    {
        SignInAs("officer@example.test", Roles.Officer);
        var list = RenderPage<CertificationsPage>();
        list.WaitForAssertion(() => Assert.Contains("No certification yet", list.Markup));
        list.Find("#as-of").Change("2026-11-28");
        list.Find("[data-testid=draft-certification]").Click();
        // The form defaults to the annual certification, which needs a signed initial one first.
        list.WaitForAssertion(() => Assert.Contains("Sign an initial certification", list.Markup));
        var drafted = await Services.GetRequiredService<CertificationService>().DraftAsync(CertificationKind.Initial, new DateOnly(2026, 11, 28), null);

        var officer = RenderPage<CertificationPage>(drafted.Id, providers: false);
        officer.WaitForAssertion(() => Assert.Equal("Draft", officer.Find("[data-testid=certification-state]").TextContent));
        Assert.Empty(officer.FindAll("[data-testid=sign]"));
        Assert.Empty(officer.FindAll("a[href$='report.pdf']"));

        SignInAs("approver@example.test", Roles.Approver);
        var approver = RenderPage<CertificationPage>(drafted.Id, providers: false);
        approver.WaitForAssertion(() => approver.Find("#signer-name"));
        approver.Find("#signer-name").Change("Avery Quinn");
        approver.Find("#signer-title").Change("Chief Compliance Officer");
        approver.Find("[data-testid=sign]").Click();

        approver.WaitForAssertion(() => Assert.Equal("Signed", approver.Find("[data-testid=certification-state]").TextContent));
        Assert.Contains("Avery Quinn, Chief Compliance Officer (approver@example.test)", approver.Find("[data-testid=signed-by]").TextContent);
        Assert.Empty(approver.FindAll("[data-testid=sign]"));
        Assert.Empty(approver.FindAll("[data-testid=recompute]"));
    }

    [Fact]
    public async Task The_preparer_holding_both_roles_is_refused_at_signing_and_an_Auditor_only_reads_and_exports()
    {
        SignInAs("lead@example.test", Roles.Officer, Roles.Approver);
        var drafted = await Services.GetRequiredService<CertificationService>().DraftAsync(CertificationKind.Initial, new DateOnly(2026, 11, 28), null);
        var lead = RenderPage<CertificationPage>(drafted.Id);
        lead.WaitForAssertion(() => lead.Find("#signer-name"));
        lead.Find("#signer-name").Change("Lee Lead");
        lead.Find("#signer-title").Change("Head of Compliance");
        lead.Find("[data-testid=sign]").Click();

        lead.WaitForAssertion(() => Assert.Contains("another Approver must sign it", lead.Find("[data-testid=sign-refused]").TextContent));
        Assert.Equal("Draft", lead.Find("[data-testid=certification-state]").TextContent);

        SignInAs("auditor@example.test", Roles.Auditor);
        var auditor = RenderPage<CertificationPage>(drafted.Id, providers: false);
        auditor.WaitForAssertion(() => auditor.Find("a[href$='report.pdf']"));
        Assert.Empty(auditor.FindAll("[data-testid=sign]"));
        Assert.Empty(auditor.FindAll("[data-testid=recompute]"));
        Assert.Equal("0", auditor.Find("[data-testid=customers-total]").TextContent);
    }

    [Fact]
    public async Task An_Officer_checks_the_annual_statements_with_comments_on_the_page()
    {
        SignInAs("officer@example.test", Roles.Officer);
        var initial = await Services.GetRequiredService<CertificationService>().DraftAsync(CertificationKind.Initial, new DateOnly(2026, 11, 1), null);
        var tooEarly = await Services.GetRequiredService<CertificationService>().DraftAsync(CertificationKind.Annual, new DateOnly(2026, 11, 28), null);
        Assert.Equal("kind", tooEarly.Findings.Single().Field);
        SignInAs("approver@example.test", Roles.Approver);
        Assert.True((await Services.GetRequiredService<CertificationService>().SignAsync(initial.Id!.Value, initial.Version!.Value, "Avery Quinn", "CCO")).Ok);
        SignInAs("officer@example.test", Roles.Officer);
        var annual = await Services.GetRequiredService<CertificationService>().DraftAsync(CertificationKind.Annual, new DateOnly(2026, 11, 28), null);

        var cut = RenderPage<CertificationPage>(annual.Id);
        cut.WaitForAssertion(() => cut.Find("#comment-CipReviewed"));
        cut.Find("[data-testid=statement-CipReviewed] input[type=checkbox]").Change(true);
        cut.Find("#comment-CipReviewed").Change("Committee minutes of 2026-10-14");
        cut.Find("[data-testid=save-statements]").Click();

        cut.WaitForAssertion(() => Assert.True(
            (Services.GetRequiredService<CertificationService>().GetAsync(annual.Id!.Value).GetAwaiter().GetResult())!.Statements
                .Single(s => s.Statement == AnnualStatement.CipReviewed) is { Checked: true, Comment: "Committee minutes of 2026-10-14" }));
    }

    /// <summary>Another user's save through the service, in a scope of its own (the page's user is not the actor).</summary>
    private async Task<Outcome> AsOtherAsync<TService>(string user, Func<TService, Task<Outcome>> save) where TService : notnull
    {
        await using var other = Services.CreateAsyncScope();
        other.ServiceProvider.GetRequiredService<AuditActor>().Use(user);
        var outcome = await save(other.ServiceProvider.GetRequiredService<TService>());
        Assert.True(outcome.Ok, outcome.Message);
        return outcome;
    }

    private static string Cell(IRenderedComponent<IComponent> cut, string field, string side) =>
        cut.Find($"tr[data-field=\"{field}\"] [data-testid={side}]").TextContent.Trim();

    private static string Differs(IRenderedComponent<IComponent> cut, string field) => cut.Find($"tr[data-field=\"{field}\"]").GetAttribute("data-differs")!;

    private async Task<Guid> AnnualDraftAsync()
    {
        var service = Services.GetRequiredService<CertificationService>();
        SignInAs("officer@example.test", Roles.Officer);
        var initial = await service.DraftAsync(CertificationKind.Initial, new DateOnly(2026, 11, 1), null);
        SignInAs("approver@example.test", Roles.Approver);
        Assert.True((await service.SignAsync(initial.Id!.Value, initial.Version!.Value, "Avery Quinn", "CCO")).Ok);
        SignInAs("officer@example.test", Roles.Officer);
        return (await service.DraftAsync(CertificationKind.Annual, new DateOnly(2026, 11, 28), null)).Id!.Value;
    }

    [Fact]
    public async Task Statements_refused_because_someone_else_saved_first_show_both_keep_the_input_and_keep_mine_stores_it()
    {
        var id = await AnnualDraftAsync();
        var cut = RenderPage<CertificationPage>(id);
        cut.WaitForAssertion(() => cut.Find("#comment-CipReviewed"));
        var version = (await Services.GetRequiredService<CertificationService>().GetAsync(id))!.Version;
        await AsOtherAsync<CertificationService>("officer2@example.test", s => s.SetStatementAsync(id, version, AnnualStatement.CipReviewed, true, "Minutes of 2026-10-14"));
        cut.Find("#comment-CipReviewed").Change("Board minutes of 2026-10-20");

        cut.Find("[data-testid=save-statements]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict]"));
        var text = CertificationText.Statement(AnnualStatement.CipReviewed);
        Assert.Equal(("Minutes of 2026-10-14", "Board minutes of 2026-10-20"), (Cell(cut, $"Comment: {text}", "theirs"), Cell(cut, $"Comment: {text}", "mine")));
        Assert.Equal("true", Differs(cut, $"Comment: {text}"));
        Assert.Equal(("Checked", "Not checked"), (Cell(cut, text, "theirs"), Cell(cut, text, "mine")));
        Assert.Equal("false", Differs(cut, CertificationText.Statement(AnnualStatement.Compliant)));
        Assert.Contains("Saved by officer2@example.test", cut.Find("[data-testid=conflict-by]").TextContent);
        Assert.Equal("Board minutes of 2026-10-20", cut.Find("#comment-CipReviewed").GetAttribute("value"));

        cut.Find("[data-testid=keep-mine]").Click();

        await cut.WaitForAssertionAsync(async () => Assert.Equal("Board minutes of 2026-10-20",
            (await Services.GetRequiredService<CertificationService>().GetAsync(id))!.Statements.Single(s => s.Statement == AnnualStatement.CipReviewed).Comment));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
        Assert.False((await Services.GetRequiredService<CertificationService>().GetAsync(id))!.Statements.Single(s => s.Statement == AnnualStatement.CipReviewed).Checked);
    }

    private static Dictionary<AdpFactor, string?> Narratives(string? fitToSize = "Sized to a small provider.") =>
        Enum.GetValues<AdpFactor>().ToDictionary(f => f, f => f == AdpFactor.FitToSize ? fitToSize : $"How we meet {f}.");

    private async Task<Outcome> AdpDraftAsync()
    {
        SignInAs("officer@example.test", Roles.Officer);
        var created = await Services.GetRequiredService<AdpService>().CreateAsync("All accounts of the provider");
        Assert.True(created.Ok, created.Message);
        return created;
    }

    [Fact]
    public async Task Narratives_refused_because_someone_else_saved_first_show_both_and_take_theirs_fills_the_form_with_theirs()
    {
        var created = await AdpDraftAsync();
        var cut = RenderPage<AdpPage>(created.Id);
        cut.WaitForAssertion(() => cut.Find("#narrative-FitToSize"));
        await AsOtherAsync<AdpService>("officer2@example.test",
            s => s.WriteAsync(created.Id!.Value, created.Version!.Value, "All accounts of the provider", Narratives("Their narrative.")));
        cut.Find("#narrative-FitToSize").Change("My narrative.");

        cut.Find("[data-testid=save-narratives]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict]"));
        var field = $"Narrative: {AdpText.Factor(AdpFactor.FitToSize)}";
        Assert.Equal(("Their narrative.", "My narrative."), (Cell(cut, field, "theirs"), Cell(cut, field, "mine")));
        Assert.Equal("true", Differs(cut, field));
        Assert.Equal(("How we meet RedFlags.", "(empty)"), (Cell(cut, $"Narrative: {AdpText.Factor(AdpFactor.RedFlags)}", "theirs"), Cell(cut, $"Narrative: {AdpText.Factor(AdpFactor.RedFlags)}", "mine")));
        Assert.Equal("false", Differs(cut, "Scope of the exemption asked for"));
        Assert.Equal("My narrative.", cut.Find("#narrative-FitToSize").GetAttribute("value"));
        Assert.Equal("Their narrative.", (await Services.GetRequiredService<AdpService>().GetAsync(created.Id!.Value))!.Narratives[AdpFactor.FitToSize]);

        cut.Find("[data-testid=take-theirs]").Click();

        cut.WaitForAssertion(() => Assert.Equal("Their narrative.", cut.Find("#narrative-FitToSize").GetAttribute("value")));
        Assert.Equal("How we meet RedFlags.", cut.Find("#narrative-RedFlags").GetAttribute("value"));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
    }

    [Fact]
    public async Task Narratives_typed_before_recomputing_the_figures_stay_in_the_form_and_save_without_a_conflict()
    {
        var created = await AdpDraftAsync();
        var cut = RenderPage<AdpPage>(created.Id);
        cut.WaitForAssertion(() => cut.Find("#narrative-FitToSize"));
        cut.Find("#narrative-FitToSize").Change("Typed before recomputing.");
        Clock.Advance(TimeSpan.FromMinutes(5));
        cut.FindAll("button").First(b => b.TextContent.Contains("Recompute the figures", StringComparison.Ordinal)).Click();
        await cut.WaitForAssertionAsync(async () => Assert.NotEqual(created.Version, (await Services.GetRequiredService<AdpService>().GetAsync(created.Id!.Value))!.Version));
        cut.WaitForAssertion(() => Assert.Contains("Figures recomputed", cut.Markup));
        Assert.Equal("Typed before recomputing.", cut.Find("#narrative-FitToSize").GetAttribute("value"));

        cut.Find("[data-testid=save-narratives]").Click();

        await cut.WaitForAssertionAsync(async () => Assert.Equal("Typed before recomputing.",
            (await Services.GetRequiredService<AdpService>().GetAsync(created.Id!.Value))!.Narratives[AdpFactor.FitToSize]));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict]")));
    }

    [Fact]
    public async Task A_grant_refused_because_another_Approver_recorded_one_first_shows_both_and_keeping_mine_is_refused_as_frozen()
    {
        var created = await AdpDraftAsync();
        var written = await Services.GetRequiredService<AdpService>().WriteAsync(created.Id!.Value, created.Version!.Value, "All accounts of the provider", Narratives());
        SignInAs("approver@example.test", Roles.Approver);
        var signed = await Services.GetRequiredService<AdpService>().SignAsync(created.Id.Value, written.Version!.Value, "Avery Quinn", "CCO");
        Assert.True(signed.Ok, signed.Message);
        var cut = RenderPage<AdpPage>(created.Id);
        cut.WaitForAssertion(() => cut.Find("#decision-reference"));
        await AsOtherAsync<AdpService>("approver2@example.test",
            s => s.RecordGrantAsync(created.Id.Value, signed.Version!.Value, new DateOnly(2026, 11, 29), "BIS-ADP-7", "Enterprise accounts"));
        cut.Find("#granted-on").Change("2026-11-29");
        cut.Find("#decision-reference").Change("BIS-ADP-9");

        cut.Find("[data-testid=record-grant]").Click();

        cut.WaitForAssertion(() => cut.Find("[data-testid=conflict]"));
        Assert.Equal(("BIS-ADP-7", "BIS-ADP-9"), (Cell(cut, "Decision reference", "theirs"), Cell(cut, "Decision reference", "mine")));
        Assert.Equal("true", Differs(cut, "Decision reference"));
        Assert.Equal(("Enterprise accounts", "All accounts of the provider"), (Cell(cut, "Scope granted", "theirs"), Cell(cut, "Scope granted", "mine")));
        Assert.Equal("false", Differs(cut, "Granted on"));
        Assert.Contains("Saved by approver2@example.test", cut.Find("[data-testid=conflict-by]").TextContent);
        Assert.Equal("BIS-ADP-9", cut.Find("#decision-reference").GetAttribute("value"));

        cut.Find("[data-testid=keep-mine]").Click();

        cut.WaitForAssertion(() => Assert.Contains("cannot record a grant", cut.Find("[data-testid=grant-refused]").TextContent));
        Assert.Equal("BIS-ADP-7", (await Services.GetRequiredService<AdpService>().GetAsync(created.Id.Value))!.DecisionReference);
        Assert.Equal("BIS-ADP-9", cut.Find("#decision-reference").GetAttribute("value"));
    }

    [Fact]
    public async Task Evidence_attached_while_someone_else_changed_the_application_keeps_the_description_and_the_typed_narrative_and_attaches_on_the_next_try()
    {
        var created = await AdpDraftAsync();
        var cut = RenderPage<AdpPage>(created.Id);
        cut.WaitForAssertion(() => cut.Find("#evidence-FitToSize"));
        string FiguresComputed() => cut.FindAll("tr").Single(r => r.TextContent.Contains("Figures computed")).QuerySelector("td")!.TextContent;
        var computedBefore = FiguresComputed();
        Clock.Advance(TimeSpan.FromMinutes(3));
        await AsOtherAsync<AdpService>("officer2@example.test", s => s.RecomputeAsync(created.Id!.Value, created.Version!.Value));
        cut.Find("#narrative-RedFlags").Change("Typed before attaching.");
        cut.Find("#evidence-FitToSize").Change("Board minutes on the program's size");
        cut.FindComponents<Microsoft.AspNetCore.Components.Forms.InputFile>()[0].UploadFiles(
            InputFileContent.CreateFromBinary("%PDF-1.4\n%%EOF\n"u8.ToArray(), "minutes.pdf", contentType: "application/pdf"));

        cut.Find("[data-testid=attach-FitToSize]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Not attached: officer2@example.test changed this application", cut.Find("[data-testid=conflict-notice]").TextContent));
        Assert.Equal("Board minutes on the program's size", cut.Find("#evidence-FitToSize").GetAttribute("value"));
        Assert.Equal("Typed before attaching.", cut.Find("#narrative-RedFlags").GetAttribute("value"));
        Assert.Empty((await Services.GetRequiredService<AdpService>().GetAsync(created.Id!.Value))!.Evidence);
        // The page reloads after the notice (it shows officer2's recompute): the retry goes over that version.
        cut.WaitForAssertion(() => Assert.NotEqual(computedBefore, FiguresComputed()));

        await cut.InvokeAsync(() => cut.Find("[data-testid=attach-FitToSize]").Click());

        await cut.WaitForAssertionAsync(async () => Assert.Single((await Services.GetRequiredService<AdpService>().GetAsync(created.Id!.Value))!.Evidence));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=conflict-notice]")));
        Assert.Equal("Typed before attaching.", cut.Find("#narrative-RedFlags").GetAttribute("value"));
    }
}
