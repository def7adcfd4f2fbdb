using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Rules;

namespace IaasKyc.Domain.AiTraining;

/// <summary>How the provider learned of the transaction (proposed § 7.308: a transaction or a changed arrangement).</summary>
public enum CaseTrigger { UsageSignal, ResellerReport, OfficerObservation, ChangedArrangement }

public enum CaseState { Open, DraftReady, Approved, Filed, ClosedNotReportable }

/// <summary>
/// A large-AI-training report case (proposed § 7.308): a foreign customer's account(s), the trigger and the date of
/// knowledge that starts the clock. Open → Draft ready → Approved (by an Approver other than the author) → Filed with
/// the date and the Department's reference; or Closed as not reportable with a reason an Approver other than the
/// proposer agrees to. The due date is fixed when the case opens, under the rule pack then in effect.
/// </summary>
public sealed class TrainingCase : IVersioned
{
    private TrainingCase() { }

    public TrainingCase(Guid id, Guid customerId, string accountReferences, CaseTrigger trigger, DateTime knowledgeAtUtc,
        RulePack rules, TimeZoneInfo timeZone, string openedBy, DateTime nowUtc, Guid? resellerId = null)
    {
        ResellerId = resellerId;
        if (knowledgeAtUtc > nowUtc) throw new ArgumentOutOfRangeException(nameof(knowledgeAtUtc), "The date of knowledge cannot be in the future.");
        (Id, CustomerId, AccountReferences, Trigger, KnowledgeAtUtc) = (id, customerId, accountReferences, trigger, knowledgeAtUtc);
        // Proposed § 7.308: 15 calendar days (the rule pack's aiReportDeadlineDays) after gaining knowledge.
        DueDate = Rules.Deadline.From(knowledgeAtUtc, rules.AiReportDeadlineDays, timeZone).DueDate;
        RulePackVersion = rules.Version;
        (OpenedBy, OpenedAtUtc) = (openedBy, nowUtc);
    }

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }
    public string AccountReferences { get; private set; } = "";
    public CaseTrigger Trigger { get; private set; }
    public DateTime KnowledgeAtUtc { get; private set; }
    public DateOnly DueDate { get; private set; }
    public string RulePackVersion { get; private set; } = "";
    public CaseState State { get; private set; }
    public string OpenedBy { get; private set; } = "";
    public DateTime OpenedAtUtc { get; private set; }
    public string? DraftBy { get; private set; }
    public DateTime? DraftAtUtc { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTime? ApprovedAtUtc { get; private set; }
    public DateOnly? FiledOn { get; private set; }
    public string? FilingReference { get; private set; }
    public string? FiledBy { get; private set; }
    public string? CloseReason { get; private set; }
    public string? CloseProposedBy { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public Guid Version { get; set; }

    /// <summary>The foreign reseller through which the provider learned of an end customer's run (proposed § 7.308: "or its foreign reseller").</summary>
    public Guid? ResellerId { get; private set; }
    /// <summary>The filed case whose arrangement changed: this case reports the change.</summary>
    public Guid? FollowUpOfId { get; private set; }
    /// <summary>The narrative sections of the current draft (<see cref="ReportNarrative"/> as JSON).</summary>
    public string NarrativeJson { get; private set; } = ReportNarrative.Empty.ToJson();
    public string? NarrativeBy { get; private set; }
    public DateTime? NarrativeAtUtc { get; private set; }
    /// <summary>The number of the latest report version (0: none yet). Each "draft ready" freezes a new one.</summary>
    public int LatestVersion { get; private set; }
    public int? FiledVersion { get; private set; }

    public ReportNarrative Narrative => ReportNarrative.FromJson(NarrativeJson);

    /// <summary>
    /// Changes the narrative. A change after "draft ready" or after approval sends the case back to Open: the frozen version
    /// stays as it was approved, and the next "draft ready" makes a new version. A filed report is never changed: a changed
    /// arrangement opens a follow-up case instead.
    /// </summary>
    public void EditNarrative(ReportNarrative narrative, string by, DateTime nowUtc)
    {
        Require(State is CaseState.Open or CaseState.DraftReady or CaseState.Approved, "change its draft");
        if (State != CaseState.Open) (State, DraftBy, DraftAtUtc, ApprovedBy, ApprovedAtUtc) = (CaseState.Open, null, null, null, null);
        (NarrativeJson, NarrativeBy, NarrativeAtUtc) = (narrative.ToJson(), by, nowUtc);
    }

    /// <summary>Proposed § 7.308 (a change to an existing arrangement): a filed case opens a linked follow-up with the same subject and draft.</summary>
    public TrainingCase FollowUp(Guid id, DateTime knowledgeAtUtc, RulePack rules, TimeZoneInfo timeZone, string openedBy, DateTime nowUtc)
    {
        Require(State == CaseState.Filed, "have a follow-up");
        return new TrainingCase(id, CustomerId, AccountReferences, CaseTrigger.ChangedArrangement, knowledgeAtUtc, rules, timeZone, openedBy, nowUtc, ResellerId)
        {
            FollowUpOfId = Id,
            NarrativeJson = NarrativeJson,
            NarrativeBy = openedBy,
            NarrativeAtUtc = nowUtc,
        };
    }

    /// <summary>A clock runs until the report is filed or the case is closed.</summary>
    public bool ClockRunning => State is CaseState.Open or CaseState.DraftReady or CaseState.Approved;

    public Rules.Deadline Deadline(TimeZoneInfo timeZone) => new(DueDate, timeZone);

    /// <summary>Marks the draft ready and freezes its content (<paramref name="contentJson"/>) as the next report version.</summary>
    public ReportVersion MarkDraftReady(string by, DateTime nowUtc, string contentJson, string rulePackVersion)
    {
        Require(State == CaseState.Open && CloseProposedBy is null, "mark the draft ready");
        (State, DraftBy, DraftAtUtc) = (CaseState.DraftReady, by, nowUtc);
        LatestVersion++;
        return new ReportVersion(Guid.NewGuid(), Id, LatestVersion, contentJson, rulePackVersion, by, nowUtc);
    }

    /// <summary>An edit after "draft ready" sends the case back to Open: the Approver approves what is finally written.</summary>
    public void ReopenDraft()
    {
        Require(State == CaseState.DraftReady, "reopen the draft");
        (State, DraftBy, DraftAtUtc) = (CaseState.Open, null, null);
    }

    /// <summary>Approves the latest version, which is frozen from then on; never by the person who wrote or readied the draft.</summary>
    public void Approve(string approver, DateTime nowUtc, ReportVersion version)
    {
        Require(State == CaseState.DraftReady, "approve");
        if (version.CaseId != Id || version.Number != LatestVersion) throw new ArgumentException("Only the latest version of this case is approved.", nameof(version));
        if (string.Equals(approver, DraftBy, StringComparison.OrdinalIgnoreCase))
            throw new FourEyesViolation("You marked this draft ready: another Approver must approve it.");
        if (string.Equals(approver, NarrativeBy, StringComparison.OrdinalIgnoreCase))
            throw new FourEyesViolation("You wrote this draft: another Approver must approve it.");
        version.Approve(approver, nowUtc);
        (State, ApprovedBy, ApprovedAtUtc) = (CaseState.Approved, approver, nowUtc);
    }

    public void File(DateOnly filedOn, string reference, string by, DateOnly today)
    {
        Require(State == CaseState.Approved, "be filed");
        if (string.IsNullOrWhiteSpace(reference)) throw new ArgumentException("The Department's reference is required.", nameof(reference));
        if (filedOn > today || filedOn < DateOnly.FromDateTime(ApprovedAtUtc!.Value.Date).AddDays(-1))
            throw new ArgumentOutOfRangeException(nameof(filedOn), "A report is filed after its approval and not in the future.");
        (State, FiledOn, FilingReference, FiledBy, FiledVersion) = (CaseState.Filed, filedOn, reference.Trim(), by, LatestVersion);
    }

    public void ProposeClose(string reason, string by)
    {
        Require(State is CaseState.Open or CaseState.DraftReady && CloseProposedBy is null, "be proposed for closing");
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A reason is required.", nameof(reason));
        (CloseReason, CloseProposedBy) = (reason.Trim(), by);
    }

    public void WithdrawCloseProposal()
    {
        Require(CloseProposedBy is not null && State != CaseState.ClosedNotReportable, "withdraw a closing proposal");
        (CloseReason, CloseProposedBy) = (null, null);
    }

    /// <summary>Closing as not reportable needs an Approver's agreement, never the proposer's own.</summary>
    public void AgreeClose(string approver, DateTime nowUtc)
    {
        Require(CloseProposedBy is not null && State is CaseState.Open or CaseState.DraftReady, "be closed");
        if (string.Equals(approver, CloseProposedBy, StringComparison.OrdinalIgnoreCase))
            throw new FourEyesViolation("You proposed closing this case: another Approver must agree.");
        (State, ClosedBy, ClosedAtUtc) = (CaseState.ClosedNotReportable, approver, nowUtc);
    }

    private void Require(bool condition, string action)
    {
        if (!condition) throw new InvalidStateTransition($"A case in state {State} cannot {action}.");
    }
}
