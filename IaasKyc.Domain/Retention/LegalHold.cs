namespace IaasKyc.Domain.Retention;

/// <summary>
/// A legal hold on one customer record (product.md "Retention": a legal hold blocks purge): placed with a reason,
/// released with a reason; the rows stay as the record of every hold there was.
/// </summary>
public sealed class LegalHold : IVersioned
{
    private LegalHold() { }

    public LegalHold(Guid id, Guid customerId, string reason, string by, DateTime nowUtc) =>
        (Id, CustomerId, Reason, PlacedBy, PlacedAtUtc) = (id, customerId, reason, by, nowUtc);

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }
    public string Reason { get; private set; } = "";
    public string PlacedBy { get; private set; } = "";
    public DateTime PlacedAtUtc { get; private set; }
    public string? ReleaseReason { get; private set; }
    public string? ReleasedBy { get; private set; }
    public DateTime? ReleasedAtUtc { get; private set; }
    public Guid Version { get; set; }

    public bool Active => ReleasedAtUtc is null;

    public void Release(string reason, string by, DateTime nowUtc)
    {
        if (!Active) throw new InvalidOperationException("This hold was released already.");
        (ReleaseReason, ReleasedBy, ReleasedAtUtc) = (reason, by, nowUtc);
    }
}

/// <summary>
/// What is left of a purged customer record: its id, when and by whom it was purged and the retention basis, never a
/// personal value. The audit trail keeps the history, its personal values erased with the subject's key.
/// </summary>
public sealed class CustomerTombstone
{
    private CustomerTombstone() { }

    public CustomerTombstone(Guid customerId, DateTime purgedAtUtc, string purgedBy, DateOnly retainedUntil, string basis, string rulePackVersion) =>
        (CustomerId, PurgedAtUtc, PurgedBy, RetainedUntil, Basis, RulePackVersion) = (customerId, purgedAtUtc, purgedBy, retainedUntil, basis, rulePackVersion);

    public Guid CustomerId { get; private set; }
    public DateTime PurgedAtUtc { get; private set; }
    public string PurgedBy { get; private set; } = "";
    public DateOnly RetainedUntil { get; private set; }
    public string Basis { get; private set; } = "";
    public string RulePackVersion { get; private set; } = "";
}
