using System.Threading.Channels;
using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Screening;

public sealed record BatchView(Guid Id, string Reason, BatchState State, int Total, int Done, int NewHits, DateTime QueuedAtUtc, DateTime? StartedAtUtc,
    DateTime? FinishedAtUtc, string? Error)
{
    public double Fraction => Total == 0 ? (State == BatchState.Finished ? 1 : 0) : (double)Done / Total;
}

/// <summary>
/// Re-screening after a list changes (issue 5, item 3): a batch is stored with its progress, so the Admin page shows it
/// after a reload and a batch interrupted by a restart runs again (screening is idempotent: hits already open or decided
/// are not raised twice). Queued batches are merged: one run covers every change queued before it started.
/// </summary>
public sealed class RescreenQueue(IServiceScopeFactory scopes, ILogger<RescreenQueue> logger)
{
    private static readonly CustomerStatus[] Screened = [CustomerStatus.Submitted, CustomerStatus.Escalated, CustomerStatus.Restricted, CustomerStatus.Verified];
    private readonly Channel<bool> signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim running = new(1, 1);

    public ChannelReader<bool> Signals => signal.Reader;

    public async Task EnqueueAsync(string reason, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var time = scope.ServiceProvider.GetRequiredService<PortalTime>();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        var queued = await db.ScreeningBatches.FirstOrDefaultAsync(b => b.State == BatchState.Queued, ct);
        if (queued is null)
        {
            db.ScreeningBatches.Add(new ScreeningBatch { Id = Guid.NewGuid(), Reason = Clip(reason), State = BatchState.Queued, QueuedAtUtc = time.UtcNow });
        }
        else
        {
            queued.Reason = Clip(queued.Reason + "; " + reason);
        }
        await db.SaveChangesAsync(ct);
        signal.Writer.TryWrite(true);
    }

    /// <summary>The latest batch, for the progress bar.</summary>
    public async Task<BatchView?> LatestAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        var b = await db.ScreeningBatches.AsNoTracking().OrderByDescending(x => x.QueuedAtUtc).FirstOrDefaultAsync(ct);
        return b is null ? null : new BatchView(b.Id, b.Reason, b.State, b.Total, b.Done, b.NewHits, b.QueuedAtUtc, b.StartedAtUtc, b.FinishedAtUtc, b.Error);
    }

    /// <summary>Runs every queued or interrupted batch to its end (the background worker calls it; tests call it directly).</summary>
    public async Task RunPendingAsync(CancellationToken ct = default)
    {
        await running.WaitAsync(ct);
        try
        {
            while (await NextAsync(ct) is { } batchId) await RunAsync(batchId, ct);
        }
        finally
        {
            running.Release();
        }
    }

    private async Task<Guid?> NextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        return await db.ScreeningBatches.Where(b => b.State == BatchState.Running || b.State == BatchState.Queued)
            .OrderBy(b => b.QueuedAtUtc).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
    }

    private async Task RunAsync(Guid batchId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<AuditActor>().Use("system:re-screening");
        var time = services.GetRequiredService<PortalTime>();
        var screening = services.GetRequiredService<ScreeningService>();
        var dbFactory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

        List<Guid> ids;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            ids = await db.Customers.Where(c => Screened.Contains(c.Status)).OrderBy(c => c.CreatedAtUtc).Select(c => c.Id).ToListAsync(ct);
            await UpdateAsync(db, batchId, b =>
            {
                b.State = BatchState.Running;
                b.StartedAtUtc = time.UtcNow;
                b.Total = ids.Count;
                b.Done = 0;
                b.NewHits = 0;
            }, ct);
        }

        int done = 0, newHits = 0;
        var lastReport = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            foreach (var id in ids)
            {
                var (outcome, summary) = await screening.ScreenAsync(id, ScreeningTrigger.ListChange, ct);
                if (outcome.Conflict) (outcome, summary) = await screening.ScreenAsync(id, ScreeningTrigger.ListChange, ct);
                newHits += summary?.NewHits ?? 0;
                done++;
                if (lastReport.ElapsedMilliseconds >= 500 || done == ids.Count)
                {
                    await using var db = await dbFactory.CreateDbContextAsync(ct);
                    await UpdateAsync(db, batchId, b => (b.Done, b.NewHits) = (done, newHits), ct);
                    lastReport.Restart();
                }
            }
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
                await UpdateAsync(db, batchId, b => (b.State, b.Done, b.NewHits, b.FinishedAtUtc) = (BatchState.Finished, done, newHits, time.UtcNow), ct);
            logger.LogInformation("Re-screening batch {Batch} finished: {Done} customers, {Hits} new hits", batchId, done, newHits);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Re-screening batch {Batch} failed after {Done} customers", batchId, done);
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await UpdateAsync(db, batchId, b => (b.State, b.Error, b.FinishedAtUtc) = (BatchState.Failed, "The batch stopped: " + e.Message, time.UtcNow), CancellationToken.None);
        }
    }

    private static async Task UpdateAsync(PortalDbContext db, Guid id, Action<ScreeningBatch> change, CancellationToken ct)
    {
        var batch = await db.ScreeningBatches.FirstAsync(b => b.Id == id, ct);
        change(batch);
        await db.SaveChangesAsync(ct);
    }

    private static string Clip(string s) => s.Length <= 400 ? s : s[..399] + "…";
}

/// <summary>
/// Runs re-screening batches in the background, and any batch a restart interrupted. With several instances on one
/// PostgreSQL database one runs the batches at a time (<see cref="JobLeases"/>), and each looks for queued batches every minute.
/// </summary>
public sealed class RescreenWorker(RescreenQueue queue, JobLeases leases, ILogger<RescreenWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                await leases.RunExclusiveAsync("rescreen", TimeSpan.FromMinutes(2), queue.RunPendingAsync, stoppingToken);
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(TimeSpan.FromMinutes(1));
                try
                {
                    await queue.Signals.WaitToReadAsync(wait.Token);
                    queue.Signals.TryRead(out _);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // A minute without a signal here: another instance may have queued a batch.
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("Re-screening worker stopped");
        }
    }
}
