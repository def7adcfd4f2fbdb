using IaasKyc.Domain;
using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Data;
using IaasKyc.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Tests.Data;

/// <summary>Issue 10, item 4: every editable record (an <see cref="IVersioned"/> entity) refuses a save made on a stale version.</summary>
public sealed class ConcurrencyConventionTests
{
    [Fact]
    public async Task Every_versioned_entity_has_its_version_as_a_concurrency_token()
    {
        await using var db = new ServiceTestDb();
        await using var context = await db.Get<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

        var versioned = context.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)).ToList();

        Assert.True(versioned.Count >= 10, $"only {versioned.Count} versioned entities found");
        Assert.All(versioned, t => Assert.True(t.FindProperty(nameof(IVersioned.Version))!.IsConcurrencyToken, $"{t.ClrType.Name}.Version is not a concurrency token"));
    }

    [Fact]
    public async Task Of_two_people_saving_the_same_record_the_second_gets_a_conflict_and_the_first_save_stands()
    {
        await using var db = new ServiceTestDb();
        var factory = db.Get<IDbContextFactory<PortalDbContext>>();
        var ct = TestContext.Current.CancellationToken;
        var code = "P-" + Guid.NewGuid().ToString("N")[..8];
        await using (var setup = await factory.CreateDbContextAsync(ct))
        {
            setup.Products.Add(new Product(code, "GPU cluster", null, inScope: true, advancedCompute: true, eccn: "4A090"));
            await setup.SaveChangesAsync(ct);
        }
        await using var first = await factory.CreateDbContextAsync(ct);
        await using var second = await factory.CreateDbContextAsync(ct);
        var mine = await first.Products.AsTracking().SingleAsync(p => p.Code == code, ct);
        var theirs = await second.Products.AsTracking().SingleAsync(p => p.Code == code, ct);

        mine.Update("GPU cluster (H100)", null, true, true, "4A090", false);
        await first.SaveChangesAsync(ct);
        theirs.Update("GPU cluster (B200)", null, true, true, "4A090", false);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(ct));
        await using var fresh = await factory.CreateDbContextAsync(ct);
        Assert.Equal("GPU cluster (H100)", (await fresh.Products.SingleAsync(p => p.Code == code, ct)).Name);
    }
}
