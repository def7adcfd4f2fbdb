using IaasKyc.Domain;
using IaasKyc.Domain.AiTraining;
using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.RulePacks;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.AiTraining;

/// <summary>A usage signal as a provider system sends it (issue 7 item 6); times with an offset, stored in UTC.</summary>
public sealed record UsageSignalInput(string? AccountReference, string? Accelerator, double? AcceleratorCount, double? Hours, double? Utilization,
    DateTimeOffset? Start, DateTimeOffset? End, double? NetworkGbps, bool? BiologicalData);

/// <summary>What storing a signal gave: its estimate and the case it opened or joined (null: none).</summary>
public sealed record SignalRecorded(ComputeEstimate Estimate, Guid? CaseId, Guid SignalId);

/// <summary>
/// Usage signals (issue 7 item 6): each is stored with its estimate; an account's cumulative estimate at or above the early-warning
/// fraction of the threshold opens a case for a foreign customer, with the signal's receipt as the date of knowledge; one open case
/// per account, which later signals join. With the module off, signals are stored and open nothing.
/// </summary>
public sealed class UsageSignalService(IDbContextFactory<PortalDbContext> dbFactory, AiTrainingService estimator, AuditActor actor, PortalTime time)
{
    public async Task<(SignalRecorded? Recorded, IReadOnlyList<Finding> Findings, bool UnknownAccount)> RecordAsync(UsageSignalInput input, CancellationToken ct = default)
    {
        var f = new List<Finding>();
        var reference = IntakeRules.Text(input.AccountReference, "accountReference", 100, f, required: true, "Give the account reference.");
        if (input.Start is null) f.Add(new("start.required", "Give the time the run started, with an offset (2026-06-01T08:00:00Z).", "start"));
        else if (input.Start.Value.UtcDateTime > time.UtcNow.AddMinutes(5)) f.Add(new("start.future", "The start cannot be in the future.", "start"));
        if (input.Start is { } s && input.End is { } e && e < s) f.Add(new("end.order", "The end cannot be before the start.", "end"));
        var (estimate, findings) = await estimator.EstimateAsync(
            new AcceleratorEstimateInput(input.Accelerator, input.AcceleratorCount, input.Hours, input.Utilization, input.NetworkGbps, input.BiologicalData == true), ct);
        // The estimator names its inputs as the estimate query does; the signal's body calls the count acceleratorCount.
        f.AddRange(findings.Select(x => x.Field == "count" ? x with { Field = "acceleratorCount" } : x));
        if (f.Count > 0) return (null, f, false);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = await db.Accounts.AsNoTracking().FirstOrDefaultAsync(a => a.Reference == reference, ct);
        if (account is null) return (null, [], true);
        var customer = await db.Customers.AsNoTracking().FirstAsync(c => c.Id == account.CustomerId, ct);
        var rules = await RulePackService.ActiveAsync(db, time.Today, ct);
        var now = time.UtcNow;
        var accelerator = (await estimator.FindAcceleratorAsync(input.Accelerator, ct))!;
        var signal = new UsageSignal(Guid.NewGuid(), account.Id, account.CustomerId, accelerator.Name, input.AcceleratorCount!.Value, input.Hours!.Value,
            input.Utilization ?? rules.AiDefaultUtilization, input.Start!.Value.UtcDateTime, input.End?.UtcDateTime, input.NetworkGbps, input.BiologicalData == true,
            estimate!, rules.Version, now);

        var earlier = await db.UsageSignals.AsNoTracking().Where(x => x.AccountId == account.Id)
            .Select(x => new { x.EstimatedOperations, x.BiologicalData }).ToListAsync(ct);
        var cumulative = earlier.Sum(x => x.EstimatedOperations) + signal.EstimatedOperations;
        var biological = signal.BiologicalData || earlier.Any(x => x.BiologicalData);
        var running = (await db.TrainingCases.Where(c => c.CustomerId == account.CustomerId).ToListAsync(ct))
            .FirstOrDefault(c => c.ClockRunning && c.AccountReferences.Split(',', StringSplitOptions.TrimEntries).Contains(account.Reference));
        switch (SignalPolicy.Decide(cumulative, biological, customer.UsPerson != true, running is not null, rules))
        {
            case SignalDecision.AttachToOpenCase:
                signal.AttachTo(running!.Id);
                break;
            case SignalDecision.OpenCase:
                var resellerId = await db.ResellerEndAccounts.Where(x => x.AccountId == account.Id).Select(x => (Guid?)x.ResellerId).FirstOrDefaultAsync(ct);
                var opened = new TrainingCase(Guid.NewGuid(), customer.Id, account.Reference, CaseTrigger.UsageSignal, now, rules, time.Zone,
                    await actor.NameAsync(), now, resellerId);
                opened.EditNarrative(ReportNarrative.Empty with
                {
                    RunStart = DateOnly.FromDateTime(time.ToLocal(signal.StartUtc)),
                    RunEnd = signal.EndUtc is { } end ? DateOnly.FromDateTime(time.ToLocal(end)) : null,
                    Accelerator = signal.Accelerator,
                    AcceleratorCount = signal.AcceleratorCount,
                    Hours = signal.Hours,
                    Utilization = input.Utilization,
                    NetworkGbps = signal.NetworkGbps,
                    BiologicalData = biological,
                    HowLearned = $"Usage signal from the provider's systems received {time.Format(now)}: account {account.Reference}, cumulative estimate " +
                        $"{ComputeEstimator.Sci(cumulative)} operations, at or above the early-warning level of {ComputeEstimator.Sci(SignalPolicy.EarlyWarningOps(rules, biological))}.",
                }, await actor.NameAsync(), now);
                db.TrainingCases.Add(opened);
                await RulePackService.RecordUseAsync(db, rules.Version, now, ct);
                signal.AttachTo(opened.Id);
                // The account's earlier signals made up the cumulative estimate: they belong to the case too.
                foreach (var unattached in await db.UsageSignals.Where(x => x.AccountId == account.Id && x.CaseId == null).ToListAsync(ct))
                    unattached.AttachTo(opened.Id);
                break;
        }
        db.UsageSignals.Add(signal);
        await db.SaveChangesAsync(ct);
        return (new SignalRecorded(estimate!, signal.CaseId, signal.Id), [], false);
    }
}
