using IaasKyc.Domain.AiTraining;
using IaasKyc.Portal.Features;
using IaasKyc.Portal.Features.AiTraining;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Data.Seed;

/// <summary>
/// Demo AI-training cases on seeded foreign customers, one for each countdown: on time, due soon (draft ready), overdue,
/// and one filed after an Approver's approval (four-eyes).
/// </summary>
public sealed class AiTrainingDemoSeed : IDemoSeed
{
    private const string Officer = "officer@iaaskyc.example";
    private const string Approver = "approver@iaaskyc.example";

    public int Order => 60;

    public async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct))
        {
            if (await db.TrainingCases.AnyAsync(ct)) return;
        }
        var customers = (await services.GetRequiredService<TrainingCaseService>().ForeignCustomersAsync(ct)).Where(c => c.Accounts.Count > 0).Take(4).ToList();
        var now = services.GetRequiredService<PortalTime>().UtcNow;
        (int DaysAgo, CaseTrigger Trigger)[] plan = [(3, CaseTrigger.UsageSignal), (13, CaseTrigger.ResellerReport), (17, CaseTrigger.OfficerObservation), (8, CaseTrigger.UsageSignal)];
        for (var i = 0; i < customers.Count; i++)
        {
            var c = customers[i];
            var opened = await As(services, Officer, s => s.OpenAsync(new OpenCaseInput(c.Id, [c.Accounts[0]], plan[i].Trigger, now.AddDays(-plan[i].DaysAgo)), ct));
            if (i is 1 or 3) opened = await As(services, Officer, s => s.MarkDraftReadyAsync(opened.Id!.Value, opened.Version!.Value, ct));
            if (i == 3)
            {
                var approved = await As(services, Approver, s => s.ApproveAsync(opened.Id!.Value, opened.Version!.Value, ct));
                var today = services.GetRequiredService<PortalTime>().Today;
                await As(services, Officer, s => s.FileAsync(approved.Id!.Value, approved.Version!.Value, today, "DEMO-BIS-AI-0001 (fictional)", ct));
            }
        }
    }

    private static Task<Outcome> As(IServiceProvider services, string user, Func<TrainingCaseService, Task<Outcome>> work) =>
        DemoSeed.As(services, user, async sp =>
        {
            var outcome = await work(sp.GetRequiredService<TrainingCaseService>());
            return outcome.Ok ? outcome : throw new InvalidOperationException($"Demo AI-training case refused: {outcome.Message}");
        });
}
