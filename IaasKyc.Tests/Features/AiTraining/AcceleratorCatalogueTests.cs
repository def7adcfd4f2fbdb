using IaasKyc.Portal.Features.AiTraining;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.AiTraining;

public sealed class AcceleratorCatalogueTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();

    private async Task SeedAsync()
    {
        await using var context = db.NewContext();
        await AiTrainingService.EnsureDefaultAcceleratorsAsync(context, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_default_catalogue_is_seeded_once_with_five_accelerators_and_audited()
    {
        await SeedAsync();
        await SeedAsync();

        var names = (await db.Get<AiTrainingService>().AcceleratorsAsync()).Select(a => a.Name);

        Assert.Equal(["A100", "B200", "H100", "H200", "MI300X"], names);
        Assert.Equal(5, (await db.AuditEntriesAsync()).Count(e => e.EntityType == "Accelerator"));
    }

    [Theory]
    [InlineData("h100")]
    [InlineData("H100")]
    [InlineData(" H100 ")]
    public async Task Names_are_found_whatever_their_case(string name)
    {
        await SeedAsync();

        var found = await db.Get<AiTrainingService>().FindAcceleratorAsync(name);

        Assert.Equal(989e12, found!.PeakOpsPerSecond);
    }

    [Fact]
    public async Task An_Admin_enters_the_peak_in_TFLOPs_and_it_is_stored_in_operations_per_second()
    {
        var service = db.Get<AiTrainingService>();

        var outcome = await service.SaveAcceleratorAsync(new AcceleratorInput("Gaudi3", "Intel Gaudi 3 OAM", 1835, "Intel Gaudi 3 data sheet"), null);

        Assert.True(outcome.Ok);
        Assert.Equal(1835e12, (await service.FindAcceleratorAsync("GAUDI3"))!.PeakOpsPerSecond);
    }

    [Fact]
    public async Task Invalid_entries_are_refused_with_findings_at_their_fields()
    {
        var service = db.Get<AiTrainingService>();

        var outcome = await service.SaveAcceleratorAsync(new AcceleratorInput("bad name!", "", -1, null), null);

        Assert.Equal(["description", "name", "peakTflops", "source"], outcome.Findings.Select(f => f.Field).Order(StringComparer.Ordinal));
        Assert.Empty(await service.AcceleratorsAsync());
    }

    [Fact]
    public async Task A_name_differing_only_in_case_is_taken()
    {
        await SeedAsync();

        var outcome = await db.Get<AiTrainingService>().SaveAcceleratorAsync(new AcceleratorInput("h100", "Another", 1, "x"), null);

        Assert.Equal("name.taken", Assert.Single(outcome.Findings).Code);
    }

    [Fact]
    public async Task A_retired_accelerator_is_no_longer_accepted_and_a_stale_edit_conflicts()
    {
        await SeedAsync();
        var service = db.Get<AiTrainingService>();
        var a100 = (await service.AcceleratorsAsync()).Single(a => a.Name == "A100");
        var input = new AcceleratorInput("A100", a100.Description, 312, a100.Source, Retired: true);

        var stale = await service.SaveAcceleratorAsync(input, Guid.NewGuid());
        var retired = await service.SaveAcceleratorAsync(input, a100.Version);

        Assert.True(stale.Conflict);
        Assert.True(retired.Ok);
        Assert.Null(await service.FindAcceleratorAsync("A100"));
    }

    [Fact]
    public async Task An_estimate_uses_the_catalogue_peak_and_the_active_rule_pack()
    {
        await SeedAsync();

        var (estimate, findings) = await db.Get<AiTrainingService>().EstimateAsync(new AcceleratorEstimateInput("b200", 10_000, 2400, null, 400, false));

        Assert.Empty(findings);
        Assert.Equal(10_000 * 2.25e15, estimate!.ClusterOpsPerSecond);
        Assert.Equal(10_000.0 * 2400 * 3600 * 2.25e15 * 0.4, estimate.EstimatedOperations, 1e-3 * estimate.EstimatedOperations);
    }

    [Fact]
    public async Task An_unknown_accelerator_is_named_with_the_ones_the_catalogue_knows()
    {
        await SeedAsync();

        var (estimate, findings) = await db.Get<AiTrainingService>().EstimateAsync(new AcceleratorEstimateInput("TPU9", 10, 1, null, null, false));

        Assert.Null(estimate);
        var finding = Assert.Single(findings);
        Assert.Equal("accelerator", finding.Field);
        Assert.Contains("\"TPU9\"", finding.Message, StringComparison.Ordinal);
        Assert.Contains("MI300X", finding.Message, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
