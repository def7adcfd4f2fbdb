using IaasKyc.Domain.Rules;

namespace IaasKyc.Portal.Features.Dashboard;

/// <summary>
/// An in-app notice to one user that a clock crossed a threshold (due soon, overdue). One per recipient, clock, due date and threshold:
/// the stored notices are also the record of what was sent, so each threshold is notified once.
/// </summary>
public sealed class Notification
{
    public Guid Id { get; set; }
    /// <summary>The recipient's user name (their email).</summary>
    public string Recipient { get; set; } = "";
    public string ClockKey { get; set; } = "";
    public DateOnly DueDate { get; set; }
    public DeadlineState Threshold { get; set; }
    public string Title { get; set; } = "";
    public string Href { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ReadAtUtc { get; set; }
    public bool Mailed { get; set; }
}
