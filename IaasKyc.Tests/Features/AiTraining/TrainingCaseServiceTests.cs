using IaasKyc.Domain.AiTraining;
using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Features.AiTraining;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.RulePacks;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.AiTraining;

/// <summary>Cases over SQLite; the clock starts Monday 15 June 2026, 10:00 in New York.</summary>
public sealed class TrainingCaseServiceTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();

    private async Task<Guid> ForeignCustomerAsync()
    {
        await AiCases.CatalogueAsync(db.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<Portal.Data.PortalDbContext>>());
        return await Support.Customers.SubmittedForeignAsync(db.Get<CustomerService>(), db.Get<CustomerQueries>());
    }

    private async Task<Guid> OpenedAsync(string by = "officer")
    {
        var customer = await ForeignCustomerAsync();
        var outcome = await db.As<TrainingCaseService>(by).OpenAsync(new OpenCaseInput(customer, ["ACC-NORD-1"], CaseTrigger.OfficerObservation, db.UtcNow.AddDays(-2)));
        Assert.True(outcome.Ok, outcome.Message);
        var written = await db.As<TrainingCaseService>(by).SaveNarrativeAsync(outcome.Id!.Value, outcome.Version!.Value, Make.Narrative());
        Assert.True(written.Ok, written.Message);
        return outcome.Id!.Value;
    }

    private async Task<CaseRow> RowAsync(Guid id) => (await db.Get<TrainingCaseService>().ListAsync()).Single(r => r.Id == id);

    [Fact]
    public async Task An_opened_case_is_due_15_days_after_the_date_of_knowledge_and_counts_down()
    {
        var id = await OpenedAsync();

        var row = await RowAsync(id);

        Assert.Equal(new DateOnly(2026, 6, 28), row.DueDate);
        Assert.Equal(CaseState.Open, row.State);
        Assert.Equal(DeadlineState.OnTime, row.Countdown);
        Assert.Equal("13 days left", row.CountdownText);
        Assert.Equal("Nordlicht Rechenzentrum GmbH", row.CustomerName);
        db.Clock.Advance(TimeSpan.FromDays(11));
        Assert.Equal(DeadlineState.DueSoon, (await RowAsync(id)).Countdown);
        db.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal("1 day overdue", (await RowAsync(id)).CountdownText);
    }

    [Fact]
    public async Task Opening_names_each_invalid_value_at_its_field()
    {
        var customer = await ForeignCustomerAsync();
        var service = db.Get<TrainingCaseService>();

        var unknownCustomer = await service.OpenAsync(new OpenCaseInput(Guid.NewGuid(), ["ACC-NORD-1"], CaseTrigger.UsageSignal, db.UtcNow));
        var badAccountAndDate = await service.OpenAsync(new OpenCaseInput(customer, ["ACC-OTHER"], CaseTrigger.UsageSignal, db.UtcNow.AddDays(1)));

        Assert.Equal("customerId", Assert.Single(unknownCustomer.Findings).Field);
        Assert.Equal(["accounts", "knowledgeAt"], badAccountAndDate.Findings.Select(f => f.Field));
        Assert.Empty(await service.ListAsync());
    }

    [Fact]
    public async Task The_draft_is_approved_by_someone_else_then_filed_and_the_clock_stops()
    {
        var id = await OpenedAsync();
        var ready = await db.As<TrainingCaseService>("officer").MarkDraftReadyAsync(id, (await RowAsync(id)).Version);

        var own = await db.As<TrainingCaseService>("officer").ApproveAsync(id, ready.Version!.Value);
        var approved = await db.As<TrainingCaseService>("approver").ApproveAsync(id, ready.Version!.Value);
        var filed = await db.As<TrainingCaseService>("officer").FileAsync(id, approved.Version!.Value, new DateOnly(2026, 6, 15), "BIS-AI-2026-7");

        Assert.True(own.Refused);
        Assert.True(filed.Ok, filed.Message);
        var row = await RowAsync(id);
        Assert.Equal(CaseState.Filed, row.State);
        Assert.Null(row.Countdown);
        Assert.Contains(await db.AuditEntriesAsync(), e => e.EntityType == "AiTrainingCase" && e.Actor == "approver");
    }

    [Fact]
    public async Task Filing_needs_a_reference_and_a_date_not_in_the_future()
    {
        var id = await OpenedAsync();

        var outcome = await db.Get<TrainingCaseService>().FileAsync(id, (await RowAsync(id)).Version, new DateOnly(2026, 6, 16), " ");

        Assert.Equal(["filedOn", "reference"], outcome.Findings.Select(f => f.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Closing_as_not_reportable_needs_another_persons_agreement_and_a_stale_version_conflicts()
    {
        var id = await OpenedAsync();
        var proposed = await db.As<TrainingCaseService>("lead").ProposeCloseAsync(id, (await RowAsync(id)).Version, "Inference only.");

        var own = await db.As<TrainingCaseService>("lead").AgreeCloseAsync(id, proposed.Version!.Value);
        var stale = await db.As<TrainingCaseService>("approver").AgreeCloseAsync(id, Guid.NewGuid());
        var agreed = await db.As<TrainingCaseService>("approver").AgreeCloseAsync(id, proposed.Version!.Value);

        Assert.True(own.Refused);
        Assert.True(stale.Conflict);
        Assert.True(agreed.Ok, agreed.Message);
        Assert.Equal(CaseState.ClosedNotReportable, (await RowAsync(id)).State);
    }

    [Fact]
    public async Task With_the_module_switched_off_no_case_opens_and_existing_ones_stay_listed()
    {
        var id = await OpenedAsync();
        var parameters = RulePack.Default.Parameters.ToDictionary(p => p.Key, p => p.Value);
        parameters["aiModuleEnabled"] = "false";
        var (created, findings) = await db.Get<RulePackService>().CreateAsync("Module off", db.Get<Portal.Data.PortalTime>().Today, parameters, "admin");
        Assert.Empty(findings);
        Assert.NotNull(created);
        var customer = (await RowAsync(id)).CustomerId;

        var outcome = await db.Get<TrainingCaseService>().OpenAsync(new OpenCaseInput(customer, ["ACC-NORD-1"], CaseTrigger.UsageSignal, db.UtcNow));

        Assert.True(outcome.Refused);
        Assert.Single(await db.Get<TrainingCaseService>().ListAsync());
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
