using IaasKyc.Domain.Customers;

namespace IaasKyc.Domain.Resellers;

public enum ResellerStatus { Onboarding, Active, NonCompliant, Terminated }

/// <summary>How the reseller meets the flow-down duty (proposed § 7.301): its own written CIP, or the provider's adopted by agreement.</summary>
public enum CipArrangement { None, OwnCip, AdoptsProviderCip }

/// <summary>
/// The reseller profile of an entity customer that resells the provider's IaaS abroad (regulation.md §2, proposed § 7.301).
/// The customer itself is identified, verified and screened as any customer; this holds what the flow-down adds.
/// State changes are methods; each one is kept in <see cref="History"/>.
/// </summary>
public sealed class Reseller : IVersioned
{
    private readonly List<ResellerContact> contacts = [];
    private readonly List<ResellerCipFile> cipFiles = [];
    private readonly List<ResellerEndAccount> endAccounts = [];
    private readonly List<ResellerStatusChange> history = [];
    private readonly List<NonComplianceFinding> findings = [];
    private readonly List<TerminationFlag> flags = [];

    private Reseller() { }

    public Reseller(Guid id, Guid customerId, DateOnly relationshipStart, string createdBy, DateTime nowUtc)
    {
        (Id, CustomerId, RelationshipStart, CreatedBy, CreatedAtUtc, UpdatedAtUtc) = (id, customerId, relationshipStart, createdBy, nowUtc, nowUtc);
        Status = ResellerStatus.Onboarding;
        history.Add(new ResellerStatusChange(Guid.NewGuid(), id, null, ResellerStatus.Onboarding, createdBy, nowUtc, "Registered as a foreign reseller"));
    }

