using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.Customers;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Dashboard;

public sealed class ChangeNotifierTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();

    public ValueTask DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task A_successful_save_publishes_each_changed_entity_s_kind_and_id_until_the_subscription_is_disposed()
    {
        var received = new TaskCompletionSource<IReadOnlyList<EntityChange>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var count = 0;
        var subscription = db.Get<IChangeNotifier>().Subscribe(changes =>
        {
            Interlocked.Increment(ref count);
            received.TrySetResult(changes);
            return Task.CompletedTask;
        });

        var created = await db.Get<CustomerService>().CreateAsync(Support.Customers.UsIndividual("Live Person", "ACC-LIVE"));
        var changes = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        subscription.Dispose();
        var seen = Volatile.Read(ref count);
        await db.Get<CustomerService>().CreateAsync(Support.Customers.UsIndividual("Unseen Person", "ACC-UNSEEN"));
        await Task.Delay(200);

        Assert.Contains(new EntityChange("Customer", created.Id!.Value.ToString()), changes);
        Assert.DoesNotContain(changes, c => c.Kind is "AuditEntry" or "AuditHead");
        Assert.Equal(seen, Volatile.Read(ref count));
    }
}
