using IaasKyc.Portal.Data;

namespace IaasKyc.Portal.Features.Retention;

/// <summary>Once a day (and at start-up) lists newly purgeable customer records for the deadline board; it never purges.</summary>
public sealed class RetentionJob(IServiceProvider services, ILogger<RetentionJob> logger) : BackgroundService
{
    public const string Actor = "system:retention";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1));
        do
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<AuditActor>().Use(Actor);
                var (listed, dropped) = await scope.ServiceProvider.GetRequiredService<RetentionService>().ListPurgeableAsync(stoppingToken);
                if (listed + dropped > 0)
                    logger.LogInformation("Retention: {Listed} record(s) newly purgeable, {Dropped} listing(s) no longer purgeable.", listed, dropped);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed run is retried the next day; the portal keeps serving.
                logger.LogError(e, "The retention run failed.");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
