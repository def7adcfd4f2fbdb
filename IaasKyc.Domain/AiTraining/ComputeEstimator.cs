using System.Globalization;
using IaasKyc.Domain.Rules;

namespace IaasKyc.Domain.AiTraining;

/// <summary>Which arithmetic an estimate used: 6 × parameters × tokens, or accelerators × time × peak × utilisation.</summary>
public enum EstimateMethod { ParametersTokens, Accelerators }

/// <summary>The first form: a dense transformer's training compute from its size and its training data.</summary>
public sealed record ParametersTokensInput(double? Parameters, double? Tokens, bool BiologicalData = false);

/// <summary>
/// The second form: a run on <paramref name="Count"/> accelerators of one kind for <paramref name="Hours"/> hours.
/// A null <paramref name="Accelerator"/> means the name given is not in the catalogue; a null utilisation takes the rule pack's default.
/// </summary>
public sealed record AcceleratorRunInput(
    Accelerator? Accelerator, double? Count, double? Hours, double? Utilization = null, double? NetworkGbps = null, bool BiologicalData = false);

/// <summary>One threshold test: the estimated value, the rule-pack limit, value ÷ limit, and whether the value is strictly greater.</summary>
public sealed record ThresholdComparison(string Threshold, string Description, double Value, double Limit, double Ratio, bool Met, string Unit);

/// <summary>An estimate with the comparisons and the arithmetic as lines a person can follow.</summary>
public sealed record ComputeEstimate(
    EstimateMethod Method,
    double EstimatedOperations,
    double? ClusterOpsPerSecond,
    IReadOnlyList<ThresholdComparison> Comparisons,
    IReadOnlyList<string> ThresholdsMet,
    IReadOnlyList<string> Arithmetic);

/// <summary>
/// Training-compute estimates compared with the rule pack's interim technical thresholds (regulation.md § 6, from
/// EO 14110 § 4.2(b) and (c)(iii)). Operation counts are <see cref="double"/>: the inputs are estimates with two or three
/// significant digits, the thresholds are stored as doubles, and 6 × parameters × tokens for hostile inputs overflows
/// decimal's 7.9 × 10^28, whereas a double keeps about 15 significant digits up to 10^308.
/// </summary>
public static class ComputeEstimator
{
    public const string TrainingCompute = "trainingCompute";
    public const string BiologicalTrainingCompute = "biologicalTrainingCompute";
    public const string ClusterCapacity = "clusterCapacity";
    public const string ClusterNetworking = "clusterNetworking";

    /// <summary>The cluster threshold: capacity and networking both strictly above their limits.</summary>
    public const string Cluster = "cluster";

    public const double SecondsPerHour = 3600;

    /// <summary>Upper bounds that keep every product finite and catch slips of magnitude (a count typed as FLOP/s).</summary>
    public const double MaxParameters = 1e16, MaxTokens = 1e18, MaxCount = 10_000_000, MaxHours = 100_000, MaxNetworkGbps = 1_000_000;

    public static (ComputeEstimate? Estimate, IReadOnlyList<Finding> Findings) Estimate(ParametersTokensInput input, RulePack rules)
    {
        var f = new List<Finding>();
        var parameters = Positive(input.Parameters, "parameters", "the number of model parameters", MaxParameters, f);
        var tokens = Positive(input.Tokens, "tokens", "the number of training tokens", MaxTokens, f);
        if (f.Count > 0) return (null, f);

        var ops = 6 * parameters * tokens;
        var lines = new List<string>
        {
            "Training compute ≈ 6 × parameters × training tokens (dense transformer)",
            $"= 6 × {Sci(parameters)} parameters × {Sci(tokens)} tokens",
            $"= {Sci(ops)} operations",
        };
        var comparisons = TrainingComparisons(ops, input.BiologicalData, rules);
        lines.AddRange(comparisons.Select(Describe));
        return (new ComputeEstimate(EstimateMethod.ParametersTokens, ops, null, comparisons, MetNames(comparisons), lines), []);
    }

