namespace IaasKyc.Portal.Data.Seed;

public sealed class CustomersDemoSeed : IDemoSeed
{
    public int Order => 10;

    public Task SeedAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;
}
