using IaasKyc.Domain.Customers;
using IaasKyc.Tests.Features.Dashboard;
using IaasKyc.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Tests.Data;

/// <summary>
/// A query filtering on a list of ids sends the list as one parameter: SQLite refuses more than 32,766 parameters, and a
/// parameter per element took seconds to bind for thousands. Runs on SQLite and PostgreSQL.
/// </summary>
public sealed class ParameterizedCollectionTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();

    public ValueTask DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task A_list_of_forty_thousand_ids_is_one_parameter()
    {
        var ct = TestContext.Current.CancellationToken;
        var stored = DashboardData.Customer("Nordlicht Rechenzentrum GmbH", status: CustomerStatus.Submitted);
        await using var ctx = db.NewContext();
        ctx.Add(stored);
        await ctx.SaveChangesAsync(ct);
        var ids = Enumerable.Range(0, 40_000).Select(_ => Guid.NewGuid()).Append(stored.Id).ToList();

        var query = ctx.Customers.Where(c => ids.Contains(c.Id));

        Assert.Equal(["Nordlicht Rechenzentrum GmbH"], await query.Select(c => c.LegalName).ToListAsync(ct));
        Assert.DoesNotContain("@ids2", query.ToQueryString(), StringComparison.Ordinal);
    }
}
