using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Screening;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.SpecialMeasures;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.SpecialMeasures;

/// <summary>The register over SQLite in memory (today is 2026-06-15), and its effect on customers through the customer service.</summary>
public sealed class SpecialMeasureServiceTests : IAsyncLifetime
{
    private const string Officer = "officer@x";
    private const string Approver = "approver@x";

    private static readonly DateOnly Today = new(2026, 6, 15);
    private readonly ServiceTestDb db = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => db.DisposeAsync();

    /// <summary>Determined 200 days ago: in effect since 20 days.</summary>
    private static SpecialMeasureInput InEffect(string country = "DE", MeasureAction action = MeasureAction.Prohibit, string? condition = null) =>
        new(MeasureTarget.Jurisdiction, action, country, null, null, condition, Today.AddDays(-200), Today.AddDays(-20), null, "91 FR 12345 (test)", null);

    /// <summary>Determined 10 days ago: takes effect in 170 days.</summary>
    private static SpecialMeasureInput Pending(string country = "DE") =>
        new(MeasureTarget.Jurisdiction, MeasureAction.Prohibit, country, null, null, null, Today.AddDays(-10), Today.AddDays(170), null, "91 FR 23456 (test)", null);

    private async Task<Guid> RecordAsync(SpecialMeasureInput input, bool approve = true)
    {
        var recorded = await db.As<SpecialMeasureService>(Officer).RecordAsync(input);
        Assert.True(recorded.Ok, recorded.Message);
        if (approve)
        {
            var approved = await db.As<SpecialMeasureService>(Approver).ApproveAsync(recorded.Id!.Value, recorded.Version!.Value);
            Assert.True(approved.Ok, approved.Message);
        }
        return recorded.Id!.Value;
    }

    private Task<Guid> SubmittedGermanAsync(string name = "Nordlicht Rechenzentrum GmbH", string reference = "ACC-NORD-1") =>
        Support.Customers.SubmittedForeignAsync(db.Get<CustomerService>(), db.Get<CustomerQueries>(), name, reference);

    [Fact]
    public async Task A_wrong_entry_is_refused_at_its_fields_and_nothing_is_stored()
    {
        var outcome = await db.Get<SpecialMeasureService>().RecordAsync(InEffect() with { Country = "US", EffectiveDate = Today.AddDays(-21) });

        Assert.False(outcome.Ok);
        Assert.Equal(["country", "effectiveDate"], outcome.Findings.Select(f => f.Field));
        Assert.Empty(await db.Get<SpecialMeasureService>().ListAsync());
    }

    [Fact]
    public async Task Entries_get_running_register_numbers_and_await_approval()
    {
        await RecordAsync(InEffect(), approve: false);
        await RecordAsync(Pending("FR"), approve: false);

        var list = await db.Get<SpecialMeasureService>().ListAsync();

        Assert.Equal(["SM-002", "SM-001"], list.Select(m => m.Reference));
        Assert.All(list, m => Assert.Equal(MeasureStanding.AwaitingApproval, m.Standing));
    }

    [Fact]
    public async Task Whoever_recorded_an_entry_cannot_approve_it_and_another_Approver_can()
    {
        var id = await RecordAsync(InEffect(), approve: false);
        var version = (await db.Get<SpecialMeasureService>().GetAsync(id))!.Version;

        var own = await db.As<SpecialMeasureService>(Officer).ApproveAsync(id, version);
        var other = await db.As<SpecialMeasureService>(Approver).ApproveAsync(id, version);

        Assert.True(own.Refused);
        Assert.Equal("fourEyes", Assert.Single(own.Findings).Code);
        Assert.True(other.Ok, other.Message);
        var detail = (await db.Get<SpecialMeasureService>().GetAsync(id))!;
        Assert.Equal((MeasureStatus.Approved, Approver, MeasureStanding.InEffect), (detail.Status, detail.ApprovedBy, detail.Standing));
    }

    [Fact]
    public async Task An_approved_entry_is_not_approved_again_and_a_stale_version_is_a_conflict()
    {
        var recorded = await db.As<SpecialMeasureService>(Officer).RecordAsync(InEffect());
        Assert.True((await db.As<SpecialMeasureService>(Approver).ApproveAsync(recorded.Id!.Value, recorded.Version!.Value)).Ok);

        var stale = await db.As<SpecialMeasureService>("approver2@x").ApproveAsync(recorded.Id.Value, recorded.Version.Value);
        var again = await db.As<SpecialMeasureService>("approver2@x").ApproveAsync(recorded.Id.Value, (await db.Get<SpecialMeasureService>().GetAsync(recorded.Id.Value))!.Version);

        Assert.True(stale.Conflict);
        Assert.True(again.Refused);
    }

