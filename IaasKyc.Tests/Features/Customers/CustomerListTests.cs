using IaasKyc.Portal.Features.Customers;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Customers;

public sealed class CustomerListTests : IAsyncDisposable
{
    private readonly ServiceTestDb services = new();

    private CustomerQueries Queries => services.Get<CustomerQueries>();

    public ValueTask DisposeAsync() => services.DisposeAsync();

    private async Task SeedAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            var created = await services.Get<CustomerService>().CreateAsync(Support.Customers.ForeignEntity($"Nordlicht {i:00} GmbH", $"ACC-{i:00}"));
            Assert.True(created.Ok, created.Message);
        }
    }

    [Theory]
    [InlineData(0, 5, 5)]
    [InlineData(5, 5, 5)]
    [InlineData(10, 5, 2)]
    [InlineData(0, 25, 12)]
    [InlineData(20, 5, 0)]
    public async Task The_total_is_the_number_of_matches_whatever_the_page(int skip, int take, int expectedItems)
    {
        await SeedAsync(12);

        var page = await Queries.ListAsync(new CustomerQuery(Skip: skip, Take: take));

        Assert.Equal(12, page.Total);
        Assert.Equal(expectedItems, page.Items.Count);
    }

    [Fact]
    public async Task A_text_search_counts_only_the_matches()
    {
        await SeedAsync(12);

        var some = await Queries.ListAsync(new CustomerQuery(Text: "licht 0", Take: 2));
        var none = await Queries.ListAsync(new CustomerQuery(Text: "no such name"));

        Assert.Equal(10, some.Total);
        Assert.Equal(2, some.Items.Count);
        Assert.Equal(0, none.Total);
        Assert.Empty(none.Items);
    }
}
