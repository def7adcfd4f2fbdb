using IaasKyc.Domain.Rules;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Domain.Rules;

public sealed class DeadlineTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Theory]
    [InlineData("2026-01-31", 30, "2026-03-02")]
    [InlineData("2026-01-31", 1, "2026-02-01")]
    [InlineData("2026-02-28", 1, "2026-03-01")]
    [InlineData("2026-12-20", 15, "2027-01-04")]
    [InlineData("2026-04-30", 0, "2026-04-30")]
    [InlineData("2028-01-31", 30, "2028-03-01")]
    [InlineData("2028-02-28", 1, "2028-02-29")]
    [InlineData("2028-02-29", 1, "2028-03-01")]
    [InlineData("2028-02-29", 15, "2028-03-15")]
    [InlineData("2028-02-29", 365, "2029-02-28")]
    public void Due_date_is_the_local_trigger_date_plus_calendar_days(string triggerDay, int days, string expected)
    {
        var trigger = DateOnly.Parse(triggerDay).ToDateTime(new TimeOnly(16, 0), DateTimeKind.Utc);

        var deadline = Deadline.From(trigger, days, NewYork);

        Assert.Equal(DateOnly.Parse(expected), deadline.DueDate);
    }

    [Fact]
    public void A_trigger_late_in_the_evening_in_New_York_counts_from_that_evening_not_from_the_UTC_date()
    {
        // 21:30 on 14 January in New York is already 02:30 on 15 January in UTC.
        var trigger = Make.Utc(2026, 1, 15, 2, 30);

        var deadline = Deadline.From(trigger, 10, NewYork);

        Assert.Equal(new DateOnly(2026, 1, 24), deadline.DueDate);
    }

    [Fact]
    public void A_trigger_at_one_minute_past_midnight_in_New_York_counts_from_that_day()
    {
        var trigger = Make.Utc(2026, 1, 15, 5, 1);

        var deadline = Deadline.From(trigger, 10, NewYork);

        Assert.Equal(new DateOnly(2026, 1, 25), deadline.DueDate);
    }

    [Theory]
    // Spring forward, 8 March 2026: 02:00 EST becomes 03:00 EDT (07:00 UTC).
    [InlineData("2026-03-08T04:59:00Z", "2026-03-07")]
    [InlineData("2026-03-08T05:00:00Z", "2026-03-08")]
    [InlineData("2026-03-08T06:59:00Z", "2026-03-08")]
    [InlineData("2026-03-08T07:00:00Z", "2026-03-08")]
    [InlineData("2026-03-09T03:59:00Z", "2026-03-08")]
    [InlineData("2026-03-09T04:00:00Z", "2026-03-09")]
    // Fall back, 1 November 2026: 02:00 EDT becomes 01:00 EST (06:00 UTC); 01:30 happens twice.
    [InlineData("2026-11-01T03:59:00Z", "2026-10-31")]
    [InlineData("2026-11-01T04:00:00Z", "2026-11-01")]
    [InlineData("2026-11-01T05:30:00Z", "2026-11-01")]
    [InlineData("2026-11-01T06:30:00Z", "2026-11-01")]
    [InlineData("2026-11-02T04:59:00Z", "2026-11-01")]
    [InlineData("2026-11-02T05:00:00Z", "2026-11-02")]
    public void The_local_date_follows_daylight_saving_changes(string utc, string expectedLocalDate)
    {
        var instant = DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

        var day = Deadline.LocalDate(instant, NewYork);

        Assert.Equal(DateOnly.Parse(expectedLocalDate), day);
    }

    [Fact]
    public void A_deadline_counted_across_spring_forward_keeps_whole_calendar_days()
    {
        var trigger = Make.Utc(2026, 3, 7, 23, 0);

        var deadline = Deadline.From(trigger, 1, NewYork);

        Assert.Equal(new DateOnly(2026, 3, 8), deadline.DueDate);
        Assert.Equal(Make.Utc(2026, 3, 9, 4, 0), deadline.EndsAtUtc);
    }

    [Fact]
    public void A_deadline_counted_across_fall_back_keeps_whole_calendar_days()
    {
        var trigger = Make.Utc(2026, 10, 31, 15, 0);

        var deadline = Deadline.From(trigger, 1, NewYork);

        Assert.Equal(new DateOnly(2026, 11, 1), deadline.DueDate);
        Assert.Equal(Make.Utc(2026, 11, 2, 5, 0), deadline.EndsAtUtc);
    }

    [Theory]
    [InlineData("2026-03-07", "2026-03-08T05:00:00Z")]
    [InlineData("2026-03-08", "2026-03-09T04:00:00Z")]
    [InlineData("2026-10-31", "2026-11-01T04:00:00Z")]
    [InlineData("2026-11-01", "2026-11-02T05:00:00Z")]
    [InlineData("2026-01-15", "2026-01-16T05:00:00Z")]
    [InlineData("2026-07-15", "2026-07-16T04:00:00Z")]
    public void A_due_date_ends_at_the_following_local_midnight(string dueDate, string expectedEndUtc)
    {
        var deadline = new Deadline(DateOnly.Parse(dueDate), NewYork);

        var end = deadline.EndsAtUtc;

        Assert.Equal(DateTimeKind.Utc, end.Kind);
        Assert.Equal(DateTime.Parse(expectedEndUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal), end);
    }

    [Fact]
    public void The_day_of_spring_forward_lasts_23_hours_and_the_day_of_fall_back_25()
    {
        static TimeSpan Length(DateOnly day) =>
            new Deadline(day, NewYork).EndsAtUtc - new Deadline(day.AddDays(-1), NewYork).EndsAtUtc;

        Assert.Equal(TimeSpan.FromHours(23), Length(new DateOnly(2026, 3, 8)));
        Assert.Equal(TimeSpan.FromHours(25), Length(new DateOnly(2026, 11, 1)));
        Assert.Equal(TimeSpan.FromHours(24), Length(new DateOnly(2026, 6, 15)));
    }

    [Fact]
    public void A_zone_whose_midnight_does_not_exist_ends_the_day_at_the_first_valid_minute()
    {
        // Santiago springs forward at 00:00: 6 September 2026 starts at 01:00 local (04:00 UTC).
        var santiago = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");
        var deadline = new Deadline(new DateOnly(2026, 9, 5), santiago);

        var end = deadline.EndsAtUtc;

        Assert.Equal(Make.Utc(2026, 9, 6, 4, 0), end);
    }

    // Due 20 July 2026 (EDT, UTC-4); "due soon" within 3 days.
    [Theory]
    [InlineData("2026-07-17T03:59:59Z", DeadlineState.OnTime, 4)]
    [InlineData("2026-07-17T04:00:00Z", DeadlineState.DueSoon, 3)]
    [InlineData("2026-07-20T04:00:00Z", DeadlineState.DueSoon, 0)]
    [InlineData("2026-07-21T03:59:59Z", DeadlineState.DueSoon, 0)]
    [InlineData("2026-07-21T04:00:00Z", DeadlineState.Overdue, -1)]
    [InlineData("2026-08-01T12:00:00Z", DeadlineState.Overdue, -12)]
    [InlineData("2026-07-01T12:00:00Z", DeadlineState.OnTime, 19)]
    public void State_changes_at_the_exact_local_day_boundaries(string nowUtc, DeadlineState expected, int daysLeft)
    {
        var deadline = new Deadline(new DateOnly(2026, 7, 20), NewYork);
        var now = DateTime.Parse(nowUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal);

        var state = deadline.State(now, dueSoonDays: 3);

        Assert.Equal(expected, state);
        Assert.Equal(daysLeft, deadline.DaysLeft(now));
    }

    [Fact]
    public void A_deadline_is_overdue_from_the_instant_its_due_date_ends()
    {
        var deadline = new Deadline(new DateOnly(2026, 11, 1), NewYork);

        Assert.Equal(DeadlineState.DueSoon, deadline.State(deadline.EndsAtUtc.AddTicks(-1), dueSoonDays: 3));
        Assert.Equal(DeadlineState.Overdue, deadline.State(deadline.EndsAtUtc, dueSoonDays: 3));
    }

    [Theory]
    [InlineData("2026-07-18T16:00:00Z", "2 days left")]
    [InlineData("2026-07-19T16:00:00Z", "1 day left")]
    [InlineData("2026-07-20T16:00:00Z", "due today")]
    [InlineData("2026-07-21T16:00:00Z", "1 day overdue")]
    [InlineData("2026-07-23T16:00:00Z", "3 days overdue")]
    public void Describe_says_how_many_days_are_left_or_overdue(string nowUtc, string expected)
    {
        var deadline = new Deadline(new DateOnly(2026, 7, 20), NewYork);

        var text = deadline.Describe(DateTime.Parse(nowUtc, null, System.Globalization.DateTimeStyles.AdjustToUniversal));

        Assert.Equal(expected, text);
    }

    [Fact]
    public void A_negative_number_of_days_is_a_programmer_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Deadline.From(Make.Utc(2026, 6, 15), -1, NewYork));
    }
}
