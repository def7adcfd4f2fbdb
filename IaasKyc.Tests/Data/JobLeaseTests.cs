using IaasKyc.Portal.Data;
using IaasKyc.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace IaasKyc.Tests.Data;

/// <summary>Two instances (two <see cref="JobLeases"/> with their own holder ids) sharing one database; runs on SQLite and PostgreSQL.</summary>
public sealed class JobLeaseTests : IAsyncDisposable
{
    private readonly ServiceTestDb services = new();

    public ValueTask DisposeAsync() => services.DisposeAsync();

    private JobLeases Instance() => new(services.Get<IServiceScopeFactory>(), services.Clock, NullLogger<JobLeases>.Instance);

    [Fact]
    public async Task A_held_lease_refuses_another_instance_until_it_expires_and_its_holder_renews_it()
    {
        var (a, b) = (Instance(), Instance());
        var ct = TestContext.Current.CancellationToken;

        Assert.True(await a.TryAcquireAsync("job", TimeSpan.FromMinutes(5), ct));
        Assert.False(await b.TryAcquireAsync("job", TimeSpan.FromMinutes(5), ct));
        Assert.True(await b.TryAcquireAsync("other-job", TimeSpan.FromMinutes(5), ct));
        services.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.True(await a.TryAcquireAsync("job", TimeSpan.FromMinutes(5), ct));
        services.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.False(await b.TryAcquireAsync("job", TimeSpan.FromMinutes(5), ct));
        services.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await b.TryAcquireAsync("job", TimeSpan.FromMinutes(5), ct));
        Assert.False(await a.TryAcquireAsync("job", TimeSpan.FromMinutes(5), ct));
        Assert.Empty(await services.AuditEntriesAsync());
    }

    [Fact]
    public async Task Run_exclusive_runs_the_work_once_while_held_and_releases_the_lease_after()
    {
        var (a, b) = (Instance(), Instance());
        var ct = TestContext.Current.CancellationToken;
        var runs = 0;
        bool? otherRan = null;

        var ran = await a.RunExclusiveAsync("job", TimeSpan.FromMinutes(5), async token =>
        {
            runs++;
            otherRan = await b.RunExclusiveAsync("job", TimeSpan.FromMinutes(5), _ => { runs++; return Task.CompletedTask; }, token);
        }, ct);

        Assert.True(ran);
        Assert.False(otherRan);
        Assert.Equal(1, runs);
        Assert.True(await b.TryAcquireAsync("job", TimeSpan.FromMinutes(5), ct));
    }
}
