using IaasKyc.Domain.Rules;
using IaasKyc.Portal.Data;
using IaasKyc.Portal.Features.RulePacks;
using Microsoft.EntityFrameworkCore;

namespace IaasKyc.Portal.Features.Dashboard;

/// <summary>A clock on the board with where it stands today.</summary>
public sealed record DeadlineRow(DeadlineItem Item, DeadlineStanding Standing);

/// <summary>What the board shows: the rows in board order (at most the requested number) and the counts of all matching clocks.</summary>
public sealed record DeadlineBoard(IReadOnlyList<DeadlineRow> Rows, int Total, int Overdue, int DueSoon, int OnTime, int DueSoonDays, DateOnly Until,
    IReadOnlyList<string> Kinds, int MineDue = 0);

/// <summary>Which clocks: due within <see cref="HorizonDays"/> days (overdue ones always), of one kind, one state, one person's.</summary>
/// <summary><see cref="Me"/>: also count that user's clocks due soon or overdue (<see cref="DeadlineBoard.MineDue"/>), whatever the other filters.</summary>
public sealed record DeadlineFilter(int HorizonDays = DeadlineFilter.DefaultHorizonDays, string? Kind = null, DeadlineState? State = null, string? Whose = null,
    int Take = int.MaxValue, string? Me = null)
{
    public const int DefaultHorizonDays = 90;
}

/// <summary>Every clock of the portal in one list (issue 9 item 2), from the registered <see cref="IDeadlineSource"/>s.</summary>
public sealed class DeadlineService(IDbContextFactory<PortalDbContext> dbFactory, IEnumerable<IDeadlineSource> sources, PortalTime time)
{
    /// <summary>
    /// Counts every matching clock by its state (a day-number comparison each) and builds and orders only the rows it returns:
    /// the compact board on Home shows 8 of thousands.
    /// </summary>
    public async Task<DeadlineBoard> BoardAsync(DeadlineFilter filter, CancellationToken ct = default)
    {
        var (items, pack, until) = await ItemsAsync(Math.Clamp(filter.HorizonDays, 0, 36_500), ct);
        var now = time.UtcNow;
        var clocks = items.Select(i => (Item: i, State: new Deadline(i.DueDate, time.Zone).State(now, pack.DueSoonDays))).ToList();
        var matching = clocks
            .Where(r => filter.Kind is null || r.Item.Kind == filter.Kind)
            .Where(r => filter.Whose is null || string.Equals(r.Item.Whose, filter.Whose, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var shown = matching.Where(r => filter.State is null || r.State == filter.State).ToList();
        // Board order (DeadlineStanding.Order): days left follow the due date, so the first rows by due date and tie-break are the
        // board's first rows; OrderBy + Take selects them without sorting the rest.
        var first = shown.OrderBy(r => r.Item.DueDate).ThenBy(r => TieBreak(r.Item), StringComparer.Ordinal).Take(filter.Take)
            .Select(r => new DeadlineRow(r.Item, DeadlineStanding.Of(r.Item.DueDate, now, time.Zone, pack.DueSoonDays)));
        return new DeadlineBoard([.. DeadlineStanding.Order(first, r => r.Standing, r => TieBreak(r.Item))], shown.Count,
            matching.Count(r => r.State == DeadlineState.Overdue), matching.Count(r => r.State == DeadlineState.DueSoon),
            matching.Count(r => r.State == DeadlineState.OnTime), pack.DueSoonDays, until,
            [.. clocks.Select(r => r.Item.Kind).Distinct().Order(StringComparer.Ordinal)],
            filter.Me is null ? 0 : clocks.Count(r => r.State != DeadlineState.OnTime && string.Equals(r.Item.Whose, filter.Me, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The clocks that are due soon or overdue today, for the notifications.</summary>
    public async Task<IReadOnlyList<DeadlineRow>> ComingDueAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pack = await RulePackService.ActiveAsync(db, time.Today, ct);
        var (rows, _, _) = await RowsAsync(pack.DueSoonDays, ct);
        return [.. rows.Where(r => r.Standing.State != DeadlineState.OnTime)];
    }

    private async Task<(List<DeadlineRow> Rows, RulePack Pack, DateOnly Until)> RowsAsync(int horizonDays, CancellationToken ct)
    {
        var (items, pack, until) = await ItemsAsync(horizonDays, ct);
        var now = time.UtcNow;
        var rows = items.Select(i => new DeadlineRow(i, DeadlineStanding.Of(i.DueDate, now, time.Zone, pack.DueSoonDays)));
        return ([.. DeadlineStanding.Order(rows, r => r.Standing, r => TieBreak(r.Item))], pack, until);
    }

    private async Task<(List<DeadlineItem> Items, RulePack Pack, DateOnly Until)> ItemsAsync(int horizonDays, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = time.Today;
        var pack = await RulePackService.ActiveAsync(db, today, ct);
        var window = new DeadlineWindow(today, today.AddDays(horizonDays), pack);
        var items = new List<DeadlineItem>();
        foreach (var source in sources) items.AddRange(await source.OpenAsync(db, window, ct));
        return (items, pack, window.Until);
    }

    private static string TieBreak(DeadlineItem i) => i.Kind + "\u0001" + i.What + "\u0001" + i.Key;
}
