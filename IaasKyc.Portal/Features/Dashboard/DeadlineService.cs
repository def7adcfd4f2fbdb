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
    public async Task<DeadlineBoard> BoardAsync(DeadlineFilter filter, CancellationToken ct = default)
    {
        var (rows, pack, until) = await RowsAsync(Math.Clamp(filter.HorizonDays, 0, 36_500), ct);
        var matching = rows
            .Where(r => filter.Kind is null || r.Item.Kind == filter.Kind)
            .Where(r => filter.Whose is null || string.Equals(r.Item.Whose, filter.Whose, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var shown = matching.Where(r => filter.State is null || r.Standing.State == filter.State).ToList();
        return new DeadlineBoard([.. shown.Take(filter.Take)], shown.Count,
            matching.Count(r => r.Standing.State == DeadlineState.Overdue), matching.Count(r => r.Standing.State == DeadlineState.DueSoon),
            matching.Count(r => r.Standing.State == DeadlineState.OnTime), pack.DueSoonDays, until,
            [.. rows.Select(r => r.Item.Kind).Distinct().Order(StringComparer.Ordinal)],
            filter.Me is null ? 0 : rows.Count(r => r.Standing.State != DeadlineState.OnTime && string.Equals(r.Item.Whose, filter.Me, StringComparison.OrdinalIgnoreCase)));
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
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = time.Today;
        var pack = await RulePackService.ActiveAsync(db, today, ct);
        var window = new DeadlineWindow(today, today.AddDays(horizonDays), pack);
        var now = time.UtcNow;
        var rows = new List<DeadlineRow>();
        foreach (var source in sources)
        {
            foreach (var item in await source.OpenAsync(db, window, ct))
                rows.Add(new DeadlineRow(item, DeadlineStanding.Of(item.DueDate, now, time.Zone, pack.DueSoonDays)));
        }
        return ([.. DeadlineStanding.Order(rows, r => r.Standing, r => r.Item.Kind + "\u0001" + r.Item.What + "\u0001" + r.Item.Key)], pack, window.Until);
    }
}