    [Fact]
    public async Task A_withdrawal_needs_a_reason_and_keeps_the_entry_in_the_register()
    {
        var id = await RecordAsync(InEffect());
        var service = db.As<SpecialMeasureService>(Approver);
        var version = (await service.GetAsync(id))!.Version;

        var missing = await service.WithdrawAsync(id, version, " ");
        var withdrawn = await service.WithdrawAsync(id, version, "Determination rescinded");

        Assert.Equal("reason", Assert.Single(missing.Findings).Field);
        Assert.True(withdrawn.Ok, withdrawn.Message);
        var detail = (await service.GetAsync(id))!;
        Assert.Equal((MeasureStanding.Withdrawn, "Determination rescinded"), (detail.Standing, detail.WithdrawalReason));
        Assert.Equal([id], (await service.ListAsync(MeasureStanding.Withdrawn)).Select(m => m.Id));
        Assert.Empty(await service.ListAsync(MeasureStanding.InEffect));
    }

    [Fact]
    public async Task The_impact_lists_each_touched_customer_with_its_reasons_and_open_accounts()
    {
        var german = await SubmittedGermanAsync();
        var created = await db.Get<CustomerService>().CreateAsync(Support.Customers.UsIndividual());
        Assert.True(created.Ok, created.Message);
        var id = await RecordAsync(InEffect("DE"));

        var detail = (await db.Get<SpecialMeasureService>().GetAsync(id))!;

        var touched = Assert.Single(detail.Impact);
        Assert.Equal((german, "Nordlicht Rechenzentrum GmbH", CustomerStatus.Submitted), (touched.CustomerId, touched.Name, touched.Status));
        Assert.Equal(["customerCountry", "addressCountry", "paymentIssuer", "phoneCountry"], touched.Reasons.Select(r => r.Code));
        Assert.Equal(["ACC-NORD-1"], touched.Accounts);
        var item = Assert.Single(await db.Get<SpecialMeasureService>().ListAsync());
        Assert.Equal((1, 1), (item.CustomersTouched, item.AccountsTouched));
    }

    [Fact]
    public async Task A_closed_customer_is_not_in_the_impact()
    {
        var german = await SubmittedGermanAsync();
        var version = (await db.Get<CustomerQueries>().GetAsync(german))!.Version;
        Assert.True((await db.Get<CustomerService>().CloseAsync(german, version, "Contract ended")).Ok);
        var id = await RecordAsync(InEffect("DE"));

        Assert.Empty((await db.Get<SpecialMeasureService>().GetAsync(id))!.Impact);
    }

    [Fact]
    public async Task A_prohibition_in_effect_makes_a_touched_customer_prohibited_and_blocks_its_verification_and_provisioning()
    {
        var german = await SubmittedGermanAsync();
        await RecordAsync(InEffect("DE"));

        var detail = (await db.Get<CustomerQueries>().GetAsync(german))!;
        var verify = await db.As<CustomerService>(Approver).VerifyAsync(german, detail.Version, null);

        Assert.Equal(RiskLevel.Prohibited, detail.Risk);
        Assert.Contains(detail.ComputedRisk.Factors, f => f.Code == "specialMeasureProhibition" && f.Description.Contains("SM-001"));
        Assert.Equal(Provisioning.Blocked, detail.Provisioning);
        Assert.Contains(detail.VerifyBlockers, f => f.Code == "verify.specialMeasure");
        Assert.False(verify.Ok);
        Assert.Contains("SM-001", Assert.Single(verify.Findings, f => f.Code == "verify.specialMeasure").Message);
        Assert.Equal(CustomerStatus.Submitted, (await db.Get<CustomerQueries>().GetAsync(german))!.Status);
    }

    [Fact]
    public async Task Approving_a_prohibition_in_effect_stores_the_prohibited_risk_of_the_customers_it_touches()
    {
        await SubmittedGermanAsync();
        await RecordAsync(InEffect("DE"));

        var listed = await db.Get<CustomerQueries>().ListAsync(new CustomerQuery(Risk: RiskLevel.Prohibited));

        Assert.Equal(["Nordlicht Rechenzentrum GmbH"], listed.Items.Select(c => c.Name));
    }

