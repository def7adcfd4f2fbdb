using System.Collections.Concurrent;
using System.Diagnostics;
using IaasKyc.Portal.Data;
using IaasKyc.Tests.Support;
using Microsoft.Extensions.Logging;
using Npgsql;
using Xunit.Sdk;

namespace IaasKyc.Tests.Data;

/// <summary>
/// Live updates across instances (issue 10 item 1): two <see cref="PostgresChangeNotifier"/>s, each one "instance" with its
/// sender and listener, on one PostgreSQL database. Runs in test.sh's PostgreSQL run.
/// </summary>
[Trait("Database", "Postgres")]
public sealed class ChangesAcrossInstancesTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string connectionString = "";
    private ChangeNotifierInstance a = null!, b = null!;

    public async ValueTask InitializeAsync()
    {
        if (TestPostgres.Server is null) return;
        connectionString = TestPostgres.CreateEmptyDatabase();
        (a, b) = (await ChangeNotifierInstance.StartAsync(connectionString), await ChangeNotifierInstance.StartAsync(connectionString));
        await ListeningAsync(a, b);
        await ListeningAsync(b, a);
    }

    public async ValueTask DisposeAsync()
    {
        if (a is not null) await a.DisposeAsync();
        if (b is not null) await b.DisposeAsync();
        if (connectionString.Length > 0) TestPostgres.DropDatabase(connectionString);
    }

    [Fact]
    public async Task A_change_published_on_one_instance_reaches_the_other_once_and_is_not_echoed_back()
    {
        TestPostgres.RequireServer();
        var customer = Change("Customer");

        a.Notifier.Publish([customer]);
        await b.WaitForAsync(customer);
        // Notifications from one session arrive in order: once B has the later marker, a second copy would have come before it.
        await RoundtripAsync(a, b);
        // B publishes its own: A has it, then A's marker reached B after B's own notification came back to B.
        var alert = Change("ScreeningAlert");
        b.Notifier.Publish([alert]);
        await a.WaitForAsync(alert);
        await RoundtripAsync(a, b);
        await RoundtripAsync(b, a);

        Assert.Equal(1, b.Count(customer));
        Assert.Equal(1, a.Count(customer));
        Assert.Equal(1, b.Count(alert));
        Assert.Equal(1, a.Count(alert));
    }

    [Fact]
    public async Task A_batch_larger_than_one_notification_arrives_whole_and_a_very_large_one_as_its_kinds()
    {
        TestPostgres.RequireServer();
        var kinds = new[] { Kind("Customer"), Kind("Account"), Kind("ScreeningAlert") };
        // 300 changes need several 8000-byte notifications; 2,000 need more than a batch may send, so they go as kinds.
        var several = Enumerable.Range(0, 300).Select(i => new EntityChange(kinds[0], Guid.NewGuid().ToString())).ToList();
        var many = Enumerable.Range(0, 2_000).Select(i => new EntityChange(kinds[i % 3], Guid.NewGuid().ToString())).ToList();

        a.Notifier.Publish(several);
        await b.WaitUntilAsync(() => several.All(c => b.Count(c) == 1), "B to receive all 300 changes");
        a.Notifier.Publish(many);
        await b.WaitUntilAsync(() => kinds.All(k => b.Count(new EntityChange(k, "")) >= 1), "B to receive the 2,000 changes' kinds");

        Assert.True(b.Batches(c => c.Kind == kinds[0] && c.Id.Length > 0) > 1, "300 changes fitted in one notification: the test no longer splits.");
        Assert.DoesNotContain(many, c => b.Count(c) > 0);
        Assert.All(many, c => Assert.Equal(1, a.Count(c)));
    }

    [Fact]
    public async Task After_its_connection_is_killed_the_listener_reconnects_and_delivers_again()
    {
        TestPostgres.RequireServer();
        var killed = await ListenerBackendAsync(b);

        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync(Ct);
            await using var kill = new NpgsqlCommand($"SELECT pg_terminate_backend({killed})", admin);
            Assert.True((bool)(await kill.ExecuteScalarAsync(Ct))!);
        }
        await b.WaitUntilAsync(() => b.Warnings.Any(w => w.Contains("listening for the other instances", StringComparison.Ordinal)), "B to log the lost connection");
        await ListeningAsync(a, b);

        Assert.NotEqual(killed, await ListenerBackendAsync(b));
        var customer = Change("Customer");
        a.Notifier.Publish([customer]);
        await b.WaitForAsync(customer);
        await RoundtripAsync(a, b);
        Assert.Equal(1, b.Count(customer));
    }

    private static string Kind(string name) => $"{name}-{Guid.NewGuid():N}";

    private static EntityChange Change(string kind) => new(kind, Guid.NewGuid().ToString());

    /// <summary>Publishes markers on <paramref name="from"/> until <paramref name="to"/> receives one (sent before it listens, they are lost).</summary>
    private static Task ListeningAsync(ChangeNotifierInstance from, ChangeNotifierInstance to)
    {
        var markers = new ConcurrentBag<EntityChange>();
        return to.WaitUntilAsync(() =>
        {
            if (markers.Any(m => to.Count(m) > 0)) return true;
            var marker = Change("Marker");
            markers.Add(marker);
            from.Notifier.Publish([marker]);
            return false;
        }, "the listener to receive the other instance's changes");
    }

    /// <summary>One marker from <paramref name="from"/> received by <paramref name="to"/>: what <paramref name="from"/> sent before has arrived.</summary>
    private static async Task RoundtripAsync(ChangeNotifierInstance from, ChangeNotifierInstance to)
    {
        var marker = Change("Marker");
        from.Notifier.Publish([marker]);
        await to.WaitForAsync(marker);
    }

    private async Task<int> ListenerBackendAsync(ChangeNotifierInstance instance)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var query = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE application_name = $1", connection)
        {
            Parameters = { new() { Value = PostgresChangeNotifier.ListenerApplicationName(instance.Notifier.InstanceId) } },
        };
        return (int)(await query.ExecuteScalarAsync(Ct))!;
    }

}

