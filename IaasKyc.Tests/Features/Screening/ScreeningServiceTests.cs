using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Screening;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Screening;
using IaasKyc.Portal.Reports;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Screening;

/// <summary>List imports, screening on submission and after a list change, and the four-eyes review of hits, over SQLite in memory.</summary>
public sealed class ScreeningServiceTests : IAsyncDisposable
{
    private const string Officer = "officer@x";
    private const string Approver = "approver@x";
    private const string OtherApprover = "approver2@x";

    private readonly ServiceTestDb db = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<SnapshotView> ImportSdnAsync(string remarks = "Linked To: FEDERAL SECURITY SERVICE.")
    {
        var result = await db.Get<ListImportService>().ImportAsync(ListSource.OfacSdn, ListFixtures.Sdn(remarks), ct: Ct);
        Assert.True(result.Ok, string.Join("; ", result.Findings.Select(f => f.Message)));
        return result.Snapshot!;
    }

    private async Task<Guid> SubmittedAsync(string name, string reference = "ACC-1") =>
        await Support.Customers.SubmittedForeignAsync(db.As<CustomerService>(Officer), db.Get<CustomerQueries>(), name, reference);

    private async Task<AlertListItem> OnlyHitAsync(Guid customerId) =>
        Assert.Single(await db.Get<ScreeningQueries>().AlertsAsync(AlertFilter.All, customerId, ct: Ct));

    private async Task<Guid> VersionAsync(Guid alertId) => (await db.Get<ScreeningQueries>().AlertAsync(alertId, Ct))!.Alert.Version;

    private async Task<Guid> ProposeAsync(Guid alertId, AlertDecision decision, string by = Officer)
    {
        var outcome = await db.As<ScreeningService>(by).ProposeAsync(alertId, await VersionAsync(alertId), decision, "Compared date of birth and address", Ct);
        Assert.True(outcome.Ok, outcome.Message);
        return outcome.Version!.Value;
    }

