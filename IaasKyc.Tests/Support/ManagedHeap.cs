using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace IaasKyc.Tests.Support;

/// <summary>
/// Reads another .NET process's live managed heap from outside, as dotnet-gcdump does: enabling the runtime's
/// GCHeapCollect keyword over EventPipe makes that process run a full, blocking, compacting collection, and the
/// GCHeapStats event that ends it gives the bytes that survived, per generation. Nothing in the portal is changed for it.
/// </summary>
public static class ManagedHeap
{
    /// <summary>After a forced full collection: the bytes of live objects and the heap's size (live plus fragmentation).</summary>
    public sealed record Reading(long LiveBytes, long HeapBytes, int Generation);

    /// <summary>Forces a full collection in the process and returns what survived it. Run twice: objects with finalizers need two.</summary>
    public static async Task<Reading> CollectAsync(int processId, CancellationToken ct = default)
    {
        var client = new DiagnosticsClient(processId);
        var providers = new[]
        {
            new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Informational,
                (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect)),
        };
        using var session = await client.StartEventPipeSessionAsync(providers, requestRundown: false, circularBufferMB: 16, ct);
        var result = new TaskCompletionSource<Reading>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var source = new EventPipeEventSource(session.EventStream);
        var induced = false;
        var generation = -1;
        source.Clr.GCStart += e =>
        {
            generation = e.Depth;
            induced = e.Reason is GCReason.Induced or GCReason.InducedNotForced or GCReason.InducedCompacting;
        };
        source.Clr.GCHeapStats += e =>
        {
            if (!induced || generation != 2) return;
            var live = e.TotalPromotedSize0 + e.TotalPromotedSize1 + e.TotalPromotedSize2 + e.TotalPromotedSize3 + e.TotalPromotedSize4;
            result.TrySetResult(new Reading(live, e.TotalHeapSize, generation));
        };
        var processing = Task.Run(source.Process, ct);
        try
        {
            return await result.Task.WaitAsync(TimeSpan.FromSeconds(60), ct);
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await processing.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        }
    }

    /// <summary>Two forced collections in a row (the second sees objects the first only finalized); the second's reading.</summary>
    public static async Task<Reading> SettledAsync(int processId, CancellationToken ct = default)
    {
        await CollectAsync(processId, ct);
        return await CollectAsync(processId, ct);
    }
}
