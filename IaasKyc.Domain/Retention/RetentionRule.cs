using IaasKyc.Domain.Rules;

namespace IaasKyc.Domain.Retention;

/// <summary>What the retention date of one customer record rests on: its accounts' closures, its own closure and its last IP access.</summary>
/// <param name="OpenAccounts">Accounts not closed (a reopened account counts as open).</param>
/// <param name="LastAccountClosureUtc">The latest closure among its accounts; null when it has none closed.</param>
/// <param name="CustomerClosedAtUtc">When the customer was closed (used only when it never had an account).</param>
/// <param name="LastAccessUtc">The latest IP access event on any of its accounts.</param>
public sealed record RetentionFacts(int OpenAccounts, DateTime? LastAccountClosureUtc, DateTime? CustomerClosedAtUtc, DateTime? LastAccessUtc)
{
    /// <summary>The facts from each account's closure (null while open).</summary>
    public static RetentionFacts FromAccounts(IReadOnlyCollection<DateTime?> accountClosuresUtc, DateTime? customerClosedAtUtc, DateTime? lastAccessUtc) =>
        new(accountClosuresUtc.Count(c => c is null), accountClosuresUtc.Max(), customerClosedAtUtc, lastAccessUtc);
}

public enum RetentionTrigger { None, Closure, Access }

/// <summary>
/// A record's retention date and why. <see cref="RetainUntil"/> is the last calendar day (provider's zone) the record must be
/// kept; it becomes purgeable once that day has ended.
/// </summary>
public sealed record RetentionBasis(DateOnly? RetainUntil, RetentionTrigger Trigger, DateOnly? TriggerDate, int OpenAccounts, int Years)
{
    public DateOnly? PurgeableFrom => RetainUntil?.AddDays(1);

    public bool IsPurgeable(DateOnly today) => RetainUntil is { } until && today > until;

    public string Describe() => Trigger switch
    {
        RetentionTrigger.Closure => $"{Years} {YearsWord} after the last account closure ({TriggerDate:yyyy-MM-dd})",
        RetentionTrigger.Access => $"{Years} {YearsWord} after the last IP access ({TriggerDate:yyyy-MM-dd}), later than the last closure",
        _ when OpenAccounts > 0 => $"No retention date while {OpenAccounts} account{(OpenAccounts == 1 ? " is" : "s are")} open",
        _ => "No retention date until the customer is closed",
    };

    private string YearsWord => Years == 1 ? "year" : "years";
}

/// <summary>
/// Record retention (proposed § 7.302 record keeping; rule pack <c>retentionYears</c>): once every account of a customer is
/// closed, its records are kept <c>retentionYears</c> after the later of the last closure and the last IP access event,
/// counted in calendar days of the provider's time zone (api.md "Times").
/// </summary>
public static class RetentionRule
{
    public static RetentionBasis Evaluate(RetentionFacts facts, int years, TimeZoneInfo zone)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(years);
        if (facts.OpenAccounts > 0) return new(null, RetentionTrigger.None, null, facts.OpenAccounts, years);

        // A customer closed without ever having an account: its closure starts the clock (product.md "closure starts the retention clock").
        var lastClosure = facts.LastAccountClosureUtc ?? facts.CustomerClosedAtUtc;
        if (lastClosure is null) return new(null, RetentionTrigger.None, null, 0, years);

        var (trigger, at) = facts.LastAccessUtc is { } access && access > lastClosure.Value
            ? (RetentionTrigger.Access, access)
            : (RetentionTrigger.Closure, lastClosure.Value);
        var day = Deadline.LocalDate(at, zone);
        return new(AddYears(day, years), trigger, day, 0, years);
    }

    /// <summary>
    /// Whole years on the calendar. A 29 February anniversary in a common year falls on 1 March, never 28 February:
    /// a record is never purgeable before the full period has run.
    /// </summary>
    public static DateOnly AddYears(DateOnly day, int years)
    {
        var target = day.AddYears(years);
        return day is { Month: 2, Day: 29 } && target.Day == 28 ? target.AddDays(1) : target;
    }
}
