using IaasKyc.Domain;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Screening;

namespace IaasKyc.Portal.Features.SpecialMeasures;

/// <summary>Where an entry stands in the register: recorded and awaiting a second person's approval, approved, or withdrawn.</summary>
public enum MeasureStatus { Proposed, Approved, Withdrawn }

/// <summary>
/// One entry of the special-measures register (proposed § 7.305–7.307). An Officer or Approver records it; a different Approver
/// approves it before it counts (four-eyes). An approved entry is never edited: an Approver withdraws it with a reason, and a
/// correction is recorded as a new entry.
/// </summary>
public sealed class SpecialMeasure : IVersioned
{
    private SpecialMeasure() { }

    public SpecialMeasure(Guid id, int number, SpecialMeasureTerms t, string recordedBy, DateTime nowUtc)
    {
        (Id, Number, Target, Action, Country, PersonName, ConditionText) = (id, number, t.Target, t.Action, t.Country, t.PersonName, t.ConditionText);
        Aliases = t.Aliases.Count == 0 ? null : string.Join('\n', t.Aliases);
        (DeterminationDate, EffectiveDate, ExpiryDate, SourceReference, Description) = (t.DeterminationDate, t.EffectiveDate, t.ExpiryDate, t.SourceReference, t.Description);
        (Status, RecordedBy, RecordedAtUtc) = (MeasureStatus.Proposed, recordedBy, nowUtc);
    }

    public Guid Id { get; private set; }
    /// <summary>The register's running number, shown as <see cref="Reference"/>.</summary>
    public int Number { get; private set; }
    public MeasureTarget Target { get; private set; }
    public MeasureAction Action { get; private set; }
    /// <summary>ISO 3166-1 alpha-2: the jurisdiction, or a person's country (optional for a person).</summary>
    public string? Country { get; private set; }
    public string? PersonName { get; private set; }
    /// <summary>A person's aliases, one a line.</summary>
    public string? Aliases { get; private set; }
    public string? ConditionText { get; private set; }
    public DateOnly DeterminationDate { get; private set; }
    public DateOnly EffectiveDate { get; private set; }
    /// <summary>The first day the measure no longer applies.</summary>
    public DateOnly ExpiryDate { get; private set; }
    public string SourceReference { get; private set; } = "";
    public string? Description { get; private set; }

    public MeasureStatus Status { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAtUtc { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTime? ApprovedAtUtc { get; private set; }
    public string? WithdrawnBy { get; private set; }
    public DateTime? WithdrawnAtUtc { get; private set; }
    public string? WithdrawalReason { get; private set; }
    public Guid Version { get; set; }

    public string Reference => $"SM-{Number:000}";

    public SpecialMeasureTerms Terms => new(Target, Action, Country, PersonName, SpecialMeasureRules.SplitAliases(Aliases), ConditionText,
        DeterminationDate, EffectiveDate, ExpiryDate, SourceReference, Description);

    /// <summary>It counts on <paramref name="day"/>: approved, not withdrawn, and in effect by its dates.</summary>
    public bool InEffectOn(DateOnly day) =>
        Status == MeasureStatus.Approved && SpecialMeasureRules.StateOn(EffectiveDate, ExpiryDate, day) == MeasureState.InEffect;

    /// <summary>The four-eyes rule: whoever recorded the entry cannot approve it.</summary>
    public void Approve(string approver, DateTime nowUtc)
    {
        if (Status != MeasureStatus.Proposed) throw new InvalidStateTransition($"An entry that is {Status.ToString().ToLowerInvariant()} cannot be approved.");
        if (string.Equals(approver, RecordedBy, StringComparison.OrdinalIgnoreCase))
            throw new FourEyesViolation("You recorded this entry: another Approver must approve it.");
        (Status, ApprovedBy, ApprovedAtUtc) = (MeasureStatus.Approved, approver, nowUtc);
    }

    /// <summary>Ends a proposed or approved entry; it stays in the register, with who withdrew it and why.</summary>
    public void Withdraw(string by, string reason, DateTime nowUtc)
    {
        if (Status == MeasureStatus.Withdrawn) throw new InvalidStateTransition("This entry is withdrawn already.");
        (Status, WithdrawnBy, WithdrawnAtUtc, WithdrawalReason) = (MeasureStatus.Withdrawn, by, nowUtc, reason);
    }
}
