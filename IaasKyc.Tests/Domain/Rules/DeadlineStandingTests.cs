using IaasKyc.Domain.Rules;
using IaasKyc.Tests.Support;

namespace IaasKyc.Tests.Domain.Rules;

public sealed class DeadlineStandingTests
{
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly DateOnly Due = new(2026, 6, 20);

    [Theory]
    [InlineData(2026, 6, 16, 4, 3, DeadlineState.OnTime, "4 days left")]
    [InlineData(2026, 6, 17, 4, 3, DeadlineState.DueSoon, "3 days left")]
    [InlineData(2026, 6, 20, 14, 0, DeadlineState.DueSoon, "due today")]
    [InlineData(2026, 6, 21, 3, 59, DeadlineState.DueSoon, "due today")]
    [InlineData(2026, 6, 21, 4, 0, DeadlineState.Overdue, "1 day overdue")]
    [InlineData(2026, 6, 23, 12, 0, DeadlineState.Overdue, "3 days overdue")]
    public void State_changes_at_midnight_in_New_York_not_at_midnight_UTC(int y, int m, int d, int h, int min, DeadlineState state, string text)
    {
        var standing = DeadlineStanding.Of(Due, Make.Utc(y, m, d, h, min), NewYork, dueSoonDays: 3);

        Assert.Equal(state, standing.State);
        Assert.Equal(text, standing.Text);
    }

    [Fact]
    public void Due_soon_starts_exactly_at_the_rule_pack_window()
    {
        // 09:00 on 15 June in New York: 5 days before the due date.
        var now = Make.Utc(2026, 6, 15, 13, 0);

        Assert.Equal(DeadlineState.OnTime, DeadlineStanding.Of(Due, now, NewYork, dueSoonDays: 4).State);
        Assert.Equal(DeadlineState.DueSoon, DeadlineStanding.Of(Due, now, NewYork, dueSoonDays: 5).State);
    }

    [Fact]
    public void The_day_clocks_spring_forward_counts_as_one_calendar_day()
    {
        // 8 March 2026: New York moves from UTC-5 to UTC-4 at 02:00. 23:59 on 7 March is 04:59 UTC; midnight on 9 March is 04:00 UTC.
        var due = new DateOnly(2026, 3, 8);

        Assert.Equal(1, DeadlineStanding.Of(due, Make.Utc(2026, 3, 8, 4, 59), NewYork, 3).DaysLeft);
        Assert.Equal(0, DeadlineStanding.Of(due, Make.Utc(2026, 3, 8, 5, 0), NewYork, 3).DaysLeft);
        Assert.Equal(0, DeadlineStanding.Of(due, Make.Utc(2026, 3, 9, 3, 59), NewYork, 3).DaysLeft);
        Assert.Equal(DeadlineState.Overdue, DeadlineStanding.Of(due, Make.Utc(2026, 3, 9, 4, 0), NewYork, 3).State);
    }

    [Fact]
    public void The_day_clocks_fall_back_ends_at_local_midnight_in_standard_time()
    {
        // 1 November 2026: back to UTC-5; that day lasts 25 hours and ends at 05:00 UTC on 2 November.
        var due = new DateOnly(2026, 11, 1);

        Assert.Equal(DeadlineState.DueSoon, DeadlineStanding.Of(due, Make.Utc(2026, 11, 2, 4, 59), NewYork, 3).State);
        Assert.Equal(DeadlineState.Overdue, DeadlineStanding.Of(due, Make.Utc(2026, 11, 2, 5, 0), NewYork, 3).State);
    }

    [Theory]
    [InlineData("2026-02-28", "2026-03-01", 2026, 2, 27, 1, 2)]
    [InlineData("2026-01-31", "2026-02-01", 2026, 1, 31, 0, 1)]
    [InlineData("2028-02-29", "2028-03-01", 2028, 2, 28, 1, 2)]
    [InlineData("2026-12-31", "2027-01-01", 2026, 12, 31, 0, 1)]
    public void Days_left_count_across_month_and_year_ends(string firstDue, string secondDue, int y, int m, int d, int firstLeft, int secondLeft)
    {
        // Noon in New York on the given day.
        var now = Make.Utc(y, m, d, 17, 0);

        Assert.Equal(firstLeft, DeadlineStanding.Of(DateOnly.Parse(firstDue), now, NewYork, 3).DaysLeft);
        Assert.Equal(secondLeft, DeadlineStanding.Of(DateOnly.Parse(secondDue), now, NewYork, 3).DaysLeft);
    }

    [Fact]
    public void Each_threshold_is_notified_once_and_an_unnoticed_due_soon_is_skipped_when_already_overdue()
    {
        Assert.Null(DeadlineStanding.NoticeOwed(DeadlineState.OnTime, []));
        Assert.Equal(DeadlineState.DueSoon, DeadlineStanding.NoticeOwed(DeadlineState.DueSoon, []));
        Assert.Null(DeadlineStanding.NoticeOwed(DeadlineState.DueSoon, [DeadlineState.DueSoon]));
        Assert.Equal(DeadlineState.Overdue, DeadlineStanding.NoticeOwed(DeadlineState.Overdue, [DeadlineState.DueSoon]));
        Assert.Equal(DeadlineState.Overdue, DeadlineStanding.NoticeOwed(DeadlineState.Overdue, []));
        Assert.Null(DeadlineStanding.NoticeOwed(DeadlineState.Overdue, [DeadlineState.Overdue]));
    }

    [Fact]
    public void The_board_lists_the_most_overdue_first_then_by_due_date_and_name()
    {
        var now = Make.Utc(2026, 6, 15, 14, 0);
        var rows = new[] { ("b", new DateOnly(2026, 6, 30)), ("c", new DateOnly(2026, 6, 10)), ("a", new DateOnly(2026, 6, 30)), ("d", new DateOnly(2026, 6, 15)) };

        var ordered = DeadlineStanding.Order(rows, r => DeadlineStanding.Of(r.Item2, now, NewYork, 3), r => r.Item1).Select(r => r.Item1);

        Assert.Equal(["c", "d", "a", "b"], ordered);
    }
}
