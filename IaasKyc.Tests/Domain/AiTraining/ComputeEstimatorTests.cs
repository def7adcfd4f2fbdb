using IaasKyc.Domain.AiTraining;
using IaasKyc.Domain.Rules;

namespace IaasKyc.Tests.Domain.AiTraining;

public sealed class ComputeEstimatorTests
{
    private static readonly RulePack Rules = RulePack.Default;
    private static readonly Accelerator H100 = Accelerator.Defaults().Single(a => a.Name == "H100");

    private static RulePack With(string key, string value) =>
        Rules with { Parameters = new Dictionary<string, string>(Rules.Parameters) { [key] = value } };

    private static ComputeEstimate Ok((ComputeEstimate? Estimate, IReadOnlyList<IaasKyc.Domain.Finding> Findings) result)
    {
        Assert.Empty(result.Findings);
        return result.Estimate!;
    }

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= Math.Abs(expected) * 1e-12, $"expected {expected:R}, got {actual:R}");

    [Fact]
    public void Parameters_times_tokens_times_six_gives_the_training_compute()
    {
        var estimate = Ok(ComputeEstimator.Estimate(new ParametersTokensInput(70e9, 15e12), Rules));

        Close(6.3e24, estimate.EstimatedOperations);
        Assert.Null(estimate.ClusterOpsPerSecond);
        Assert.Equal(EstimateMethod.ParametersTokens, estimate.Method);
    }

    [Fact]
    public void The_training_comparison_states_value_limit_ratio_and_not_met_below_the_threshold()
    {
        var estimate = Ok(ComputeEstimator.Estimate(new ParametersTokensInput(70e9, 15e12), Rules));

        var c = Assert.Single(estimate.Comparisons);
        Assert.Equal(ComputeEstimator.TrainingCompute, c.Threshold);
        Close(6.3e24, c.Value);
        Assert.Equal(1e26, c.Limit);
        Close(0.063, c.Ratio);
        Assert.False(c.Met);
        Assert.Empty(estimate.ThresholdsMet);
    }

    [Fact]
    public void A_run_above_1e26_operations_meets_the_training_threshold()
    {
        var estimate = Ok(ComputeEstimator.Estimate(new ParametersTokensInput(2e12, 10e12), Rules));

        Close(1.2e26, estimate.EstimatedOperations);
        Assert.Equal([ComputeEstimator.TrainingCompute], estimate.ThresholdsMet);
        Close(1.2, estimate.Comparisons[0].Ratio);
    }

    [Theory]
    [InlineData(1e12, false)]
    [InlineData(1.0000001e12, true)]
    [InlineData(0.9999999e12, false)]
    public void Met_means_strictly_greater_than_the_limit(double tokens, bool met)
    {
        // 6 × 1e12 × 1e12 = 6e24 exactly in binary floating point: the rule pack's limit is set to that value.
        var rules = With("aiComputeThresholdOps", "6e24");

        var estimate = Ok(ComputeEstimator.Estimate(new ParametersTokensInput(1e12, tokens), rules));

        Assert.Equal(met, estimate.Comparisons[0].Met);
        Assert.Equal(met, estimate.ThresholdsMet.Contains(ComputeEstimator.TrainingCompute));
    }

    [Fact]
    public void At_exactly_the_limit_the_ratio_is_one_and_the_threshold_is_not_met()
    {
        var estimate = Ok(ComputeEstimator.Estimate(new ParametersTokensInput(1e12, 1e12), With("aiComputeThresholdOps", "6e24")));

        Assert.Equal(6e24, estimate.EstimatedOperations);
        Assert.Equal(1.0, estimate.Comparisons[0].Ratio);
        Assert.False(estimate.Comparisons[0].Met);
    }

    [Fact]
    public void Mainly_biological_data_is_also_compared_with_the_1e23_threshold()
    {
        // 6 × 1e9 × 2e13 = 1.2e23: above the biological limit, far below the general one.
        var estimate = Ok(ComputeEstimator.Estimate(new ParametersTokensInput(1e9, 2e13, BiologicalData: true), Rules));

        var bio = Assert.Single(estimate.Comparisons, c => c.Threshold == ComputeEstimator.BiologicalTrainingCompute);
        Assert.Equal(1e23, bio.Limit);
        Assert.True(bio.Met);
        Close(1.2, bio.Ratio);
        Assert.Equal([ComputeEstimator.BiologicalTrainingCompute], estimate.ThresholdsMet);
    }

    [Fact]
    public void Without_biological_data_the_1e23_threshold_is_not_compared()
    {
        var estimate = Ok(ComputeEstimator.Estimate(new ParametersTokensInput(1e9, 2e13), Rules));

        Assert.DoesNotContain(estimate.Comparisons, c => c.Threshold == ComputeEstimator.BiologicalTrainingCompute);
        Assert.Empty(estimate.ThresholdsMet);
    }

    [Fact]
    public void An_accelerator_run_multiplies_count_hours_seconds_peak_and_utilisation()
    {
        var estimate = Ok(ComputeEstimator.Estimate(new AcceleratorRunInput(H100, 1000, 720, 0.5), Rules));

        // 1,000 × 720 h × 3,600 s/h × 989e12 × 0.5 = 1.28174...e24
        Close(1000.0 * 720 * 3600 * 989e12 * 0.5, estimate.EstimatedOperations);
        Close(1.281744e24, estimate.EstimatedOperations);
        Close(9.89e17, estimate.ClusterOpsPerSecond!.Value);
        Assert.Equal(EstimateMethod.Accelerators, estimate.Method);
    }

    [Fact]
    public void Without_a_utilisation_the_rule_packs_default_is_used_and_said_so()
    {
        var estimate = Ok(ComputeEstimator.Estimate(new AcceleratorRunInput(H100, 1000, 720), Rules));
        var changed = Ok(ComputeEstimator.Estimate(new AcceleratorRunInput(H100, 1000, 720), With("aiDefaultUtilization", "0.3")));

        Close(1000.0 * 720 * 3600 * 989e12 * 0.4, estimate.EstimatedOperations);
        Close(1000.0 * 720 * 3600 * 989e12 * 0.3, changed.EstimatedOperations);
        Assert.Contains(estimate.Arithmetic, l => l.Contains("× 0.4 (the rule pack's default)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(101_113, 200, true)]
    [InlineData(101_113, 100, false)]
    [InlineData(100_000, 200, false)]
    public void The_cluster_threshold_needs_capacity_above_1e20_and_networking_above_100_Gbps(double count, double gbps, bool met)
    {
        // 101,113 × 989e12 = 1.0000076e20; 100,000 H100s stay below.
        var estimate = Ok(ComputeEstimator.Estimate(new AcceleratorRunInput(H100, count, 1, NetworkGbps: gbps), Rules));

        Assert.Equal(met, estimate.ThresholdsMet.Contains(ComputeEstimator.Cluster));
        var network = Assert.Single(estimate.Comparisons, c => c.Threshold == ComputeEstimator.ClusterNetworking);
        Assert.Equal(gbps > 100, network.Met);
        Assert.Equal(100, network.Limit);
    }

    [Fact]
    public void A_cluster_at_exactly_1e20_operations_per_second_is_not_above_the_threshold()
    {
        var exact = new Accelerator("X1", "Test part", 1e15, "test");

        var estimate = Ok(ComputeEstimator.Estimate(new AcceleratorRunInput(exact, 100_000, 1, NetworkGbps: 400), Rules));

        var capacity = Assert.Single(estimate.Comparisons, c => c.Threshold == ComputeEstimator.ClusterCapacity);
        Assert.Equal(1e20, capacity.Value);
        Assert.Equal(1.0, capacity.Ratio);
        Assert.False(capacity.Met);
        Assert.DoesNotContain(ComputeEstimator.Cluster, estimate.ThresholdsMet);
    }

    [Fact]
    public void Without_networking_the_cluster_threshold_is_not_met_and_the_text_says_why()
    {
        var estimate = Ok(ComputeEstimator.Estimate(new AcceleratorRunInput(H100, 200_000, 1), Rules));

        Assert.True(Assert.Single(estimate.Comparisons, c => c.Threshold == ComputeEstimator.ClusterCapacity).Met);
        Assert.DoesNotContain(ComputeEstimator.Cluster, estimate.ThresholdsMet);
        Assert.Contains(estimate.Arithmetic, l => l.StartsWith("Networking not given", StringComparison.Ordinal));
    }

    [Fact]
    public void The_arithmetic_shows_each_factor_and_the_result_with_three_significant_digits()
    {
        var estimate = Ok(ComputeEstimator.Estimate(new AcceleratorRunInput(H100, 1000, 720, 0.5, 400), Rules));

        Assert.Contains("= 1,000 × 9.89 × 10^14 operations/s (H100) = 9.89 × 10^17 operations per second", estimate.Arithmetic[0], StringComparison.Ordinal);
        Assert.Equal("= 1,000 × 720 h × 3,600 s/h × 9.89 × 10^14 operations/s × 0.5", estimate.Arithmetic[2]);
        Assert.Equal("= 1.28 × 10^24 operations", estimate.Arithmetic[3]);
        Assert.Contains(estimate.Arithmetic, l => l.StartsWith("1.28 × 10^24 operations against the training compute threshold of 1.00 × 10^26 operations: ratio 0.0128, not met", StringComparison.Ordinal));
        Assert.Contains("400 Gbit/s against the cluster networking threshold of 100 Gbit/s: ratio 4, met (strictly greater)", estimate.Arithmetic);
    }

    [Theory]
    [InlineData(6.3e24, "6.30 × 10^24")]
    [InlineData(1e26, "1.00 × 10^26")]
    [InlineData(989e12, "9.89 × 10^14")]
    [InlineData(1307.4e12, "1.31 × 10^15")]
    [InlineData(0.063, "6.30 × 10^-2")]
    [InlineData(4.5, "4.50")]
    public void Figures_are_shown_in_scientific_notation_with_three_significant_digits(double value, string expected) =>
        Assert.Equal(expected, ComputeEstimator.Sci(value));

    [Theory]
    [InlineData(null, 1e12, "parameters", "parameters.required")]
    [InlineData(0d, 1e12, "parameters", "parameters.positive")]
    [InlineData(-5d, 1e12, "parameters", "parameters.positive")]
    [InlineData(double.NaN, 1e12, "parameters", "parameters.positive")]
    [InlineData(7e10, double.PositiveInfinity, "tokens", "tokens.positive")]
    [InlineData(7e10, 1e30, "tokens", "tokens.range")]
    public void Invalid_parameters_or_tokens_are_findings_naming_the_field(double? parameters, double tokens, string field, string code)
    {
        var (estimate, findings) = ComputeEstimator.Estimate(new ParametersTokensInput(parameters, tokens), Rules);

        Assert.Null(estimate);
        var finding = Assert.Single(findings);
        Assert.Equal(field, finding.Field);
        Assert.Equal(code, finding.Code);
    }

    [Fact]
    public void Every_invalid_accelerator_input_is_named_at_once()
    {
        var (estimate, findings) = ComputeEstimator.Estimate(new AcceleratorRunInput(null, 2.5, -1, 1.5, 0), Rules);

        Assert.Null(estimate);
        Assert.Equal(["accelerator", "count", "hours", "networkGbps", "utilization"], findings.Select(f => f.Field).Order(StringComparer.Ordinal));
        Assert.Contains(findings, f => f.Code == "count.whole");
    }

    [Fact]
    public void Missing_count_and_hours_are_required()
    {
        var (_, findings) = ComputeEstimator.Estimate(new AcceleratorRunInput(H100, null, null), Rules);

        Assert.Equal(["count.required", "hours.required"], findings.Select(f => f.Code));
    }

    [Fact]
    public void The_seeded_catalogue_holds_the_dense_BF16_peaks_with_their_sources()
    {
        var catalogue = Accelerator.Defaults().ToDictionary(a => a.Name, a => a);

        Assert.Equal(312e12, catalogue["A100"].PeakOpsPerSecond);
        Assert.Equal(989e12, catalogue["H100"].PeakOpsPerSecond);
        Assert.Equal(989e12, catalogue["H200"].PeakOpsPerSecond);
        Assert.Equal(2.25e15, catalogue["B200"].PeakOpsPerSecond);
        Assert.Equal(1307.4e12, catalogue["MI300X"].PeakOpsPerSecond);
        Assert.All(catalogue.Values, a => Assert.Contains("data sheet", a.Source, StringComparison.Ordinal));
        Assert.Equal("MI300X", Accelerator.Key(" mi300x "));
    }
}
