using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace IaasKyc.Portal.Data;

/// <summary>
/// One saved change: the entity's type name (<c>Customer</c>, <c>ScreeningAlert</c>, …) and its key. The key is empty when
/// another instance sent a batch too large for PostgreSQL's notifications as its kinds only.
/// </summary>
public sealed record EntityChange(string Kind, string Id);

/// <summary>
/// Tells open pages that stored data changed, so they refresh without a reload (issue 9 item 5). Raised after each successful
/// SaveChanges. The in-process hub reaches the circuits of this instance only; on PostgreSQL, <see cref="PostgresChangeNotifier"/>
/// also sends each batch to the other instances (LISTEN/NOTIFY) and publishes what it receives from them.
/// </summary>
public interface IChangeNotifier
{
    /// <summary>Calls <paramref name="handler"/> with each batch of saved changes until the returned subscription is disposed.</summary>
    IDisposable Subscribe(Func<IReadOnlyList<EntityChange>, Task> handler);

    void Publish(IReadOnlyList<EntityChange> changes);
}

public sealed class InProcessChangeNotifier(ILogger<InProcessChangeNotifier> logger) : IChangeNotifier
{
    private readonly Lock gate = new();
    private ImmutableHandlers handlers = new([]);

    public IDisposable Subscribe(Func<IReadOnlyList<EntityChange>, Task> handler)
    {
        lock (gate) handlers = new([.. handlers.Items, handler]);
        return new Subscription(() => { lock (gate) handlers = new([.. handlers.Items.Where(h => h != handler)]); });
    }

    public void Publish(IReadOnlyList<EntityChange> changes)
    {
        if (changes.Count == 0) return;
        foreach (var handler in handlers.Items) _ = RunAsync(handler, changes);
    }

    // A subscriber runs on its own: a slow or failing page never delays the save that raised the change, nor the other pages.
    private async Task RunAsync(Func<IReadOnlyList<EntityChange>, Task> handler, IReadOnlyList<EntityChange> changes)
    {
        try
        {
            await Task.Yield();
            await handler(changes);
        }
        catch (Exception e)
        {
            logger.LogDebug(e, "A change subscriber failed (a closed circuit, usually).");
        }
    }

    private sealed record ImmutableHandlers(Func<IReadOnlyList<EntityChange>, Task>[] Items);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) dispose();
        }
    }
}

/// <summary>Collects what each save changes and publishes it once the save succeeded; a failed save publishes nothing.</summary>
public sealed class ChangeNotifierInterceptor(IChangeNotifier notifier) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<EntityChange>> pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Flush(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Drop(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Drop(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? db)
    {
        if (db is null) return;
        var changes = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && !AuditPolicy.IsAuditInfrastructure(e.Metadata.ClrType))
            .Select(e => new EntityChange(e.Metadata.ClrType.Name, string.Join('|', e.Metadata.FindPrimaryKey()?.Properties.Select(p => e.Property(p.Name).CurrentValue) ?? [])))
            .Distinct()
            .ToList();
        pending.AddOrUpdate(db, changes);
    }

    private void Flush(DbContext? db)
    {
        if (db is null || !pending.TryGetValue(db, out var changes)) return;
        pending.Remove(db);
        notifier.Publish(changes);
    }

    private void Drop(DbContext? db)
    {
        if (db is not null) pending.Remove(db);
    }
}