    public Guid Id { get; private set; }
    public Guid CustomerId { get; private set; }
    public DateOnly RelationshipStart { get; private set; }
    public ResellerStatus Status { get; private set; }
    public CipArrangement Arrangement { get; private set; }
    /// <summary>The agreement by which the reseller adopts the provider's CIP.</summary>
    public DateOnly? AgreementDate { get; private set; }
    public string? AgreementReference { get; private set; }
    /// <summary>The day the relationship ended (termination).</summary>
    public DateOnly? EndDate { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public Guid Version { get; set; }

    public IReadOnlyList<ResellerContact> Contacts => contacts;
    /// <summary>Versions of the reseller's own written CIP, newest with the highest number.</summary>
    public IReadOnlyList<ResellerCipFile> CipFiles => cipFiles;
    /// <summary>Accounts of end customers known to come through this reseller.</summary>
    public IReadOnlyList<ResellerEndAccount> EndAccounts => endAccounts;
    public IReadOnlyList<ResellerStatusChange> History => history;
    public IReadOnlyList<NonComplianceFinding> Findings => findings;
    /// <summary>Accounts flagged when the relationship was terminated.</summary>
    public IReadOnlyList<TerminationFlag> Flags => flags;

    public void SetRelationshipStart(DateOnly start, DateTime nowUtc) => (RelationshipStart, UpdatedAtUtc) = (start, nowUtc);

    public ResellerContact AddContact(string name, string title, string email, string phoneE164, DateTime nowUtc)
    {
        var contact = new ResellerContact(Guid.NewGuid(), Id, name, title, email, phoneE164);
        contacts.Add(contact);
        UpdatedAtUtc = nowUtc;
        return contact;
    }

    public void RemoveContact(ResellerContact contact, DateTime nowUtc)
    {
        contacts.Remove(contact);
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>A new version of the reseller's own CIP; earlier versions stay as they were.</summary>
    public ResellerCipFile AddCipFile(string uploadId, string fileName, string sha256, string by, DateTime nowUtc)
    {
        var file = new ResellerCipFile(Guid.NewGuid(), Id, cipFiles.Count == 0 ? 1 : cipFiles.Max(f => f.Number) + 1, uploadId, fileName, sha256, by, nowUtc);
        cipFiles.Add(file);
        Arrangement = CipArrangement.OwnCip;
        (AgreementDate, AgreementReference) = (null, null);
        UpdatedAtUtc = nowUtc;
        return file;
    }

    /// <summary>Proposed § 7.301: a reseller may adopt the provider's CIP by agreement.</summary>
    public void AdoptProviderCip(DateOnly agreementDate, string reference, DateTime nowUtc)
    {
        (Arrangement, AgreementDate, AgreementReference, UpdatedAtUtc) = (CipArrangement.AdoptsProviderCip, agreementDate, reference, nowUtc);
    }

    public ResellerEndAccount AddEndAccount(Guid accountId, string by, DateTime nowUtc)
    {
        if (endAccounts.Any(a => a.AccountId == accountId)) throw new InvalidOperationException("The account is linked already.");
        var link = new ResellerEndAccount(Guid.NewGuid(), Id, accountId, by, nowUtc);
        endAccounts.Add(link);
        UpdatedAtUtc = nowUtc;
        return link;
    }

    public void RemoveEndAccount(ResellerEndAccount link, DateTime nowUtc)
    {
        endAccounts.Remove(link);
        UpdatedAtUtc = nowUtc;
    }

    // ---- Status: Onboarding → Active → Non-compliant → Terminated; Non-compliant → Active when cured ----

    public void Activate(string by, DateTime nowUtc, string note)
    {
        Require(Status == ResellerStatus.Onboarding, "be activated");
        if (Arrangement == CipArrangement.None) throw new InvalidStateTransition("A reseller is activated only once its CIP arrangement is recorded.");
        Move(ResellerStatus.Active, by, nowUtc, note);
    }

    /// <summary>
    /// The provider learned of non-compliance (proposed § 7.301): the finding's termination clock runs from the day it learned, for the
    /// rule pack's <paramref name="terminationDays"/>.
    /// </summary>
    public NonComplianceFinding RecordFinding(string what, string evidence, DateOnly learnedOn, int terminationDays, string rulePackVersion, string by, DateTime nowUtc)
    {
        Require(Status is ResellerStatus.Active or ResellerStatus.NonCompliant, "be found non-compliant");
        var finding = new NonComplianceFinding(Guid.NewGuid(), Id, what, evidence, learnedOn, terminationDays, rulePackVersion, by, nowUtc);
        findings.Add(finding);
        MarkNonCompliant(by, nowUtc, $"Non-compliance found (learned {learnedOn:yyyy-MM-dd}): {what}");
        return finding;
    }

    /// <summary>An Approver (not the one who recorded it) closes a finding cured before its deadline; with none left open the reseller is active again.</summary>
    public void CureFinding(NonComplianceFinding finding, string note, string approver, DateTime nowUtc, DateOnly today)
    {
        Require(Status == ResellerStatus.NonCompliant, "have a finding cured");
        finding.Cure(note, approver, nowUtc, today);
        if (findings.All(f => !f.IsOpen)) Cure(approver, nowUtc, $"Cured: {note}");
        else UpdatedAtUtc = nowUtc;
    }

    /// <summary>An Approver confirms termination on a finding: the relationship ends on <paramref name="endDate"/> and every account is flagged.</summary>
    public void ConfirmTermination(NonComplianceFinding finding, DateOnly endDate, IEnumerable<Guid> accountIds, string approver, DateTime nowUtc)
    {
        Require(Status == ResellerStatus.NonCompliant, "be terminated");
        finding.Terminate(approver, nowUtc);
        foreach (var open in findings.Where(f => f.IsOpen)) open.CloseByTermination(approver, nowUtc);
        flags.AddRange(accountIds.Distinct().Select(a => new TerminationFlag(Guid.NewGuid(), Id, a, nowUtc)));
        Terminate(endDate, approver, nowUtc, $"Terminated on {endDate:yyyy-MM-dd}: {finding.What}");
    }

    public void MarkNonCompliant(string by, DateTime nowUtc, string note)
    {
        Require(Status is ResellerStatus.Active or ResellerStatus.NonCompliant, "be found non-compliant");
        if (Status == ResellerStatus.NonCompliant)
        {
            history.Add(new ResellerStatusChange(Guid.NewGuid(), Id, Status, Status, by, nowUtc, note));
            UpdatedAtUtc = nowUtc;
            return;
        }
        Move(ResellerStatus.NonCompliant, by, nowUtc, note);
    }

    /// <summary>Every finding was cured before its deadline.</summary>
    public void Cure(string by, DateTime nowUtc, string note)
    {
        Require(Status == ResellerStatus.NonCompliant, "return to active");
        Move(ResellerStatus.Active, by, nowUtc, note);
    }

    public void Terminate(DateOnly endDate, string by, DateTime nowUtc, string note)
    {
        Require(Status == ResellerStatus.NonCompliant, "be terminated");
        EndDate = endDate;
        Move(ResellerStatus.Terminated, by, nowUtc, note);
    }

    private void Require(bool condition, string action)
    {
        if (!condition) throw new InvalidStateTransition($"A reseller in status {ResellerLabels.Status(Status)} cannot {action}.");
    }

    private void Move(ResellerStatus to, string by, DateTime nowUtc, string note)
    {
        history.Add(new ResellerStatusChange(Guid.NewGuid(), Id, Status, to, by, nowUtc, note));
        Status = to;
        UpdatedAtUtc = nowUtc;
    }
}

public sealed class ResellerContact
{
    private ResellerContact() { }

    public ResellerContact(Guid id, Guid resellerId, string name, string title, string email, string phone) =>
        (Id, ResellerId, Name, Title, Email, Phone) = (id, resellerId, name, title, email, phone);

    public Guid Id { get; private set; }
    public Guid ResellerId { get; private set; }
    public string Name { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Email { get; private set; } = "";
    /// <summary>E.164.</summary>
    public string Phone { get; private set; } = "";
}

/// <summary>One uploaded version of the reseller's written CIP; never replaced, a change is a new version.</summary>
public sealed class ResellerCipFile
{
    private ResellerCipFile() { }

    public ResellerCipFile(Guid id, Guid resellerId, int number, string uploadId, string fileName, string sha256, string by, DateTime nowUtc) =>
        (Id, ResellerId, Number, UploadId, FileName, Sha256, UploadedBy, UploadedAtUtc) = (id, resellerId, number, uploadId, fileName, sha256, by, nowUtc);

    public Guid Id { get; private set; }
    public Guid ResellerId { get; private set; }
    public int Number { get; private set; }
    public string UploadId { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public string UploadedBy { get; private set; } = "";
    public DateTime UploadedAtUtc { get; private set; }
}

/// <summary>An account of another customer that reaches the provider through this reseller.</summary>
public sealed class ResellerEndAccount
{
    private ResellerEndAccount() { }

    public ResellerEndAccount(Guid id, Guid resellerId, Guid accountId, string by, DateTime nowUtc) =>
        (Id, ResellerId, AccountId, RecordedBy, RecordedAtUtc) = (id, resellerId, accountId, by, nowUtc);

    public Guid Id { get; private set; }
    public Guid ResellerId { get; private set; }
    public Guid AccountId { get; private set; }
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAtUtc { get; private set; }
}

/// <summary>What the provider learned about a reseller's non-compliance, and the termination clock it started.</summary>
public sealed class NonComplianceFinding
{
    private NonComplianceFinding() { }

    public NonComplianceFinding(Guid id, Guid resellerId, string what, string evidence, DateOnly learnedOn, int terminationDays, string rulePackVersion,
        string by, DateTime nowUtc) =>
        (Id, ResellerId, What, Evidence, LearnedOn, TerminationDays, RulePackVersion, RecordedBy, RecordedAtUtc) =
            (id, resellerId, what, evidence, learnedOn, terminationDays, rulePackVersion, by, nowUtc);

    public Guid Id { get; private set; }
    public Guid ResellerId { get; private set; }
    public string What { get; private set; } = "";
    public string Evidence { get; private set; } = "";
    /// <summary>The day the provider learned of it: the clock starts here.</summary>
    public DateOnly LearnedOn { get; private set; }
    public int TerminationDays { get; private set; }
    public string RulePackVersion { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTime RecordedAtUtc { get; private set; }
    public string? CureNote { get; private set; }
    public string? ClosedBy { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }
    public bool Terminated { get; private set; }

    public bool IsOpen => ClosedAtUtc is null;

    /// <summary>Termination is due by the learned day + the rule pack's days, counted in the provider's time zone.</summary>
    public Rules.Deadline Clock(TimeZoneInfo zone) => new(LearnedOn.AddDays(TerminationDays), zone);

    public void Cure(string note, string approver, DateTime nowUtc, DateOnly today)
    {
        if (!IsOpen) throw new InvalidStateTransition("This finding is closed already.");
        if (string.Equals(approver, RecordedBy, StringComparison.OrdinalIgnoreCase))
            throw new FourEyesViolation("You recorded this finding: another Approver decides whether it is cured.");
        if (today > LearnedOn.AddDays(TerminationDays))
            throw new InvalidStateTransition("The termination deadline has passed: a cure can no longer close the finding; confirm the termination.");
        (CureNote, ClosedBy, ClosedAtUtc) = (note, approver, nowUtc);
    }

    public void Terminate(string approver, DateTime nowUtc)
    {
        if (!IsOpen) throw new InvalidStateTransition("This finding is closed already.");
        if (string.Equals(approver, RecordedBy, StringComparison.OrdinalIgnoreCase))
            throw new FourEyesViolation("You recorded this finding: another Approver confirms the termination.");
        CloseByTermination(approver, nowUtc);
    }

    /// <summary>Another finding of a reseller being terminated closes with it.</summary>
    public void CloseByTermination(string approver, DateTime nowUtc) => (ClosedBy, ClosedAtUtc, Terminated) = (approver, nowUtc, true);
}

/// <summary>An account flagged because the reseller that holds it (or through which it came) was terminated.</summary>
public sealed class TerminationFlag
{
    private TerminationFlag() { }

    public TerminationFlag(Guid id, Guid resellerId, Guid accountId, DateTime nowUtc) =>
        (Id, ResellerId, AccountId, FlaggedAtUtc) = (id, resellerId, accountId, nowUtc);

    public Guid Id { get; private set; }
    public Guid ResellerId { get; private set; }
    public Guid AccountId { get; private set; }
    public DateTime FlaggedAtUtc { get; private set; }
}

public sealed record ResellerStatusChange(Guid Id, Guid ResellerId, ResellerStatus? From, ResellerStatus To, string By, DateTime AtUtc, string Note);

public static class ResellerLabels
{
    public static string Status(ResellerStatus s) => s switch
    {
        ResellerStatus.NonCompliant => "Non-compliant",
        _ => s.ToString(),
    };

    public static string Arrangement(CipArrangement a) => a switch
    {
        CipArrangement.OwnCip => "Runs its own CIP",
        CipArrangement.AdoptsProviderCip => "Adopts the provider's CIP by agreement",
        _ => "Not recorded yet",
    };
}
