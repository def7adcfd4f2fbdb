namespace IaasKyc.Domain.Rules;

public enum DeadlineState { OnTime, DueSoon, Overdue }

/// <summary>
/// A calendar-day clock, counted in the provider's time zone (api.md): due date = local date of the
/// triggering event + N days; "due soon" within the rule pack's dueSoonDays; overdue once the due date has ended.
/// Every clock of the portal (AI-training reports, reseller terminations, production requests, renewals) uses it.
/// </summary>
public readonly record struct Deadline(DateOnly DueDate, TimeZoneInfo TimeZone)
{
    public static Deadline From(DateTime triggerUtc, int days, TimeZoneInfo timeZone)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return new(LocalDate(triggerUtc, timeZone).AddDays(days), timeZone);
    }

    public static DateOnly LocalDate(DateTime utc, TimeZoneInfo timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), timeZone));

    /// <summary>Whole calendar days from today (in the provider's zone) to the due date; negative once overdue.</summary>
    public int DaysLeft(DateTime nowUtc) => DueDate.DayNumber - LocalDate(nowUtc, TimeZone).DayNumber;

    public DeadlineState State(DateTime nowUtc, int dueSoonDays)
    {
        var left = DaysLeft(nowUtc);
        return left < 0 ? DeadlineState.Overdue : left <= dueSoonDays ? DeadlineState.DueSoon : DeadlineState.OnTime;
    }

    /// <summary>The UTC instant at which the due date ends (local midnight after it), daylight-saving changes included.</summary>
    public DateTime EndsAtUtc
    {
        get
        {
            var localMidnight = DueDate.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
            // A midnight that does not exist locally (a zone that springs forward at 00:00) moves to the first valid minute.
            while (TimeZone.IsInvalidTime(localMidnight)) localMidnight = localMidnight.AddMinutes(30);
            return TimeZoneInfo.ConvertTimeToUtc(localMidnight, TimeZone);
        }
    }

    public string Describe(DateTime nowUtc)
    {
        var left = DaysLeft(nowUtc);
        return left switch
        {
            < -1 => $"{-left} days overdue",
            -1 => "1 day overdue",
            0 => "due today",
            1 => "1 day left",
            _ => $"{left} days left",
        };
    }
}
