using System.Collections.Concurrent;

namespace IaasKyc.Portal.Features.Dashboard;

/// <summary>The last run of a background job in this process: when, whether it succeeded and what it did.</summary>
public sealed record JobRun(string Job, DateTime AtUtc, bool Ok, string Detail);

/// <summary>
/// Where the background jobs of this instance stand, for the Admin's dashboard. Jobs record each run; a job that has not run
/// since start-up has no entry. In memory: with several instances each reports its own.
/// </summary>
public sealed class JobMonitor
{
    private readonly ConcurrentDictionary<string, JobRun> runs = new(StringComparer.Ordinal);

    public void Record(string job, DateTime atUtc, bool ok, string detail) => runs[job] = new JobRun(job, atUtc, ok, detail);

    public JobRun? Last(string job) => runs.TryGetValue(job, out var run) ? run : null;
}
