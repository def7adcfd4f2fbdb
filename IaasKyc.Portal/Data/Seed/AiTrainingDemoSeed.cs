using IaasKyc.Domain.AiTraining;
using IaasKyc.Portal.Features;
using IaasKyc.Portal.Features.AiTraining;
using IaasKyc.Portal.Features.Resellers;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Data.Seed;

/// <summary>
/// Demo AI-training cases on seeded foreign customers: one opened by usage signals through the API (a second signal joined it) with
/// a draft in progress; one reported through a reseller with an approved, frozen version (due soon); one overdue and untouched; one
/// filed with a follow-up for a changed arrangement; and a small signal on another account that opened nothing.
/// </summary>
public sealed class AiTrainingDemoSeed : IDemoSeed
{
    private const string Officer = "officer@iaaskyc.example";
    private const string Approver = "approver@iaaskyc.example";
    private const string Planner = "api-key:capacity-planner (demo)";

    public int Order => 60;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct))
        {
            if (await db.TrainingCases.AnyAsync(ct)) return;
        }
        var cases = services.GetRequiredService<TrainingCaseService>();
        var customers = (await cases.ForeignCustomersAsync(ct)).Where(c => c.Accounts.Count > 0).ToList();
        var now = services.GetRequiredService<PortalTime>().UtcNow;
        var throughReseller = await EndCustomerAsync(services, customers, ct);
        var direct = customers.Where(c => c.Id != throughReseller?.Customer.Id && c.Id != throughReseller?.ResellerCustomerId).Take(5).ToList();
        if (direct.Count < 5) return;

        // 1. Usage signals: 8,192 H100 for 1,000 h crosses 10 % of 10^26; a second signal joins the case it opened.
        var account = direct[0].Accounts[0];
        var first = await Signal(services, new UsageSignalInput(account, "H100", 8192, 1000, null, now.AddDays(-45), now.AddDays(-3), 400, false), ct);
        await Signal(services, new UsageSignalInput(account, "h100", 1024, 200, 0.35, now.AddDays(-2), null, 400, false), ct);
        var signalled = first.CaseId!.Value;
        await Write(services, signalled, n => n with
        {
            Cluster = "Ashburn IAD-7: 1,024 nodes of 8 × H100 SXM, 400 Gbit/s InfiniBand NDR",
            IntendedUse = "Stated by the customer: a multilingual assistant for its own software developers.",
        }, ct);

        // 2. Through a reseller (or directly when no reseller reported an end customer): approved and frozen, awaiting filing.
        var (subject, account2, resellerId) = throughReseller is { } t ? (t.Customer, t.Account, (Guid?)t.ResellerId) : (direct[3], direct[3].Accounts[0], null);
        var viaReseller = await As(services, Officer, s => s.OpenAsync(new OpenCaseInput(subject.Id, [account2], CaseTrigger.ResellerReport,
            now.AddDays(-13), resellerId), ct));
        await Write(services, viaReseller.Id!.Value, _ => Narrative("B200", 2048, 1400, "Reported by the reseller on its quarterly report: a protein-design model.",
            "A model of this size trained on code and network-protocol data could help automate intrusion tooling.", "The reseller's compliance officer e-mailed the provider."), ct);
        await ReadyAndApprove(services, viaReseller.Id!.Value, ct);

        // 3. Overdue, nothing written yet.
        await As(services, Officer, s => s.OpenAsync(new OpenCaseInput(direct[1].Id, [direct[1].Accounts[0]], CaseTrigger.OfficerObservation, now.AddDays(-17)), ct));

        // 4. Filed, then the arrangement changed: a linked follow-up case.
        var filed = await As(services, Officer, s => s.OpenAsync(new OpenCaseInput(direct[2].Id, [direct[2].Accounts[0]], CaseTrigger.OfficerObservation, now.AddDays(-20)), ct));
        await Write(services, filed.Id!.Value, _ => Narrative("MI300X", 3000, 900, "A large language model for the customer's search product.",
            "The customer asked for tooling to fine-tune on penetration-testing transcripts.", "The account manager reported the request for a dedicated cluster."), ct);
        var approved = await ReadyAndApprove(services, filed.Id!.Value, ct);
        var today = services.GetRequiredService<PortalTime>().Today;
        await As(services, Officer, s => s.FileAsync(approved.Id!.Value, approved.Version!.Value, today, "DEMO-BIS-AI-0001 (fictional)", ct));
        await As(services, Officer, s => s.FollowUpAsync(filed.Id!.Value, now.AddHours(-1), ct));

        // 5. A small run on another account: stored, below the early-warning level, no case.
        await Signal(services, new UsageSignalInput(direct[4].Accounts[0], "A100", 64, 48, null, now.AddDays(-4), now.AddDays(-2), 200, false), ct);
    }

    /// <summary>
    /// A reseller's end customer: one the demo resellers reported already, or else the last foreign customer's account, reported now by
    /// the first reseller as its end customer's (as an Officer records it from the reseller's quarterly list).
    /// </summary>
    private static async Task<(Guid ResellerId, Guid ResellerCustomerId, CaseCustomer Customer, string Account)?> EndCustomerAsync(IServiceProvider services,
        List<CaseCustomer> customers, CancellationToken ct)
    {
        var resellers = services.GetRequiredService<ResellerService>();
        var listed = await resellers.ListAsync(ct);
        var offered = await services.GetRequiredService<TrainingCaseService>().ResellersAsync(ct);
        foreach (var r in offered)
        {
            if (customers.FirstOrDefault(c => r.EndCustomerIds.Contains(c.Id)) is { } known)
                return (r.Id, listed.First(l => l.Id == r.Id).CustomerId, known, known.Accounts.First(r.EndAccounts.Contains));
        }
        if (listed.Count == 0) return null;
        var reseller = listed[0];
        var end = customers.LastOrDefault(c => c.Id != reseller.CustomerId && !listed.Any(l => l.CustomerId == c.Id));
        if (end is null) return null;
        var detail = (await resellers.GetAsync(reseller.Id, ct))!;
        var linked = await DemoSeed.As(services, Officer, sp => sp.GetRequiredService<ResellerService>().AddEndAccountAsync(reseller.Id, detail.Version, end.Accounts[0], ct));
        return linked.Ok ? (reseller.Id, reseller.CustomerId, end, end.Accounts[0]) : null;
    }

    private static ReportNarrative Narrative(string accelerator, double count, double hours, string use, string cyber, string how) =>
        new(null, null, "Single data centre, 400 Gbit/s fabric", accelerator, count, hours, 0.4, 400, false, use, cyber, how);

    private static async Task<SignalRecorded> Signal(IServiceProvider services, UsageSignalInput input, CancellationToken ct) =>
        await DemoSeed.As(services, Planner, async sp =>
        {
            var (recorded, findings, unknown) = await sp.GetRequiredService<UsageSignalService>().RecordAsync(input, ct);
            return recorded ?? throw new InvalidOperationException($"Demo usage signal refused: {(unknown ? "unknown account" : string.Join(" ", findings.Select(f => f.Message)))}");
        });

    private static async Task Write(IServiceProvider services, Guid id, Func<ReportNarrative, ReportNarrative> change, CancellationToken ct)
    {
        var detail = (await services.GetRequiredService<TrainingCaseService>().GetAsync(id, ct))!;
        await As(services, Officer, s => s.SaveNarrativeAsync(id, detail.Row.Version, change(detail.Narrative), ct));
    }

    private static async Task<Outcome> ReadyAndApprove(IServiceProvider services, Guid id, CancellationToken ct)
    {
        var detail = (await services.GetRequiredService<TrainingCaseService>().GetAsync(id, ct))!;
        var ready = await As(services, Officer, s => s.MarkDraftReadyAsync(id, detail.Row.Version, ct));
        return await As(services, Approver, s => s.ApproveAsync(id, ready.Version!.Value, ct));
    }

    private static Task<Outcome> As(IServiceProvider services, string user, Func<TrainingCaseService, Task<Outcome>> work) =>
        DemoSeed.As(services, user, async sp =>
        {
            var outcome = await work(sp.GetRequiredService<TrainingCaseService>());
            return outcome.Ok ? outcome : throw new InvalidOperationException($"Demo AI-training case refused: {outcome.Message}");
        });
}
