namespace IaasKyc.Domain.Rules;

/// <summary>
/// Where one clock of the deadline board stands today: days left (calendar days in the provider's zone), its state
/// (on time, due soon within the rule pack's <c>dueSoonDays</c>, overdue once the due date has ended) and the text people read.
/// </summary>
public sealed record DeadlineStanding(DateOnly DueDate, int DaysLeft, DeadlineState State, string Text)
{
    public static DeadlineStanding Of(DateOnly dueDate, DateTime nowUtc, TimeZoneInfo zone, int dueSoonDays)
    {
        var clock = new Deadline(dueDate, zone);
        return new(dueDate, clock.DaysLeft(nowUtc), clock.State(nowUtc, dueSoonDays), clock.Describe(nowUtc));
    }

    /// <summary>
    /// The notice a clock owes now, given the thresholds already notified for the same due date: one "due soon" and one "overdue",
    /// each once; a clock that went overdue before anyone was told of "due soon" gets the overdue notice only. Null: nothing owed.
    /// </summary>
    public static DeadlineState? NoticeOwed(DeadlineState state, IReadOnlyCollection<DeadlineState> alreadySent) =>
        state == DeadlineState.OnTime || alreadySent.Contains(state) ? null : state;

    /// <summary>The board's order: fewest days left first (most overdue at the top), then by due date and the given tie-breakers.</summary>
    public static IEnumerable<T> Order<T>(IEnumerable<T> rows, Func<T, DeadlineStanding> standing, Func<T, string> tieBreak) =>
        rows.OrderBy(r => standing(r).DaysLeft).ThenBy(r => standing(r).DueDate).ThenBy(tieBreak, StringComparer.Ordinal);
}
