using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Npgsql;

namespace IaasKyc.Portal.Data;

/// <summary>
/// Live updates across the instances sharing a PostgreSQL database (issue 10 item 1): a save is published to this instance's
/// pages at once, as in-process, and sent to the other instances with <c>NOTIFY</c>; a dedicated connection <c>LISTEN</c>s
/// and republishes what the other instances sent to this instance's pages. Sending runs in the background, one batch after
/// another, so a save never waits for it nor fails because of it. The listener reconnects after its connection drops;
/// changes saved meanwhile are not replayed (pages show them at their next refresh or navigation).
/// </summary>
public sealed class PostgresChangeNotifier : BackgroundService, IChangeNotifier
{
    /// <summary>The PostgreSQL channel every instance sends on and listens to.</summary>
    public const string Channel = "iaaskyc_changes";

    /// <summary>PostgreSQL refuses a NOTIFY payload of 8000 bytes or more; a margin below it.</summary>
    internal const int MaxPayloadBytes = 7900;

    /// <summary>A batch needing more messages than this is sent as its kinds only (all that <c>LiveUpdates</c> reads).</summary>
    internal const int MaxMessagesPerBatch = 8;

    /// <summary>Changes waiting to be sent beyond this many are kept as their kinds only, so an unreachable database cannot fill the memory.</summary>
    private const int MaxPending = 10_000;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1), LastRetry = TimeSpan.FromSeconds(30);

    private readonly InProcessChangeNotifier local;
    private readonly NpgsqlDataSource sending;
    private readonly string listening;
    private readonly ILogger<PostgresChangeNotifier> logger;
    private readonly Lock gate = new();
    private readonly Channel<bool> wake = System.Threading.Channels.Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private List<EntityChange> pending = [];

    public PostgresChangeNotifier(string connectionString, ILoggerFactory loggers)
    {
        local = new InProcessChangeNotifier(loggers.CreateLogger<InProcessChangeNotifier>());
        logger = loggers.CreateLogger<PostgresChangeNotifier>();
        sending = NpgsqlDataSource.Create(connectionString);
        // Its own session, named so that an operator sees it in pg_stat_activity; keepalives notice a silently dropped link.
        var listener = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, ApplicationName = ListenerApplicationName(InstanceId) };
        if (listener.KeepAlive == 0) listener.KeepAlive = 30;
        listening = listener.ToString();
    }

    /// <summary>This instance in the messages it sends: it ignores its own when they come back.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>The <c>application_name</c> of an instance's listening session.</summary>
    public static string ListenerApplicationName(string instanceId) => "iaaskyc-listener-" + instanceId;

    public IDisposable Subscribe(Func<IReadOnlyList<EntityChange>, Task> handler) => local.Subscribe(handler);

    public void Publish(IReadOnlyList<EntityChange> changes)
    {
        if (changes.Count == 0) return;
        local.Publish(changes);
        lock (gate)
        {
            pending.AddRange(changes);
            if (pending.Count > MaxPending) pending = KindsOnly(pending);
        }
        wake.Writer.TryWrite(true);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(SendAsync(stoppingToken), ListenAsync(stoppingToken));

    public override void Dispose()
    {
        base.Dispose();
        sending.Dispose();
    }

    // --- Sending ---------------------------------------------------------------------------------------------------

    private async Task SendAsync(CancellationToken ct)
    {
        try
        {
            while (await wake.Reader.WaitToReadAsync(ct))
            {
                wake.Reader.TryRead(out _);
                List<EntityChange> batch;
                lock (gate) (batch, pending) = (pending, []);
                if (batch.Count == 0) continue;
                try
                {
                    await NotifyAsync(Payloads(InstanceId, batch), ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not send {Count} saved changes to the other instances; their pages show them at the next refresh or navigation.", batch.Count);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task NotifyAsync(IReadOnlyList<string> payloads, CancellationToken ct)
    {
        await using var connection = await sending.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        foreach (var payload in payloads)
            batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify($1, $2)") { Parameters = { new() { Value = Channel }, new() { Value = payload } } });
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// The messages that carry <paramref name="changes"/>: JSON <c>{"from":…,"changes":[[kind,id],…]}</c>, each under the payload
    /// limit. A batch that would need more than <see cref="MaxMessagesPerBatch"/> goes as its kinds, each with an empty id.
    /// </summary>
    internal static IReadOnlyList<string> Payloads(string from, IReadOnlyList<EntityChange> changes)
    {
        var whole = Split(from, [.. changes.Distinct()]);
        return whole.Count <= MaxMessagesPerBatch ? whole : Split(from, KindsOnly(changes));
    }

    private static List<EntityChange> KindsOnly(IEnumerable<EntityChange> changes) =>
        [.. changes.Select(c => c.Kind).Distinct().Select(kind => new EntityChange(kind, ""))];

    private static List<string> Split(string from, List<EntityChange> changes)
    {
        var head = $"{{\"from\":{JsonSerializer.Serialize(from)},\"changes\":[";
        var payloads = new List<string>();
        var current = new StringBuilder(head);
        var bytes = Encoding.UTF8.GetByteCount(head) + 2;
        foreach (var change in changes)
        {
            var item = JsonSerializer.Serialize<string[]>([change.Kind, change.Id]);
            // An id too long for any message (none is) still tells its kind.
            if (Encoding.UTF8.GetByteCount(head) + Encoding.UTF8.GetByteCount(item) + 2 > MaxPayloadBytes)
                item = JsonSerializer.Serialize<string[]>([change.Kind, ""]);
            var size = Encoding.UTF8.GetByteCount(item) + 1;
            if (current.Length > head.Length && bytes + size > MaxPayloadBytes)
            {
                payloads.Add(current.Append("]}").ToString());
                (current, bytes) = (new StringBuilder(head), Encoding.UTF8.GetByteCount(head) + 2);
            }
            if (current.Length > head.Length) current.Append(',');
            current.Append(item);
            bytes += size;
        }
        if (current.Length > head.Length) payloads.Add(current.Append("]}").ToString());
        return payloads;
    }

    // --- Listening -------------------------------------------------------------------------------------------------

    private async Task ListenAsync(CancellationToken ct)
    {
        var retry = FirstRetry;
        var reconnecting = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(listening);
                connection.Notification += OnNotification;
                await connection.OpenAsync(ct);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(ct);
                if (reconnecting) logger.LogInformation("Listening for the other instances' changes again.");
                retry = FirstRetry;
                while (true) await connection.WaitAsync(ct);
            }
            catch (Exception) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "The connection listening for the other instances' changes failed; trying again in {Retry}. Until then pages show their saves at the next refresh or navigation.", retry);
            }
            reconnecting = true;
            try
            {
                await Task.Delay(retry, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs e)
    {
        if (e.Channel != Channel) return;
        try
        {
            var message = JsonSerializer.Deserialize<Message>(e.Payload, JsonSerializerOptions.Web);
            if (message is null || message.From == InstanceId) return;
            local.Publish([.. message.Changes.Where(c => c.Length == 2).Select(c => new EntityChange(c[0], c[1]))]);
        }
        catch (JsonException ex)
        {
            logger.LogWarning(ex, "Ignored a message on channel {Channel} that is not a batch of changes.", Channel);
        }
    }

    private sealed record Message(string From, string[][] Changes);
}
