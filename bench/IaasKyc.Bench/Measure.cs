using System.Diagnostics;

namespace IaasKyc.Bench;

/// <summary>Stopwatch timing with warm-up, and percentiles.</summary>
public static class Measure
{
    public static async Task<double[]> RepeatAsync(int warmup, int runs, Func<int, Task> work)
    {
        for (var i = 0; i < warmup; i++) await work(i);
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await work(warmup + i);
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }

    public static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>Cores, OS, runtime and (on Linux) the load average: other work on the machine shows in the tail of the figures.</summary>
    public static string Machine() =>
        $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}" +
        (File.Exists("/proc/loadavg") ? $", load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}" : "");

    public static string Describe(double[] sorted) =>
        $"p50 {Percentile(sorted, 50):0.00} ms, p95 {Percentile(sorted, 95):0.00} ms, max {sorted[^1]:0.00} ms (n={sorted.Length})";
}
