using System.Net;
using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Features.Retention;
using IaasKyc.Tests.Features.Dashboard;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Features.Retention;

/// <summary>
/// The deadline board's retention clocks read only the records closed long enough ago (an index range, not every closed
/// customer): they must be exactly the clocks a full evaluation of every closed record gives. Today is 15 June 2026 in
/// New York; the default rule pack keeps records 2 years and calls a deadline due soon within 3 days (clocks up to 18 June).
/// </summary>
public sealed class RetentionClockTests : IAsyncDisposable
{
    private readonly ServiceTestDb db = new();

    public ValueTask DisposeAsync() => db.DisposeAsync();

    [Fact]
    public async Task The_board_s_clocks_are_the_ones_a_full_evaluation_of_every_closed_record_gives()
    {
        await using (var ctx = db.NewContext())
        {
            // Closure 17 June 2024: kept until 17 June 2026, due soon.
            ctx.Add(Closed("Closed two years ago less two days", Make.Utc(2024, 6, 17)));
            // Closure a year ago: kept until 2027.
            ctx.Add(Closed("Closed a year ago", Make.Utc(2025, 6, 17)));
            // Both accounts closed in 2024, the later on 16 June: kept until 16 June 2026.
            ctx.Add(WithAccounts("Two accounts closed in 2024", Make.Utc(2024, 5, 1), Make.Utc(2024, 6, 16)));
            // One account closed in 2024, the other in 2025: the later closure rules, kept until 2027.
            ctx.Add(WithAccounts("One account closed in 2024, one in 2025", Make.Utc(2024, 6, 1), Make.Utc(2025, 5, 1)));
            // An account still open: no retention date at all.
            ctx.Add(WithAccounts("One account still open", Make.Utc(2024, 1, 1), null));
            // Closed 2024 (midnight past the 18th in UTC, 23:30 on the 18th in New York): kept until 18 June 2026, the last day of the window.
            ctx.Add(Closed("Closed late on 18 June 2024 in New York", Make.Utc(2024, 6, 19, 3, 30)));
            // 23:30 on 19 June 2024 in New York: kept until 19 June 2026, one day past the window.
            ctx.Add(Closed("Closed late on 19 June 2024 in New York", Make.Utc(2024, 6, 20, 3, 30)));
            await ctx.SaveChangesAsync();
        }
        // Closed in January 2024, but an IP access on 17 June 2024 (New York) moves the date to 17 June 2026.
        await AccessAsync(await SaveAsync(WithAccounts("Closed in January, accessed in June 2024", Make.Utc(2024, 1, 2), Make.Utc(2024, 1, 2))),
            Make.Utc(2024, 6, 18, 3, 30));
        // Closed in January 2024, accessed in 2025: kept until 2027.
        await AccessAsync(await SaveAsync(WithAccounts("Closed in January 2024, accessed in 2025", Make.Utc(2024, 1, 2), Make.Utc(2024, 1, 2))),
            Make.Utc(2025, 3, 1));
        // Past their date: clocks once the daily job lists them; 29 February 2024 is kept until 1 March 2026; one is held.
        await SaveAsync(Closed("Closed on 29 February 2024", Make.Utc(2024, 2, 29)));
        var held = await SaveAsync(Closed("Closed in 2023, on legal hold", Make.Utc(2023, 9, 1)));
        Assert.True((await db.Get<RetentionService>().PlaceHoldAsync(held.Id, "Litigation hold, matter 24-cv-118")).Ok);

        Assert.Equal(["Closed in January, accessed in June 2024", "Closed late on 18 June 2024 in New York", "Closed two years ago less two days",
            "Two accounts closed in 2024"], await ClockNamesAsync());

        Assert.Equal((2, 0), await db.As<RetentionService>(RetentionJob.ActorName).ListPurgeableAsync());
        var clocks = await ClocksAsync();
        Assert.Equal(["Closed in 2023, on legal hold", "Closed in January, accessed in June 2024", "Closed late on 18 June 2024 in New York",
            "Closed on 29 February 2024", "Closed two years ago less two days", "Two accounts closed in 2024"], clocks.Select(c => c.Whose).Order());
        Assert.Equal(new DateOnly(2026, 3, 1), clocks.Single(c => c.Whose == "Closed on 29 February 2024").DueDate);
        Assert.True(clocks.Single(c => c.Whose == "Closed in 2023, on legal hold").OnLegalHold);

        // The full evaluation (every closed record, as the retention page lists them) gives the same clocks.
        var every = await db.Get<RetentionService>().ListAsync();
        var expected = every.Where(r => r.ListedSince is not null || (!r.Purgeable && r.Basis.RetainUntil!.Value.DayNumber - DashboardData.Today.DayNumber <= 3))
            .Select(r => (r.Name, r.Basis.RetainUntil!.Value));
        Assert.Equal(expected.Order(), clocks.Select(c => (c.Whose, c.DueDate)).Order());
        Assert.Equal(10, every.Count);
    }

    private static Customer Closed(string name, DateTime closedAtUtc)
    {
        var c = DashboardData.Customer(name, status: CustomerStatus.Submitted);
        c.Close("Contract ended", "officer", closedAtUtc);
        return c;
    }

    /// <summary>A customer (not itself closed) with one account per closure given; null leaves that account open.</summary>
    private static Customer WithAccounts(string name, params DateTime?[] closures)
    {
        var c = DashboardData.Customer(name, status: CustomerStatus.Submitted);
        for (var i = 0; i < closures.Length; i++)
        {
            var account = c.AddAccount($"ACC-{Guid.NewGuid():N}"[..20], PaymentMeansType.Card, false, "DE", "enc", "****0001", PaymentSource.Customer, null,
                Make.Utc(2023, 1, 1), "officer");
            if (closures[i] is { } at) account.Close(at);
        }
        return c;
    }

    private async Task<Customer> SaveAsync(Customer customer)
    {
        await using var ctx = db.NewContext();
        ctx.Add(customer);
        await ctx.SaveChangesAsync();
        return customer;
    }

    private async Task AccessAsync(Customer customer, DateTime atUtc)
    {
        await using var ctx = db.NewContext();
        var ip = IPAddress.Parse("203.0.113.9");
        ctx.AccessEvents.Add(new AccessEvent(customer.Accounts[0].Id, ip.ToString(), ip.MapToIPv6().GetAddressBytes(), atUtc, AccessKind.Access));
        await ctx.SaveChangesAsync();
    }

    private async Task<IReadOnlyList<RetentionClock>> ClocksAsync()
    {
        await using var ctx = db.NewContext();
        return await RetentionService.ClocksAsync(ctx, DashboardData.Today, db.Get<TimeZoneInfo>(), TestContext.Current.CancellationToken);
    }

    private async Task<IReadOnlyList<string>> ClockNamesAsync() => [.. (await ClocksAsync()).Select(c => c.Whose).Order()];
}
