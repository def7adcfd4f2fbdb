namespace IaasKyc.Portal.Data.Seed;

/// <summary>
/// One feature's part of the demo data. Each feature adds its own class, registered in <c>AddPortal</c>;
/// they run in <see cref="Order"/> when <c>Demo:Seed</c> is true and the database has no demo data yet.
/// </summary>
public interface IDemoSeed
{
    int Order { get; }
    Task SeedAsync(IServiceProvider services, CancellationToken ct);
}

/// <summary>What every demo seed needs: each step runs in a scope of its own, attributed to the user who would take it.</summary>
public static class DemoSeed
{
    public static async Task<T> As<T>(IServiceProvider services, string user, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditActor>().Use(user);
        return await work(scope.ServiceProvider);
    }

    public static Task As(IServiceProvider services, string user, Func<IServiceProvider, Task> work) =>
        As(services, user, async sp => { await work(sp); return 0; });

    /// <summary>A refused demo step stops the seed with the findings, so a broken seed is never half-shown as demo data.</summary>
    public static Features.Outcome Check(Features.Outcome o, string what) =>
        o.Ok ? o : throw new InvalidOperationException($"Demo seed failed for {what}: {string.Join("; ", o.Findings.Select(f => $"{f.Field}: {f.Message}"))}");
}
