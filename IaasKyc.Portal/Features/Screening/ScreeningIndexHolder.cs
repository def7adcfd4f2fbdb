using IaasKyc.Domain.Screening;
using IaasKyc.Portal.Data;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Screening;

/// <summary>The matcher over the active snapshots, with the snapshots it was built from (what a screening records it used).</summary>
public sealed record ScreeningState(ScreeningIndex Index, IReadOnlyList<SnapshotUsed> Snapshots)
{
    public static ScreeningState Empty { get; } = new(ScreeningIndex.Empty, []);
}

/// <summary>
/// Holds the in-memory matcher (issue 5, item 2): rebuilt from the active snapshots' stored files at start-up and after each
/// import. Readers take <see cref="Current"/> once and use it; a rebuild swaps in a new state, never changes one in use.
/// </summary>
public sealed class ScreeningIndexHolder(IServiceScopeFactory scopes, ILogger<ScreeningIndexHolder> logger)
{
    private readonly SemaphoreSlim rebuild = new(1, 1);
    private readonly Dictionary<ListSource, (SnapshotUsed Snapshot, IReadOnlyList<ListEntry> Entries)> bySource = [];
    private volatile ScreeningState current = ScreeningState.Empty;

    public ScreeningState Current => current;

    /// <summary>Re-reads every active snapshot from the database and rebuilds the matcher.</summary>
    public async Task ReloadAsync(CancellationToken ct = default)
    {
        await rebuild.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
            var active = await db.ListSnapshots.AsNoTracking().Include(s => s.Files).Where(s => s.Active).ToListAsync(ct);
            bySource.Clear();
            foreach (var snapshot in active)
            {
                if (!ListSources.TryParse(snapshot.Source, out var source)) continue;
                var parsed = ListImporter.Parse(source, snapshot.Files.ToDictionary(f => f.Name, f => f.Content));
                if (parsed.List is null)
                {
                    // The files were accepted once; refusing them now means the importer changed. Say so rather than screen against nothing silently.
                    logger.LogError("The active {Source} snapshot {Id} no longer parses: {File} line {Line}: {Reason}",
                        snapshot.Source, snapshot.Id, parsed.Error?.File, parsed.Error?.Line, parsed.Error?.Reason);
                    continue;
                }
                bySource[source] = (Describe(snapshot), parsed.List.Entries);
            }
            Swap();
        }
        finally
        {
            rebuild.Release();
        }
    }

    /// <summary>
    /// Reloads when the active snapshots differ from the ones the matcher was built from (another instance imported a
    /// list); a cheap query of the active snapshot ids otherwise. Returns whether it reloaded.
    /// </summary>
    public async Task<bool> ReloadIfChangedAsync(CancellationToken ct = default)
    {
        List<Guid> active;
        await using (var scope = scopes.CreateAsyncScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct))
            active = await db.ListSnapshots.Where(s => s.Active).Select(s => s.Id).ToListAsync(ct);
        if (active.Order().SequenceEqual(current.Snapshots.Select(s => s.Id).Order())) return false;
        await ReloadAsync(ct);
        return true;
    }

    /// <summary>Replaces one source's entries after an import (the other sources are kept as parsed).</summary>
    public async Task ReplaceAsync(ListSource source, SnapshotUsed snapshot, IReadOnlyList<ListEntry> entries, CancellationToken ct = default)
    {
        await rebuild.WaitAsync(ct);
        try
        {
            bySource[source] = (snapshot, entries);
            Swap();
        }
        finally
        {
            rebuild.Release();
        }
    }

    private void Swap()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var index = ScreeningIndex.Build(bySource.Values.SelectMany(v => v.Entries));
        current = new ScreeningState(index, [.. bySource.OrderBy(kv => kv.Key).Select(kv => kv.Value.Snapshot)]);
        logger.LogInformation("Screening index built: {Entries} entries, {Names} names from {Snapshots} snapshot(s) in {Ms} ms",
            index.EntryCount, index.NameCount, bySource.Count, started.ElapsedMilliseconds);
    }

    public static SnapshotUsed Describe(ListSnapshot s) =>
        new(s.Id, s.Source, s.Entries, s.Aliases, s.ImportedAtUtc, [.. s.Files.OrderBy(f => f.Name).Select(f => new ListFileDigest(f.Name, f.Sha256))]);
}

/// <summary>Each instance polls the active snapshot ids (every <c>Screening:IndexPollSeconds</c>, 30 by default) and reloads its matcher when another instance imported a list.</summary>
public sealed class ScreeningIndexWatcher(ScreeningIndexHolder holder, IConfiguration config, ILogger<ScreeningIndexWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(config.GetValue("Screening:IndexPollSeconds", 30)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (await holder.ReloadIfChangedAsync(stoppingToken)) logger.LogInformation("The active list snapshots changed: screening index reloaded.");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Checking the active list snapshots failed; trying again at the next tick.");
            }
        }
    }
}
