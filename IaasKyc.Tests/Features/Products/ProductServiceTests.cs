using IaasKyc.Portal.Features.Products;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Products;

public sealed class ProductServiceTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();

    [Fact]
    public async Task An_advanced_compute_product_needs_its_ECCN()
    {
        var service = db.Get<ProductService>();

        var outcome = await service.SaveAsync(new ProductInput("GPU-H100", "H100 GPU cluster", null, true, true, null), null);

        Assert.Equal("eccn", Assert.Single(outcome.Findings).Field);
        Assert.Empty(await service.ListAsync());
    }

    [Fact]
    public async Task A_product_is_created_then_retired_with_its_version_checked()
    {
        var service = db.Get<ProductService>();
        Assert.True((await service.SaveAsync(new ProductInput("VM-GP", "General-purpose VMs", null, true, false, null), null)).Ok);
        var created = Assert.Single(await service.ListAsync());

        var stale = await service.SaveAsync(new ProductInput("VM-GP", "General-purpose VMs", null, true, false, null, Retired: true), Guid.NewGuid());
        var retired = await service.SaveAsync(new ProductInput("VM-GP", "General-purpose VMs", null, true, false, null, Retired: true), created.Version);

        Assert.True(stale.Conflict);
        Assert.True(retired.Ok);
        Assert.True(Assert.Single(await service.ListAsync()).Retired);
        Assert.Empty(await service.ListAsync(includeRetired: false));
    }

    [Fact]
    public async Task A_code_is_unique_and_shaped()
    {
        var service = db.Get<ProductService>();
        await service.SaveAsync(new ProductInput("VM-GP", "General-purpose VMs", null, true, false, null), null);

        var duplicate = await service.SaveAsync(new ProductInput("VM-GP", "Other", null, true, false, null), null);
        var badShape = await service.SaveAsync(new ProductInput("vm gp!", "Other", null, true, false, null), null);

        Assert.Equal("code.taken", Assert.Single(duplicate.Findings).Code);
        Assert.Equal("code.format", Assert.Single(badShape.Findings).Code);
    }

    public ValueTask DisposeAsync() => db.DisposeAsync();
}