/// <summary>Without a reachable database a save still reaches this instance's pages: sending fails in the background with a warning.</summary>
public sealed class ChangesWithoutTheDatabaseTests
{
    [Fact]
    public async Task A_publish_reaches_this_instance_and_only_logs_a_warning_when_the_database_is_unreachable()
    {
        // Nothing listens on port 1 of the loopback: every connection is refused.
        await using var instance = await ChangeNotifierInstance.StartAsync("Host=127.0.0.1;Port=1;Username=nobody;Timeout=5");
        var customer = new EntityChange("Customer", Guid.NewGuid().ToString());

        instance.Notifier.Publish([customer]);

        await instance.WaitForAsync(customer);
        await instance.WaitUntilAsync(() => instance.Warnings.Any(w => w.StartsWith("Could not send 1 saved changes", StringComparison.Ordinal)), "the warning");
        await instance.WaitUntilAsync(() => instance.Warnings.Any(w => w.Contains("listening for the other instances", StringComparison.Ordinal)), "the listener's warning");
        Assert.Equal(1, instance.Count(customer));
    }
}

/// <summary>One "portal instance": its notifier running as the host runs it, and a subscriber recording every batch.</summary>
internal sealed class ChangeNotifierInstance : IAsyncDisposable
{
    private readonly ConcurrentQueue<IReadOnlyList<EntityChange>> received = new();
    private readonly WarningLog log = new();
    private readonly ILoggerFactory loggers;
    private readonly IDisposable subscription;

    private ChangeNotifierInstance(string connectionString)
    {
        loggers = LoggerFactory.Create(l => l.AddProvider(log));
        Notifier = new PostgresChangeNotifier(connectionString, loggers);
        subscription = Notifier.Subscribe(batch =>
        {
            received.Enqueue(batch);
            return Task.CompletedTask;
        });
    }

    public PostgresChangeNotifier Notifier { get; }

    public IEnumerable<string> Warnings => log.Warnings;

    public static async Task<ChangeNotifierInstance> StartAsync(string connectionString)
    {
        var instance = new ChangeNotifierInstance(connectionString);
        await instance.Notifier.StartAsync(TestContext.Current.CancellationToken);
        return instance;
    }

    public int Count(EntityChange change) => received.Sum(batch => batch.Count(c => c == change));

    public int Batches(Func<EntityChange, bool> match) => received.Count(batch => batch.Any(match));

    public Task WaitForAsync(EntityChange change) => WaitUntilAsync(() => Count(change) > 0, $"{change} to arrive");

    public async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var limit = TimeSpan.FromSeconds(60);
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > limit) throw new XunitException($"Waited {limit.TotalSeconds:0} s for {what}.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        subscription.Dispose();
        await Notifier.StopAsync(CancellationToken.None);
        Notifier.Dispose();
        loggers.Dispose();
    }
}

/// <summary>The warnings an instance logs.</summary>
internal sealed class WarningLog : ILoggerProvider, ILogger
{
    public ConcurrentQueue<string> Warnings { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel)) Warnings.Enqueue(formatter(state, exception));
    }

    public void Dispose()
    {
    }
}
