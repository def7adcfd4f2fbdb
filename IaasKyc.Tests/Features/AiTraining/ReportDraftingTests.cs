using IaasKyc.Domain.AiTraining;
using IaasKyc.Domain.Resellers;
using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.AccessEvents;
using IaasKyc.Portal.Features.AiTraining;
using IaasKyc.Portal.Features.Cip;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.Resellers;
using IaasKyc.Portal.Features.RulePacks;
using IaasKyc.Portal.Reports;
using IaasKyc.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Tests.Features.AiTraining;

/// <summary>Report drafting, versions, follow-ups and reseller end customers over SQLite; the clock starts 2026-06-15 10:00 in New York.</summary>
public sealed class ReportDraftingTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();

    private TrainingCaseService Cases(string by = "officer") => db.As<TrainingCaseService>(by);

    private async Task<Guid> CustomerAsync(string name = "Nordlicht Rechenzentrum GmbH", string reference = "ACC-NORD-1")
    {
        await AiCases.CatalogueAsync(db.Get<IDbContextFactory<PortalDbContext>>());
        return await Support.Customers.SubmittedForeignAsync(db.Get<CustomerService>(), db.Get<CustomerQueries>(), name, reference);
    }

    private async Task AccessAsync(string reference, params (string Ip, string At)[] events)
    {
        var result = await db.Get<AccessEventService>().IngestAsync(reference, [.. events.Select(e => new AccessEventInput(e.Ip, e.At, "access"))]);
        Assert.True(result.Ok, string.Join(" ", result.Findings.Select(f => f.Message)));
    }

    private async Task<(Guid Id, Guid Version)> WrittenAsync(ReportNarrative? narrative = null, Guid? customerId = null)
    {
        var customer = customerId ?? await CustomerAsync();
        var opened = await Cases().OpenAsync(new OpenCaseInput(customer, ["ACC-NORD-1"], CaseTrigger.OfficerObservation, db.UtcNow.AddDays(-1)));
        Assert.True(opened.Ok, opened.Message);
        var written = await Cases().SaveNarrativeAsync(opened.Id!.Value, opened.Version!.Value, narrative ?? Make.Narrative());
        Assert.True(written.Ok, written.Message);
        return (opened.Id!.Value, written.Version!.Value);
    }

    private async Task<Guid> ApprovedAsync(Guid id, Guid version)
    {
        var ready = await Cases("officer").MarkDraftReadyAsync(id, version);
        Assert.True(ready.Ok, ready.Message);
        var approved = await Cases("approver").ApproveAsync(id, ready.Version!.Value);
        Assert.True(approved.Ok, approved.Message);
        return approved.Version!.Value;
    }

    [Fact]
    public async Task The_draft_pulls_the_cip_data_with_masked_payment_the_ip_addresses_first_and_last_seen_and_the_cip_contact()
    {
        var customer = await CustomerAsync();
        await AccessAsync("ACC-NORD-1", ("203.0.113.7", "2026-06-01T08:00:00Z"), ("2001:db8::42", "2026-06-03T09:30:00Z"), ("203.0.113.7", "2026-06-10T17:45:00Z"));
        await AiCases.PublishCipAsync(db.Get<CipService>());
        var (id, _) = await WrittenAsync(customerId: customer);

        var draft = (await Cases().GetAsync(id))!.Draft;

        Assert.Equal(("Nordlicht Rechenzentrum GmbH", "compliance@nordlicht.example"), (draft.Subject.Name, draft.Subject.Email));
        Assert.Contains("Friedrichstraße 68", draft.Subject.Address);
        var account = Assert.Single(draft.Accounts);
        Assert.DoesNotContain("0532013000", account.MaskedIdentifier);
        Assert.EndsWith("3000", account.MaskedIdentifier);
        Assert.Equal("the customer", account.PaidBy);
        Assert.Equal(["203.0.113.7", "2001:db8::42"], draft.IpAddresses.Select(i => i.Ip));
        var repeated = draft.IpAddresses[0];
        Assert.Equal((new DateTime(2026, 6, 1, 8, 0, 0), new DateTime(2026, 6, 10, 17, 45, 0), 2), (repeated.FirstSeenUtc, repeated.LastSeenUtc, repeated.Times));
        Assert.Equal("Dana Whitfield", draft.CipContact!.Name);
        Assert.Equal(4096.0 * 720 * 3600 * 989e12 * 0.4, draft.EstimatedOperations!.Value, 1e12);
        Assert.Contains(draft.Arithmetic, l => l.Contains("4,096 × 720 h × 3,600 s/h × 9.89 × 10^14 operations/s × 0.4", StringComparison.Ordinal));
        Assert.Null(draft.Reseller);
    }

    [Fact]
    public async Task A_draft_without_intended_use_is_not_marked_ready_and_the_finding_names_the_field()
    {
        var (id, version) = await WrittenAsync(Make.Narrative(intendedUse: null));

        var ready = await Cases().MarkDraftReadyAsync(id, version);

        Assert.Equal("intendedUse", Assert.Single(ready.Findings).Field);
        Assert.Empty((await Cases().GetAsync(id))!.Versions);
    }

    [Fact]
    public async Task Invalid_figures_are_named_at_their_fields_and_a_stale_version_conflicts()
    {
        var (id, version) = await WrittenAsync();

        var invalid = await Cases().SaveNarrativeAsync(id, version, Make.Narrative() with { Accelerator = "X999", AcceleratorCount = -1, RunEnd = new DateOnly(2026, 4, 1) });
        var stale = await Cases().SaveNarrativeAsync(id, Guid.NewGuid(), Make.Narrative());

        Assert.Equal(["accelerator", "count", "runEnd"], invalid.Findings.Select(f => f.Field).Order(StringComparer.Ordinal));
        Assert.True(stale.Conflict);
    }

    [Fact]
    public async Task The_approved_version_stays_frozen_when_the_records_change_and_an_edit_makes_version_2()
    {
        var customer = await CustomerAsync();
        await AccessAsync("ACC-NORD-1", ("203.0.113.7", "2026-06-01T08:00:00Z"));
        var (id, version) = await WrittenAsync(customerId: customer);
        var approved = await ApprovedAsync(id, version);

        await AccessAsync("ACC-NORD-1", ("198.51.100.23", "2026-06-14T08:00:00Z"));
        var edited = await Cases("officer").SaveNarrativeAsync(id, approved, Make.Narrative() with { Cluster = "Now two data centres" });
        var again = await Cases("officer").MarkDraftReadyAsync(id, edited.Version!.Value);

        Assert.True(again.Ok, again.Message);
        var (v1, content1, _) = (await Cases().VersionAsync(id, 1))!.Value;
        var (v2, content2, detail) = (await Cases().VersionAsync(id, 2))!.Value;
        Assert.Equal(("approver", RulePack.DefaultVersion), (v1.ApprovedBy, v1.RulePackVersion));
        Assert.Equal(["203.0.113.7"], content1.IpAddresses.Select(i => i.Ip));
        Assert.Equal("Frankfurt FRA-2, 512 nodes, 400 Gbit/s InfiniBand", content1.Narrative.Cluster);
        Assert.False(v2.Approved);
        Assert.Equal(["203.0.113.7", "198.51.100.23"], content2.IpAddresses.Select(i => i.Ip));
        Assert.Equal(CaseState.DraftReady, detail.Row.State);
        Assert.Equal([2, 1], detail.Versions.Select(v => v.Number));
        Assert.Contains(await db.AuditEntriesAsync(), e => e.EntityType == "AiTrainingReportVersion" && e.Actor == "approver");
    }

    [Fact]
    public async Task A_filed_case_opens_a_linked_follow_up_for_a_changed_arrangement_and_both_link_to_each_other()
    {
        var (id, version) = await WrittenAsync();
        var approved = await ApprovedAsync(id, version);
        Assert.True((await Cases().FileAsync(id, approved, db.Get<PortalTime>().Today, "BIS-AI-7")).Ok);

        var edit = await Cases().SaveNarrativeAsync(id, (await Cases().GetAsync(id))!.Row.Version, Make.Narrative());
        var followUp = await Cases().FollowUpAsync(id, db.UtcNow);

        Assert.True(edit.Refused);
        Assert.True(followUp.Ok, followUp.Message);
        var later = (await Cases().GetAsync(followUp.Id!.Value))!;
        Assert.Equal((id, CaseTrigger.ChangedArrangement), (later.FollowUpOf!.Id, later.Row.Trigger));
        Assert.Equal(new DateOnly(2026, 6, 30), later.Row.DueDate);
        Assert.Contains("reference BIS-AI-7", later.Draft.FollowUpOf);
        Assert.Equal(followUp.Id, Assert.Single((await Cases().GetAsync(id))!.FollowUps).Id);
    }

    [Fact]
    public async Task A_resellers_end_customer_is_reported_through_it_and_only_with_the_accounts_it_reported()
    {
        var resellerCustomer = await CustomerAsync();
        var end = await Support.Customers.SubmittedForeignAsync(db.Get<CustomerService>(), db.Get<CustomerQueries>(), "Kleinkunde Berlin GmbH", "ACC-END-7");
        var resellers = db.Get<ResellerService>();
        var created = await resellers.CreateAsync(new NewResellerInput(resellerCustomer, "2026-01-15",
            new ResellerContactInput("Jonas Weber", "Head of Compliance", "jonas.weber@nordlicht.example", "030 9876543")));
        var detail = (await resellers.GetAsync(created.Id!.Value))!;
        Assert.True((await resellers.AddEndAccountAsync(detail.Id, detail.Version, "ACC-END-7")).Ok);

        var wrong = await Cases().OpenAsync(new OpenCaseInput(resellerCustomer, ["ACC-NORD-1"], CaseTrigger.ResellerReport, db.UtcNow, detail.Id));
        var opened = await Cases().OpenAsync(new OpenCaseInput(end, ["ACC-END-7"], CaseTrigger.ResellerReport, db.UtcNow, detail.Id));

        Assert.Equal("resellerId", Assert.Single(wrong.Findings).Field);
        Assert.True(opened.Ok, opened.Message);
        var c = (await Cases().GetAsync(opened.Id!.Value))!;
        Assert.Equal("Nordlicht Rechenzentrum GmbH (DE)", c.Reseller);
        Assert.Equal(c.Reseller, c.Draft.Reseller);
        var offered = Assert.Single(await Cases().ResellersAsync());
        Assert.Equal([end], offered.EndCustomerIds);
        Assert.Equal(["ACC-END-7"], offered.EndAccounts);
    }

    [Fact]
    public async Task The_pdf_of_an_approved_version_carries_every_section_the_arithmetic_the_approval_and_the_rule_pack()
    {
        var customer = await CustomerAsync();
        await AccessAsync("ACC-NORD-1", ("203.0.113.7", "2026-06-01T08:00:00Z"));
        await AiCases.PublishCipAsync(db.Get<CipService>());
        var (id, version) = await WrittenAsync(customerId: customer);
        await ApprovedAsync(id, version);

        var rendered = await db.Get<AiTrainingReportDocument>().RenderAsync(id, 1, "auditor");
        var missing = await db.Get<AiTrainingReportDocument>().RenderAsync(id, 2, "auditor");

        Assert.Null(missing);
        var text = string.Join(" ", ServiceTestDb.PageTexts(rendered!.Value.Pdf));
        Assert.Contains("Nordlicht Rechenzentrum GmbH", text);
        Assert.Contains("203.0.113.7", text);
        Assert.Contains("compliance@nordlicht.example", text);
        Assert.Contains("Dana Whitfield", text);
        Assert.Contains("= 4.20 × 10^24 operations", text);
        Assert.Contains("by approver", text);
        Assert.Contains($"Rule pack {RulePack.DefaultVersion}", text);
        Assert.Contains("Trained on exploit and vulnerability data", text);
        Assert.Equal("ai-training-report-Nordlicht-Rechenzentrum-GmbH-v1.pdf", rendered.Value.FileName);
    }

    [Fact]
    public async Task With_the_module_off_no_follow_up_opens_but_the_case_stays_readable()
    {
        var (id, version) = await WrittenAsync();
        var approved = await ApprovedAsync(id, version);
        Assert.True((await Cases().FileAsync(id, approved, db.Get<PortalTime>().Today, "BIS-AI-8")).Ok);
        var parameters = RulePack.Default.Parameters.ToDictionary(p => p.Key, p => p.Value);
        parameters["aiModuleEnabled"] = "false";
        await db.Get<RulePackService>().CreateAsync("Module off", db.Get<PortalTime>().Today, parameters, "admin");

        var followUp = await Cases().FollowUpAsync(id, db.UtcNow);

        Assert.True(followUp.Refused);
        var detail = (await Cases().GetAsync(id))!;
        Assert.False(detail.ModuleEnabled);
        Assert.Single(detail.Versions);
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