    public static (ComputeEstimate? Estimate, IReadOnlyList<Finding> Findings) Estimate(AcceleratorRunInput input, RulePack rules)
    {
        var f = new List<Finding>();
        if (input.Accelerator is null)
            f.Add(new("accelerator.unknown", "Choose an accelerator of the catalogue (for example H100).", "accelerator"));
        else if (!(double.IsFinite(input.Accelerator.PeakOpsPerSecond) && input.Accelerator.PeakOpsPerSecond > 0))
            f.Add(new("accelerator.peak", "The catalogue gives this accelerator no positive peak throughput.", "accelerator"));
        var count = Positive(input.Count, "count", "the number of accelerators", MaxCount, f);
        if (input.Count is { } c && double.IsFinite(c) && c > 0 && c != Math.Floor(c))
            f.Add(new("count.whole", "The number of accelerators is a whole number.", "count"));
        var hours = Positive(input.Hours, "hours", "the run's duration in hours", MaxHours, f);
        var utilization = input.Utilization ?? rules.AiDefaultUtilization;
        if (!(double.IsFinite(utilization) && utilization > 0 && utilization <= 1))
            f.Add(new("utilization.range", "Utilisation is a fraction above 0 and at most 1 (for example 0.4).", "utilization"));
        double? network = null;
        if (input.NetworkGbps is { } n)
            network = Positive(n, "networkGbps", "the cluster's networking in Gbit/s", MaxNetworkGbps, f);
        if (f.Count > 0) return (null, f);

        var accelerator = input.Accelerator!;
        var peak = accelerator.PeakOpsPerSecond;
        var capacity = count * peak;
        var seconds = hours * SecondsPerHour;
        var ops = count * seconds * peak * utilization;
        var utilisationSource = input.Utilization is null ? " (the rule pack's default)" : "";
        var lines = new List<string>
        {
            $"Cluster capacity = accelerators × peak dense throughput = {Whole(count)} × {Sci(peak)} operations/s ({accelerator.Name}) = {Sci(capacity)} operations per second",
            "Training compute ≈ accelerators × hours × 3,600 s/h × peak dense throughput × utilisation",
            $"= {Whole(count)} × {Plain(hours)} h × 3,600 s/h × {Sci(peak)} operations/s × {Plain(utilization)}{utilisationSource}",
            $"= {Sci(ops)} operations",
        };
        var comparisons = TrainingComparisons(ops, input.BiologicalData, rules).ToList();
        comparisons.Add(Compare(ClusterCapacity, "cluster capacity threshold", capacity, rules.AiClusterThresholdOpsPerSecond, "operations per second"));
        if (network is { } gbps)
            comparisons.Add(Compare(ClusterNetworking, "cluster networking threshold", gbps, rules.AiClusterNetworkGbps, "Gbit/s"));
        lines.AddRange(comparisons.Select(Describe));
        if (network is null)
            lines.Add($"Networking not given: the cluster threshold needs capacity above {Sci(rules.AiClusterThresholdOpsPerSecond)} operations per second and networking above {Plain(rules.AiClusterNetworkGbps)} Gbit/s.");
        return (new ComputeEstimate(EstimateMethod.Accelerators, ops, capacity, comparisons, MetNames(comparisons), lines), []);
    }

    /// <summary>A figure in scientific notation with 3 significant digits: 9.89 × 10^14.</summary>
    public static string Sci(double value)
    {
        if (value == 0) return "0";
        var text = value.ToString("0.00e+0", CultureInfo.InvariantCulture);
        var e = text.IndexOf('e', StringComparison.Ordinal);
        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return exponent == 0 ? text[..e] : $"{text[..e]} × 10^{exponent}";
    }

    private static string Whole(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Plain(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);

    private static List<ThresholdComparison> TrainingComparisons(double ops, bool biological, RulePack rules)
    {
        var list = new List<ThresholdComparison> { Compare(TrainingCompute, "training compute threshold", ops, rules.AiComputeThresholdOps, "operations") };
        // EO 14110 § 4.2(b): the lower threshold for models trained mainly on biological sequence data.
        if (biological)
            list.Add(Compare(BiologicalTrainingCompute, "training compute threshold for mainly biological sequence data", ops, rules.AiBioComputeThresholdOps, "operations"));
        return list;
    }

    // "Met" is strictly greater, as EO 14110 § 4.2(b) worded it ("greater than").
    private static ThresholdComparison Compare(string name, string description, double value, double limit, string unit) =>
        new(name, description, value, limit, value / limit, value > limit, unit);

    private static List<string> MetNames(IReadOnlyList<ThresholdComparison> comparisons)
    {
        var met = comparisons.Where(c => c.Met && c.Threshold is TrainingCompute or BiologicalTrainingCompute).Select(c => c.Threshold).ToList();
        // EO 14110 § 4.2(c)(iii): a cluster counts only with both the capacity and the networking above their limits.
        if (comparisons.Any(c => c.Threshold == ClusterCapacity && c.Met) && comparisons.Any(c => c.Threshold == ClusterNetworking && c.Met))
            met.Add(Cluster);
        return met;
    }

    /// <summary>A compared figure with its unit: operations in scientific notation, networking in plain Gbit/s.</summary>
    public static string Figure(double value, string unit) => unit == "Gbit/s" ? $"{Plain(value)} {unit}" : $"{Sci(value)} {unit}";

    private static string Describe(ThresholdComparison c) =>
        $"{Figure(c.Value, c.Unit)} against the {c.Description} of {Figure(c.Limit, c.Unit)}: ratio {FormatRatio(c.Ratio)}, {(c.Met ? "met (strictly greater)" : "not met (met only when strictly greater)")}";

    /// <summary>A ratio with 3 significant digits, in scientific notation when very small or large.</summary>
    public static string FormatRatio(double r) => r is >= 0.001 and < 1000 ? r.ToString("G3", CultureInfo.InvariantCulture) : Sci(r);

    private static double Positive(double? value, string field, string what, double max, List<Finding> f)
    {
        if (value is not { } v)
        {
            f.Add(new($"{field}.required", $"Give {what}.", field));
            return 0;
        }
        if (!double.IsFinite(v) || v <= 0)
        {
            f.Add(new($"{field}.positive", $"Give {what} as a positive, finite number.", field));
            return 0;
        }
        if (v > max)
        {
            f.Add(new($"{field}.range", $"Give {what} as at most {Sci(max)}; check the unit.", field));
            return 0;
        }
        return v;
    }
}
