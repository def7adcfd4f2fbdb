using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Retention;

namespace IaasKyc.Portal.Features.Retention;

public sealed record HoldView(Guid Id, string Reason, string PlacedBy, DateTime PlacedAtUtc, string? ReleaseReason, string? ReleasedBy,
    DateTime? ReleasedAtUtc, Guid Version)
{
    public bool Active => ReleasedAtUtc is null;

    public static HoldView Of(LegalHold h) => new(h.Id, h.Reason, h.PlacedBy, h.PlacedAtUtc, h.ReleaseReason, h.ReleasedBy, h.ReleasedAtUtc, h.Version);
}

/// <summary>One customer's retention: the date and its basis, whether it is purgeable today, and its holds (newest first).</summary>
public sealed record CustomerRetention(Guid CustomerId, RetentionBasis Basis, bool Purgeable, IReadOnlyList<HoldView> Holds)
{
    public HoldView? ActiveHold => Holds.FirstOrDefault(h => h.Active);
}

/// <summary>A row of the retention page; <see cref="ListedSince"/> is set once the daily job listed the record as purgeable.</summary>
public sealed record RetentionRow(Guid CustomerId, string Name, CustomerStatus Status, RetentionBasis Basis, bool Purgeable, HoldView? ActiveHold,
    DateOnly? ListedSince);

/// <summary>
/// One retention clock for the deadline board: what is due, whose record (<see cref="CustomerId"/>, <see cref="Whose"/>), the due
/// date (the last day the record is kept: "overdue" once it may be purged), whether a legal hold stops the purge, and where to act.
/// </summary>
public sealed record RetentionClock(string What, Guid CustomerId, string Whose, DateOnly DueDate, bool OnLegalHold, string Href);

public sealed record TombstoneView(Guid CustomerId, DateTime PurgedAtUtc, string PurgedBy, DateOnly RetainedUntil, string Basis, string RulePackVersion)
{
    public static TombstoneView Of(CustomerTombstone t) => new(t.CustomerId, t.PurgedAtUtc, t.PurgedBy, t.RetainedUntil, t.Basis, t.RulePackVersion);
}
