using IaasKyc.Domain.Retention;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Domain.Retention;

public sealed class RetentionRuleTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    private static RetentionBasis Evaluate(DateTime?[] accounts, DateTime? lastAccess = null, DateTime? customerClosed = null, int years = 2,
        TimeZoneInfo? zone = null) =>
        RetentionRule.Evaluate(RetentionFacts.FromAccounts(accounts, customerClosed ?? accounts.Max(), lastAccess), years, zone ?? NewYork);

    [Fact]
    public void Without_access_events_the_date_runs_from_the_last_account_closure()
    {
        var basis = Evaluate([Make.Utc(2024, 3, 1), Make.Utc(2024, 5, 10)]);

        Assert.Equal(new DateOnly(2026, 5, 10), basis.RetainUntil);
        Assert.Equal(RetentionTrigger.Closure, basis.Trigger);
        Assert.Equal("2 years after the last account closure (2024-05-10)", basis.Describe());
    }

    [Fact]
    public void An_access_after_the_last_closure_moves_the_date_later()
    {
        var basis = Evaluate([Make.Utc(2024, 3, 1)], lastAccess: Make.Utc(2024, 4, 2));

        Assert.Equal(new DateOnly(2026, 4, 2), basis.RetainUntil);
        Assert.Equal(RetentionTrigger.Access, basis.Trigger);
    }

    [Fact]
    public void An_access_before_the_closure_does_not_move_the_date()
    {
        var basis = Evaluate([Make.Utc(2024, 3, 1)], lastAccess: Make.Utc(2024, 2, 1));

        Assert.Equal(new DateOnly(2026, 3, 1), basis.RetainUntil);
        Assert.Equal(RetentionTrigger.Closure, basis.Trigger);
    }

    [Fact]
    public void An_account_still_open_means_no_date()
    {
        var basis = Evaluate([Make.Utc(2024, 3, 1), null], lastAccess: Make.Utc(2024, 4, 2));

        Assert.Null(basis.RetainUntil);
        Assert.Equal(1, basis.OpenAccounts);
        Assert.False(basis.IsPurgeable(new DateOnly(2040, 1, 1)));
        Assert.Equal("No retention date while 1 account is open", basis.Describe());
    }

    [Fact]
    public void A_reopened_account_counts_as_open_even_when_the_customer_was_closed_before()
    {
        // The customer's closure in 2023 ended the account; it was reopened since (no closure now), so the clock stops.
        var basis = RetentionRule.Evaluate(new RetentionFacts(OpenAccounts: 1, LastAccountClosureUtc: Make.Utc(2023, 1, 5),
            CustomerClosedAtUtc: Make.Utc(2023, 1, 5), LastAccessUtc: Make.Utc(2023, 1, 4)), 2, NewYork);

        Assert.Null(basis.RetainUntil);
    }

    [Fact]
    public void A_reopened_and_closed_again_account_runs_from_its_second_closure()
    {
        var basis = Evaluate([Make.Utc(2025, 8, 20)], customerClosed: Make.Utc(2023, 1, 5));

        Assert.Equal(new DateOnly(2027, 8, 20), basis.RetainUntil);
    }

    [Fact]
    public void A_customer_closed_without_ever_having_an_account_runs_from_its_closure()
    {
        var basis = Evaluate([], customerClosed: Make.Utc(2024, 7, 1));

        Assert.Equal(new DateOnly(2026, 7, 1), basis.RetainUntil);
    }

    [Fact]
    public void A_customer_neither_closed_nor_with_an_account_has_no_date()
    {
        var basis = RetentionRule.Evaluate(new RetentionFacts(0, null, null, null), 2, NewYork);

        Assert.Null(basis.RetainUntil);
        Assert.Equal("No retention date until the customer is closed", basis.Describe());
    }

    [Fact]
    public void A_leap_day_closure_is_kept_until_the_first_of_March_in_a_common_year()
    {
        var basis = Evaluate([Make.Utc(2024, 2, 29, 15)]);

        Assert.Equal(new DateOnly(2026, 3, 1), basis.RetainUntil);
        Assert.False(basis.IsPurgeable(new DateOnly(2026, 3, 1)));
        Assert.True(basis.IsPurgeable(new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public void A_leap_day_closure_keeps_its_day_when_the_target_year_is_a_leap_year()
    {
        var basis = Evaluate([Make.Utc(2024, 2, 29, 15)], years: 4);

        Assert.Equal(new DateOnly(2028, 2, 29), basis.RetainUntil);
    }

    [Fact]
    public void The_calendar_day_is_the_provider_s_not_UTC()
    {
        // 1 March 03:00 UTC is still 29 February (22:00) in New York, and already 1 March (12:00) in Tokyo: both keep until
        // 1 March 2026, New York by the leap-day rule, Tokyo by the calendar.
        var late = Make.Utc(2024, 3, 1, 3);

        Assert.Equal(new DateOnly(2026, 3, 1), Evaluate([late]).RetainUntil);
        Assert.Equal(new DateOnly(2026, 3, 1), Evaluate([late], zone: Tokyo).RetainUntil);
        Assert.Equal(new DateOnly(2024, 2, 29), Evaluate([late]).TriggerDate);
        Assert.Equal(new DateOnly(2024, 3, 1), Evaluate([late], zone: Tokyo).TriggerDate);
    }

    [Fact]
    public void An_evening_closure_in_New_York_counts_on_its_local_day()
    {
        // 30 June 23:30 in New York is 1 July 03:30 UTC: the record is kept until 30 June, not 1 July.
        var basis = Evaluate([Make.Utc(2024, 7, 1, 3, 30)]);

        Assert.Equal(new DateOnly(2026, 6, 30), basis.RetainUntil);
    }

    [Fact]
    public void A_record_is_purgeable_only_once_its_retention_date_has_ended()
    {
        var basis = Evaluate([Make.Utc(2024, 5, 10)]);

        Assert.False(basis.IsPurgeable(new DateOnly(2026, 5, 9)));
        Assert.False(basis.IsPurgeable(new DateOnly(2026, 5, 10)));
        Assert.True(basis.IsPurgeable(new DateOnly(2026, 5, 11)));
        Assert.Equal(new DateOnly(2026, 5, 11), basis.PurgeableFrom);
    }

    [Fact]
    public void The_years_come_from_the_rule_pack()
    {
        var basis = Evaluate([Make.Utc(2024, 5, 10)], years: 5);

        Assert.Equal(new DateOnly(2029, 5, 10), basis.RetainUntil);
        Assert.Equal("5 years after the last account closure (2024-05-10)", basis.Describe());
    }
}
