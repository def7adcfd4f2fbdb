using IaasKyc.Portal.Data;

namespace IaasKyc.Portal.Components.Shared;

/// <summary>
/// How a component follows other users' changes: it refreshes (on its own dispatcher, through <c>InvokeAsync</c>) when a save
/// touches one of the entity kinds it shows. A burst of saves while a refresh runs leads to one more refresh, not one per save.
/// Dispose the returned subscription with the component.
/// </summary>
public static class LiveUpdates
{
    public static IDisposable Watch(this IChangeNotifier notifier, IReadOnlySet<string> kinds, Func<Func<Task>, Task> invoke, Func<Task> refresh)
    {
        var coalescer = new Coalescer(invoke, refresh);
        return notifier.Subscribe(changes => changes.Any(c => kinds.Contains(c.Kind)) ? coalescer.RunAsync() : Task.CompletedTask);
    }

    private sealed class Coalescer(Func<Func<Task>, Task> invoke, Func<Task> refresh)
    {
        private readonly SemaphoreSlim running = new(1, 1);
        private int queued;

        public async Task RunAsync()
        {
            if (Interlocked.Exchange(ref queued, 1) == 1) return;
            await running.WaitAsync();
            try
            {
                Interlocked.Exchange(ref queued, 0);
                await invoke(refresh);
            }
            finally
            {
                running.Release();
            }
        }
    }
}
