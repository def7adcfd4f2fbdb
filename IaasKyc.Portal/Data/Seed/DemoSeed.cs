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
