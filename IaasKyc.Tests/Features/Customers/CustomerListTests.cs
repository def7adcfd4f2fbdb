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

    [Fact]
    public async Task A_text_search_ignores_case_on_every_database()
    {
        await SeedAsync(3);

        var upper = await Queries.ListAsync(new CustomerQuery(Text: "NORDLICHT 01"));

        Assert.Equal("Nordlicht 01 GmbH", Assert.Single(upper.Items).Name);
    }

    [Fact]
    public async Task Sorting_by_risk_follows_severity_not_the_alphabet()
    {
        var service = services.Get<CustomerService>();
        await service.CreateAsync(Support.Customers.UsIndividual("Low Risk Person", "ACC-LOW"));
        await service.CreateAsync(Support.Customers.ForeignEntity("High Risk OOO", "ACC-HIGH", country: "RU", means: "virtualCurrencyWallet"));
        await service.CreateAsync(Support.Customers.ForeignEntity("Medium Risk GmbH", "ACC-MED", source: "thirdParty", payer: "Payer AG"));

        var ascending = await Queries.ListAsync(new CustomerQuery(Sort: "risk", Descending: false));
        var descending = await Queries.ListAsync(new CustomerQuery(Sort: "risk", Descending: true));

        Assert.Equal(["Low Risk Person", "Medium Risk GmbH", "High Risk OOO"], ascending.Items.Select(i => i.Name));
        Assert.Equal(["High Risk OOO", "Medium Risk GmbH", "Low Risk Person"], descending.Items.Select(i => i.Name));
        var middle = await Queries.ListAsync(new CustomerQuery(Sort: "risk", Descending: true, Skip: 1, Take: 1));
        Assert.Equal(("Medium Risk GmbH", 3), (Assert.Single(middle.Items).Name, middle.Total));
        var filtered = await Queries.ListAsync(new CustomerQuery(Sort: "risk", Descending: false, UsPerson: false));
        Assert.Equal(["Medium Risk GmbH", "High Risk OOO"], filtered.Items.Select(i => i.Name));
    }
}
