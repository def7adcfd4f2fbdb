using IaasKyc.Domain.AiTraining;
using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.AiTraining;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Portal.Features.RulePacks;
using IaasKyc.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Tests.Features.AiTraining;

/// <summary>Usage signals over SQLite; the clock starts 2026-06-15 14:00 UTC.</summary>
public sealed class UsageSignalServiceTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();

    private UsageSignalService Signals => db.As<UsageSignalService>("api-key:planner");

    private async Task ForeignAsync()
    {
        await AiCases.CatalogueAsync(db.Get<IDbContextFactory<PortalDbContext>>());
        await Support.Customers.SubmittedForeignAsync(db.Get<CustomerService>(), db.Get<CustomerQueries>());
    }

    private UsageSignalInput Input(double count, double hours = 1000, string accelerator = "H100", string account = "ACC-NORD-1", double? utilization = null) =>
        new(account, accelerator, count, hours, utilization, db.UtcNow.AddDays(-10), db.UtcNow.AddDays(-1), 400, false);

    private async Task<SignalRecorded> RecordAsync(UsageSignalInput input)
    {
        var (recorded, findings, unknown) = await Signals.RecordAsync(input);
        Assert.False(unknown);
        Assert.True(recorded is not null, string.Join(" ", findings.Select(f => $"{f.Field}: {f.Message}")));
        return recorded;
    }

    [Fact]
    public async Task The_cumulative_estimate_of_an_account_opens_one_case_that_later_signals_join()
    {
        await ForeignAsync();

        var small = await RecordAsync(Input(1024));
        var large = await RecordAsync(Input(8192));
        var later = await RecordAsync(Input(16, hours: 2, utilization: 0.3));

        Assert.Null(small.CaseId);
        Assert.Equal(1024.0 * 1000 * 3600 * 989e12 * 0.4, small.Estimate.EstimatedOperations, 1e12);
        Assert.NotNull(large.CaseId);
        Assert.Equal(large.CaseId, later.CaseId);
        var c = (await db.Get<TrainingCaseService>().GetAsync(large.CaseId!.Value))!;
        Assert.Equal((CaseTrigger.UsageSignal, db.UtcNow, new DateOnly(2026, 6, 30)), (c.Row.Trigger, c.Row.KnowledgeAtUtc, c.Row.DueDate));
        Assert.Equal(3, c.Draft.Signals.Count);
        Assert.Equal(small.Estimate.EstimatedOperations + large.Estimate.EstimatedOperations + later.Estimate.EstimatedOperations, c.Draft.SignalsTotalOps, 1e12);
        Assert.Equal(("H100", 8192.0, 1000.0), (c.Narrative.Accelerator, c.Narrative.AcceleratorCount, c.Narrative.Hours));
        Assert.Contains("ACC-NORD-1", c.Narrative.HowLearned);
        Assert.Single(await db.Get<TrainingCaseService>().ListAsync());
        Assert.Contains(await db.AuditEntriesAsync(), e => e.EntityType == "UsageSignal" && e.Actor == "api-key:planner");
    }

    [Fact]
    public async Task With_the_module_off_signals_are_stored_and_open_nothing()
    {
        await ForeignAsync();
        var parameters = RulePack.Default.Parameters.ToDictionary(p => p.Key, p => p.Value);
        parameters["aiModuleEnabled"] = "false";
        await db.Get<RulePackService>().CreateAsync("Module off", db.Get<PortalTime>().Today, parameters, "admin");

        var recorded = await RecordAsync(Input(100_000));

        Assert.Null(recorded.CaseId);
        await using var context = db.NewContext();
        Assert.Equal(1, await context.UsageSignals.CountAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await db.Get<TrainingCaseService>().ListAsync());
    }

    [Fact]
    public async Task A_us_persons_run_is_stored_without_a_case()
    {
        await AiCases.CatalogueAsync(db.Get<IDbContextFactory<PortalDbContext>>());
        Assert.True((await db.Get<CustomerService>().CreateAsync(Support.Customers.UsIndividual())).Ok);

        var recorded = await RecordAsync(Input(100_000, account: "ACC-US-1"));

        Assert.Null(recorded.CaseId);
    }

    [Fact]
    public async Task Invalid_values_are_named_by_field_and_an_unknown_account_is_reported_as_such()
    {
        await ForeignAsync();

        var (bad, findings, _) = await Signals.RecordAsync(Input(0, hours: -1, accelerator: "TPUv9") with { End = db.UtcNow.AddDays(-20) });
        var (_, _, unknown) = await Signals.RecordAsync(Input(8, account: "ACC-NOPE"));

        Assert.Null(bad);
        Assert.Equal(["accelerator", "acceleratorCount", "end", "hours"], findings.Select(f => f.Field).Order(StringComparer.Ordinal));
        Assert.True(unknown);
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