    [Fact]
    public async Task A_pending_prohibition_neither_prohibits_nor_blocks_verification()
    {
        var german = await SubmittedGermanAsync();
        await RecordAsync(Pending("DE"));

        var detail = (await db.Get<CustomerQueries>().GetAsync(german))!;
        var verify = await db.As<CustomerService>(Approver).VerifyAsync(german, detail.Version, null);

        Assert.NotEqual(RiskLevel.Prohibited, detail.Risk);
        Assert.DoesNotContain(detail.ComputedRisk.Factors, f => f.Code.StartsWith("specialMeasure", StringComparison.Ordinal));
        Assert.True(verify.Ok, verify.Message);
    }

    [Fact]
    public async Task When_a_prohibition_approved_ahead_takes_effect_and_later_expires_the_hourly_job_stores_the_customers_risk()
    {
        var german = await SubmittedGermanAsync();
        await RecordAsync(Pending("DE") with { ExpiryDate = Today.AddDays(200) });
        var job = db.As<SpecialMeasureService>(SpecialMeasureRiskJob.ActorName);
        Task<RiskLevel> StoredRiskAsync() => db.Get<CustomerQueries>().ListAsync(new CustomerQuery()).ContinueWith(t => t.Result.Items.Single().Risk);
        var before = await StoredRiskAsync();
        Assert.NotEqual(RiskLevel.Prohibited, before);
        Assert.Equal(0, await job.RefreshRiskOfMeasuresChangingStandingAsync());

        db.Clock.Advance(TimeSpan.FromDays(170)); // the effective date
        Assert.Equal(1, await job.RefreshRiskOfMeasuresChangingStandingAsync());
        Assert.Equal(RiskLevel.Prohibited, await StoredRiskAsync());
        Assert.Equal(["Nordlicht Rechenzentrum GmbH"], (await db.Get<CustomerQueries>().ListAsync(new CustomerQuery(Risk: RiskLevel.Prohibited))).Items.Select(c => c.Name));
        Assert.Contains(await db.AuditEntriesAsync(), e => e is { EntityType: "Customer", Actor: SpecialMeasureRiskJob.ActorName } && string.Equals(e.EntityId, german.ToString(), StringComparison.OrdinalIgnoreCase));

        db.Clock.Advance(TimeSpan.FromDays(31)); // a day past the expiry (days the job did not run are caught up)
        Assert.Equal(1, await job.RefreshRiskOfMeasuresChangingStandingAsync());
        Assert.Equal(before, await StoredRiskAsync());
    }

    [Fact]
    public async Task An_entry_awaiting_approval_does_not_count_even_when_its_dates_are_in_effect()
    {
        var german = await SubmittedGermanAsync();
        await RecordAsync(InEffect("DE"), approve: false);

        Assert.NotEqual(RiskLevel.Prohibited, (await db.Get<CustomerQueries>().GetAsync(german))!.Risk);
    }

    [Fact]
    public async Task A_withdrawn_prohibition_no_longer_counts()
    {
        var german = await SubmittedGermanAsync();
        var id = await RecordAsync(InEffect("DE"));
        var service = db.As<SpecialMeasureService>(Approver);
        Assert.True((await service.WithdrawAsync(id, (await service.GetAsync(id))!.Version, "Rescinded")).Ok);

        Assert.NotEqual(RiskLevel.Prohibited, (await db.Get<CustomerQueries>().GetAsync(german))!.Risk);
        Assert.Empty((await db.Get<CustomerQueries>().ListAsync(new CustomerQuery(Risk: RiskLevel.Prohibited))).Items);
    }

    [Fact]
    public async Task A_condition_in_effect_raises_the_customer_to_high_with_its_condition_text_and_does_not_block_verification()
    {
        var german = await SubmittedGermanAsync();
        await RecordAsync(InEffect("DE", MeasureAction.Condition, "No GPU products; access records reviewed monthly"));

        var detail = (await db.Get<CustomerQueries>().GetAsync(german))!;

        Assert.Equal(RiskLevel.High, detail.Risk);
        Assert.Contains(detail.ComputedRisk.Factors, f => f.Code == "specialMeasureCondition" && f.Description.Contains("No GPU products; access records reviewed monthly"));
        Assert.DoesNotContain(detail.VerifyBlockers, f => f.Code == "verify.specialMeasure");
    }

    [Fact]
    public async Task Changes_to_the_register_are_in_the_audit_trail()
    {
        await RecordAsync(InEffect());

        var entries = await db.AuditEntriesAsync();

        Assert.Equal(["create", "update"], entries.Where(e => e.EntityType == "SpecialMeasure").Select(e => e.Action));
    }
}