    [Fact]
    public async Task An_import_becomes_the_active_snapshot_with_counts_digests_and_one_audit_entry()
    {
        var files = ListFixtures.Sdn();

        var snapshot = await ImportSdnAsync();

        Assert.Equal(2, snapshot.Entries);
        Assert.Equal(1, snapshot.Aliases);
        Assert.Equal(["add", "alt", "sdn"], snapshot.Files.Select(f => f.Name));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(files["sdn"])), snapshot.Files.Single(f => f.Name == "sdn").Sha256);
        Assert.Equal(ServiceTestDb.Actor, snapshot.ImportedBy);
        var active = Assert.Single(await db.Get<ListImportService>().ActiveAsync(Ct));
        Assert.Equal(snapshot.Id, active.Id);
        Assert.Equal(2, db.Get<ScreeningIndexHolder>().Current.Index.EntryCount);
        var audit = await db.AuditEntriesAsync();
        Assert.Single(audit, e => e.EntityType == "ListSnapshot" && e.Action == "import");
        Assert.DoesNotContain(audit, e => e.EntityType == "ListFile");
    }

    [Fact]
    public async Task A_malformed_file_is_refused_with_its_line_and_the_previous_snapshot_stays_active()
    {
        var first = await db.Get<ListImportService>().ImportAsync(ListSource.Csl, new Dictionary<string, byte[]>
        {
            ["csl"] = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(ListFixtures.BrokenCsl()["csl"]).Split('\n')[0..2].Aggregate((a, b) => a + "\n" + b) + "\n"),
        }, ct: Ct);
        Assert.True(first.Ok, string.Join("; ", first.Findings.Select(f => f.Message)));

        var refused = await db.Get<ListImportService>().ImportAsync(ListSource.Csl, ListFixtures.BrokenCsl(), ct: Ct);

        Assert.False(refused.Ok);
        var finding = Assert.Single(refused.Findings);
        Assert.Equal("csl", finding.Field);
        Assert.StartsWith("Line 3", finding.Message);
        var active = Assert.Single(await db.Get<ListImportService>().ActiveAsync(Ct));
        Assert.Equal(first.Snapshot!.Id, active.Id);
    }

    [Fact]
    public async Task Missing_files_are_refused_by_field_name()
    {
        var files = ListFixtures.Sdn();
        files.Remove("add");

        var refused = await db.Get<ListImportService>().ImportAsync(ListSource.OfacSdn, files, ct: Ct);

        Assert.Equal("add", Assert.Single(refused.Findings).Field);
        Assert.Empty(await db.Get<ListImportService>().ActiveAsync(Ct));
    }

    [Fact]
    public async Task Submitting_a_listed_customer_opens_a_hit_that_blocks_verification()
    {
        await ImportSdnAsync();

        var id = await SubmittedAsync("Korvex Data Systems OOO");

        var hit = await OnlyHitAsync(id);
        Assert.Equal("ofac-sdn", hit.Source);
        Assert.Equal("9001", hit.EntryId);
        Assert.Equal(AlertStatus.Open, hit.Status);
        var customer = (await db.Get<CustomerQueries>().GetAsync(id, Ct))!;
        Assert.Contains(customer.ComputedRisk.Factors, f => f.Code == "screeningHits");
        var verify = await db.As<CustomerService>(Approver).VerifyAsync(id, customer.Version, null, Ct);
        Assert.False(verify.Ok);
        Assert.Contains(verify.Findings, f => f.Code == "verify.screening");
    }

    [Fact]
    public async Task A_customer_whose_name_is_not_listed_is_screened_without_hits()
    {
        await ImportSdnAsync();

        var id = await SubmittedAsync("Nordlicht Rechenzentrum GmbH");

        var screening = await db.Get<ScreeningQueries>().CustomerAsync(id, Ct);
        var run = Assert.Single(screening.LatestRuns);
        Assert.Equal(0, run.Hits);
        Assert.Equal(ScreeningIndex.MatcherVersion, run.MatcherVersion);
        Assert.Equal("ofac-sdn", Assert.Single(run.Snapshots).Source);
        Assert.Empty(screening.Alerts);
    }

    [Fact]
    public async Task Clearing_a_hit_needs_an_Approver_other_than_the_one_who_proposed_it()
    {
        await ImportSdnAsync();
        var id = await SubmittedAsync("Korvex Data Systems OOO");
        var hit = await OnlyHitAsync(id);
        var version = await ProposeAsync(hit.Id, AlertDecision.NoMatch, by: Approver);

        var own = await db.As<ScreeningService>(Approver).DecideAsync(hit.Id, version, agree: true, null, Ct);
        var other = await db.As<ScreeningService>(OtherApprover).DecideAsync(hit.Id, version, agree: true, null, Ct);

        Assert.True(own.Refused);
        Assert.Equal("fourEyes", own.Findings[0].Code);
        Assert.True(other.Ok, other.Message);
        var decided = (await db.Get<ScreeningQueries>().AlertAsync(hit.Id, Ct))!.Alert;
        Assert.Equal(AlertStatus.Cleared, decided.Status);
        Assert.Equal(OtherApprover, decided.DecidedBy);
        var customer = (await db.Get<CustomerQueries>().GetAsync(id, Ct))!;
        Assert.DoesNotContain(customer.ComputedRisk.Factors, f => f.Code == "screeningHits");
        Assert.True((await db.As<CustomerService>(Approver).VerifyAsync(id, customer.Version, null, Ct)).Ok);
    }

    [Fact]
    public async Task A_proposal_needs_a_decision_and_a_comment_at_their_fields()
    {
        await ImportSdnAsync();
        var hit = await OnlyHitAsync(await SubmittedAsync("Korvex Data Systems OOO"));

        var outcome = await db.As<ScreeningService>(Officer).ProposeAsync(hit.Id, await VersionAsync(hit.Id), null, " ", Ct);

        Assert.Equal(["comment", "decision"], outcome.Findings.Select(f => f.Field).Order());
        Assert.Equal(AlertStatus.Open, (await OnlyHitAsync(hit.CustomerId)).Status);
    }

    [Fact]
    public async Task An_Approver_can_send_a_proposal_back_with_a_comment()
    {
        await ImportSdnAsync();
        var hit = await OnlyHitAsync(await SubmittedAsync("Korvex Data Systems OOO"));
        var version = await ProposeAsync(hit.Id, AlertDecision.NoMatch);

        var silent = await db.As<ScreeningService>(Approver).DecideAsync(hit.Id, version, agree: false, null, Ct);
        var back = await db.As<ScreeningService>(Approver).DecideAsync(hit.Id, version, agree: false, "Check the registration number first", Ct);

        Assert.Equal("comment", Assert.Single(silent.Findings).Field);
        Assert.True(back.Ok, back.Message);
        Assert.Equal(AlertStatus.Open, (await OnlyHitAsync(hit.CustomerId)).Status);
    }

    [Fact]
    public async Task A_confirmed_match_on_the_customer_makes_it_prohibited_and_blocks_provisioning()
    {
        await ImportSdnAsync();
        var id = await SubmittedAsync("Korvex Data Systems OOO");
        var hit = await OnlyHitAsync(id);
        var version = await ProposeAsync(hit.Id, AlertDecision.Match);

        var confirmed = await db.As<ScreeningService>(Approver).DecideAsync(hit.Id, version, agree: true, null, Ct);

        Assert.True(confirmed.Ok, confirmed.Message);
        var customer = (await db.Get<CustomerQueries>().GetAsync(id, Ct))!;
        Assert.Equal(RiskLevel.Prohibited, customer.Risk);
        Assert.Contains(customer.ComputedRisk.Factors, f => f.Code == "sanctionsMatch");
        Assert.Contains(customer.History, h => h.Note.Contains("confirmed as a match", StringComparison.Ordinal));
        Assert.False((await db.As<CustomerService>(OtherApprover).VerifyAsync(id, customer.Version, null, Ct)).Ok);
    }

    [Fact]
    public async Task A_cleared_hit_is_not_raised_again_until_the_list_entry_changes()
    {
        await ImportSdnAsync();
        var id = await SubmittedAsync("Korvex Data Systems OOO");
        var hit = await OnlyHitAsync(id);
        var version = await ProposeAsync(hit.Id, AlertDecision.NoMatch);
        Assert.True((await db.As<ScreeningService>(Approver).DecideAsync(hit.Id, version, agree: true, null, Ct)).Ok);

        var (again, summary) = await db.Get<ScreeningService>().ScreenAsync(id, ScreeningTrigger.Manual, Ct);
        Assert.True(again.Ok, again.Message);
        Assert.Equal(1, summary!.Suppressed);
        Assert.Single(await db.Get<ScreeningQueries>().AlertsAsync(AlertFilter.All, id, ct: Ct));

        await ImportSdnAsync(remarks: "Linked To: FEDERAL SECURITY SERVICE; Website korvex.example.");
        await db.Get<RescreenQueue>().RunPendingAsync(Ct);

        var alerts = await db.Get<ScreeningQueries>().AlertsAsync(AlertFilter.ToReview, id, ct: Ct);
        Assert.Equal("9001", Assert.Single(alerts).EntryId);
    }

    [Fact]
    public async Task A_remembered_no_match_expires_after_the_rule_pack_days()
    {
        await ImportSdnAsync();
        var id = await SubmittedAsync("Korvex Data Systems OOO");
        var hit = await OnlyHitAsync(id);
        var version = await ProposeAsync(hit.Id, AlertDecision.NoMatch);
        Assert.True((await db.As<ScreeningService>(Approver).DecideAsync(hit.Id, version, agree: true, null, Ct)).Ok);

        db.Clock.Advance(TimeSpan.FromDays(366));
        var (_, summary) = await db.Get<ScreeningService>().ScreenAsync(id, ScreeningTrigger.Manual, Ct);

        Assert.Equal(1, summary!.NewHits);
    }

    [Fact]
    public async Task A_list_change_screens_every_submitted_customer_in_a_batch_with_its_progress_stored()
    {
        var listed = await SubmittedAsync("Korvex Data Systems OOO", "ACC-1");
        var other = await SubmittedAsync("Nordlicht Rechenzentrum GmbH", "ACC-2");
        Assert.Empty(await db.Get<ScreeningQueries>().AlertsAsync(AlertFilter.All, ct: Ct));

        await ImportSdnAsync();
        var queued = await db.Get<RescreenQueue>().LatestAsync(Ct);
        await db.Get<RescreenQueue>().RunPendingAsync(Ct);

        Assert.Equal(BatchState.Queued, queued!.State);
        var batch = (await db.Get<RescreenQueue>().LatestAsync(Ct))!;
        Assert.Equal(BatchState.Finished, batch.State);
        Assert.Equal(2, batch.Total);
        Assert.Equal(2, batch.Done);
        Assert.Equal(1, batch.NewHits);
        Assert.Equal(listed, Assert.Single(await db.Get<ScreeningQueries>().AlertsAsync(AlertFilter.All, ct: Ct)).CustomerId);
        Assert.Single((await db.Get<ScreeningQueries>().CustomerAsync(other, Ct)).LatestRuns, r => r.Trigger == ScreeningTrigger.ListChange);
    }

    [Fact]
    public async Task The_certificate_names_the_snapshot_digests_the_matcher_and_each_hit_with_its_decision()
    {
        var snapshot = await ImportSdnAsync();
        var id = await SubmittedAsync("Korvex Data Systems OOO");
        var hit = await OnlyHitAsync(id);
        var version = await ProposeAsync(hit.Id, AlertDecision.NoMatch);
        Assert.True((await db.As<ScreeningService>(Approver).DecideAsync(hit.Id, version, agree: true, "Different registration number", Ct)).Ok);
        var run = (await db.Get<ScreeningQueries>().CustomerAsync(id, Ct)).LatestRuns.Single();

        var pdf = await db.Get<ScreeningCertificateDocument>().RenderAsync(run.Id, "auditor@x", Ct);

        var text = string.Join(" ", ServiceTestDb.PageTexts(pdf!.Value.Pdf));
        Assert.Contains("Korvex Data Systems OOO", text);
        Assert.Contains(snapshot.Files.Single(f => f.Name == "sdn").Sha256, text.Replace(" ", ""));
        Assert.Contains(ScreeningIndex.MatcherVersion, text);
        Assert.Contains("KORVEX DATA SYSTEMS LLC", text);
        Assert.Contains("Cleared (no match)", text);
        Assert.Contains(Approver, text);
        Assert.Null(await db.Get<ScreeningCertificateDocument>().RenderAsync(Guid.NewGuid(), "auditor@x", Ct));
    }

    [Fact]
    public async Task A_reported_owner_is_screened_and_a_confirmed_match_flags_it_for_the_50_percent_rule()
    {
        await ImportSdnAsync();
        var id = await SubmittedAsync("Nordlicht Rechenzentrum GmbH");
        var graph = new IaasKyc.Domain.Owners.OwnershipGraph(
            [
                new("volkov", IaasKyc.Domain.Owners.OwnerKind.Individual, "Andrei Volkov", "RU"),
                new("anna", IaasKyc.Domain.Owners.OwnerKind.Individual, "Anna Schmidt", "DE"),
            ],
            [
                new("volkov", IaasKyc.Domain.Owners.OwnershipGraph.CustomerKey, 60m),
                new("anna", IaasKyc.Domain.Owners.OwnershipGraph.CustomerKey, 40m, IaasKyc.Domain.Owners.ControlRole.Director),
            ]);

        Assert.True((await db.As<IaasKyc.Portal.Features.Owners.OwnershipService>(Officer).ReplaceAsync(id, graph, ct: Ct)).Ok);

        var hit = await OnlyHitAsync(id);
        Assert.Equal(ScreeningSubjectKind.Owner, hit.SubjectKind);
        Assert.Equal("9002", hit.EntryId);
        var version = await ProposeAsync(hit.Id, AlertDecision.Match);
        Assert.True((await db.As<ScreeningService>(Approver).DecideAsync(hit.Id, version, agree: true, null, Ct)).Ok);
        var ownership = (await db.Get<IaasKyc.Portal.Features.Owners.OwnershipService>().GetAsync(id, Ct))!;
        Assert.True(ownership.Graph.Nodes.Single(n => n.Key == "volkov").ConfirmedBlocked);
        Assert.True(ownership.Result.Blocked.Blocked);
        Assert.Equal(Provisioning.Blocked, (await db.Get<CustomerQueries>().GetAsync(id, Ct))!.Provisioning);
    }

    [Fact]
    public async Task The_home_page_counts_hits_to_review_and_proposals_awaiting_an_Approver()
    {
        await ImportSdnAsync();
        var first = await OnlyHitAsync(await SubmittedAsync("Korvex Data Systems OOO", "ACC-1"));
        await SubmittedAsync("Korveks Data", "ACC-2");
        await ProposeAsync(first.Id, AlertDecision.NoMatch);

        var summary = await db.Get<IaasKyc.Portal.Features.Home.HomeService>().SummaryAsync(ct: Ct);

        Assert.Equal(1, summary.HitsToReview);
        Assert.Equal(1, summary.HitsAwaitingDecision);
    }

    [Fact]
    public async Task Without_any_list_screening_says_so_and_records_nothing()
    {
        var id = await SubmittedAsync("Korvex Data Systems OOO");

        var (outcome, _) = await db.Get<ScreeningService>().ScreenAsync(id, ScreeningTrigger.Manual, Ct);

        Assert.Equal("screening.noLists", outcome.Findings.Single().Code);
        Assert.Empty((await db.Get<ScreeningQueries>().CustomerAsync(id, Ct)).LatestRuns);
    }

    public async ValueTask DisposeAsync() => await db.DisposeAsync();
}
