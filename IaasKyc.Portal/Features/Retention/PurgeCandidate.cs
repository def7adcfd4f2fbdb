namespace IaasKyc.Portal.Features.Retention;

/// <summary>A customer record the daily retention job found purgeable, so that it shows on the deadline board until it is purged.</summary>
public sealed class PurgeCandidate
{
    public Guid CustomerId { get; set; }
    /// <summary>The first calendar day on which the record could be purged (the day after its retention date).</summary>
    public DateOnly PurgeableSince { get; set; }
    public DateTime ListedAtUtc { get; set; }
}
