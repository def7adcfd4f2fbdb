namespace IaasKyc.Domain.Customers;

/// <summary>
/// A prospective or existing customer of the provider (proposed § 7.302 Customer Identification Program).
/// State changes are methods; each records who and when in <see cref="History"/>, so that reports can state
/// the position as of any date.
/// </summary>
public sealed class Customer : IVersioned
{
    private readonly List<Account> accounts = [];
    private readonly List<Evidence> evidence = [];
    private readonly List<Discrepancy> discrepancies = [];
    private readonly List<StatusChange> history = [];

    private Customer() { }

    public Customer(Guid id, CustomerKind kind, string legalName, string createdBy, DateTime nowUtc)
    {
        Id = id;
        Kind = kind;
        LegalName = legalName;
        CreatedBy = createdBy;
        CreatedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
        Status = CustomerStatus.Draft;
        history.Add(new StatusChange(Guid.NewGuid(), id, null, CustomerStatus.Draft, createdBy, nowUtc, "Intake started"));
    }

    public Guid Id { get; private set; }
    public CustomerKind Kind { get; private set; }
    public string LegalName { get; private set; } = "";
    public string? OtherNames { get; private set; }
    public string? AddressLine1 { get; private set; }
    public string? AddressLine2 { get; private set; }
    public string? City { get; private set; }
    public string? Region { get; private set; }
    public string? PostalCode { get; private set; }
    /// <summary>ISO 3166-1 alpha-2 country of the address.</summary>
    public string? Country { get; private set; }
    public string? Email { get; private set; }
    /// <summary>E.164.</summary>
    public string? Phone { get; private set; }
    public DateOnly? DateOfBirthOrIncorporation { get; private set; }
    /// <summary>Citizenship (individual) or jurisdiction of organisation (entity): ISO 3166-1, or ISO 3166-2 for a U.S. state.</summary>
    public string? CitizenshipOrJurisdiction { get; private set; }
    public DateOnly? NoticeGivenOn { get; private set; }
    public string? NoticeVersion { get; private set; }
    /// <summary>The U.S./foreign determination: null until made.</summary>
    public bool? UsPerson { get; private set; }
    public string? DeterminationBasis { get; private set; }

    public CustomerStatus Status { get; private set; }
    public string? SubmittedBy { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public string? DecisionNote { get; private set; }
    /// <summary>The data an Approver approved, as JSON, and the rule-pack version the decision used.</summary>
    public string? ApprovedSnapshot { get; private set; }
    public string? DecisionRulePackVersion { get; private set; }
    public string? Restrictions { get; private set; }
    public string? EscalationReason { get; private set; }
    /// <summary>Set when data changed while a decision was pending or after approval; cleared by the next decision.</summary>
    public string? ReviewNote { get; private set; }

    public RiskLevel ComputedRisk { get; private set; }
    public int RiskScore { get; private set; }
    public RiskLevel? RiskOverride { get; private set; }
    public string? RiskOverrideReason { get; private set; }
    public DateOnly? RiskOverrideExpires { get; private set; }
    public string? RiskOverrideBy { get; private set; }
    public DateOnly? ReverifyDue { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>The intake wizard's last completed step, so a reload resumes where the officer stopped.</summary>
    public int IntakeStep { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public Guid Version { get; set; }

    public IReadOnlyList<Account> Accounts => accounts;
    public IReadOnlyList<Evidence> Evidence => evidence;
    public IReadOnlyList<Discrepancy> Discrepancies => discrepancies;
    public IReadOnlyList<StatusChange> History => history;

    public bool IsPendingDecision => Status is CustomerStatus.Submitted or CustomerStatus.Escalated or CustomerStatus.Restricted;

    public RiskLevel EffectiveRisk(DateOnly today) =>
        RiskOverride is { } o && (RiskOverrideExpires is null || RiskOverrideExpires >= today) && ComputedRisk != RiskLevel.Prohibited ? o : ComputedRisk;

    public void SetIdentity(CustomerKind kind, string legalName, string? otherNames, DateOnly? dateOfBirthOrIncorporation, string? citizenshipOrJurisdiction,
        string by, DateTime nowUtc)
    {
        var changed = kind != Kind || legalName != LegalName || otherNames != OtherNames || dateOfBirthOrIncorporation != DateOfBirthOrIncorporation
            || citizenshipOrJurisdiction != CitizenshipOrJurisdiction;
        (Kind, LegalName, OtherNames, DateOfBirthOrIncorporation, CitizenshipOrJurisdiction) =
            (kind, legalName, otherNames, dateOfBirthOrIncorporation, citizenshipOrJurisdiction);
        Touch(changed, "identity", by, nowUtc);
    }

    public void SetContact(Address address, string email, string phoneE164, string by, DateTime nowUtc)
    {
        var changed = AddressLine1 != address.Line1 || AddressLine2 != address.Line2 || City != address.City || Region != address.Region
            || PostalCode != address.PostalCode || Country != address.Country || Email != email || Phone != phoneE164;
        (AddressLine1, AddressLine2, City, Region, PostalCode, Country) = (address.Line1, address.Line2, address.City, address.Region, address.PostalCode, address.Country);
        (Email, Phone) = (email, phoneE164);
        Touch(changed, "address or contact", by, nowUtc);
    }

    public void SetDetermination(bool usPerson, string basis, DateOnly? noticeGivenOn, string? noticeVersion, string by, DateTime nowUtc)
    {
        var changed = UsPerson != usPerson || DeterminationBasis != basis;
        (UsPerson, DeterminationBasis, NoticeGivenOn, NoticeVersion) = (usPerson, basis, noticeGivenOn, noticeVersion);
        Touch(changed, "U.S./foreign determination", by, nowUtc);
    }

    public Account AddAccount(string reference, PaymentMeansType means, bool prepaid, string issuerCountry, string identifierEncrypted, string identifierMasked,
        PaymentSource source, string? sourceName, DateTime nowUtc, string by)
    {
        var account = new Account(Guid.NewGuid(), Id, reference, means, prepaid, issuerCountry, identifierEncrypted, identifierMasked, source, sourceName, nowUtc);
        accounts.Add(account);
        Touch(true, "accounts", by, nowUtc);
        return account;
    }

    public void RemoveAccount(Account account, string by, DateTime nowUtc)
    {
        if (Status != CustomerStatus.Draft) throw new InvalidOperationException("Accounts are removed only from drafts; close them instead.");
        accounts.Remove(account);
        Touch(true, "accounts", by, nowUtc);
    }

    public void AddEvidence(Evidence item, string by, DateTime nowUtc)
    {
        evidence.Add(item);
        Touch(true, "evidence", by, nowUtc);
    }

    public void RemoveEvidence(Evidence item, string by, DateTime nowUtc)
    {
        evidence.Remove(item);
        Touch(true, "evidence", by, nowUtc);
    }

    public Discrepancy RaiseDiscrepancy(string description, string by, DateTime nowUtc)
    {
        var d = new Discrepancy(Guid.NewGuid(), Id, description, by, nowUtc);
        discrepancies.Add(d);
        Touch(true, "discrepancies", by, nowUtc);
        return d;
    }

    public void AdvanceIntake(int step) => IntakeStep = Math.Max(IntakeStep, step);

    public void ApplyRisk(RiskAssessment assessment)
    {
        ComputedRisk = assessment.Level;
        RiskScore = assessment.Score;
    }

    // ---- Lifecycle (four-eyes: proposed § 7.302 verification, product.md "Lifecycle") ----

    public void Submit(string by, DateTime nowUtc)
    {
        Require(Status is CustomerStatus.Draft or CustomerStatus.Rejected, "submit");
        SubmittedBy = by;
        SubmittedAtUtc = nowUtc;
        ReviewNote = null;
        Move(CustomerStatus.Submitted, by, nowUtc, "Submitted for verification");
    }

    public void Escalate(string reason, string by, DateTime nowUtc)
    {
        Require(Status is CustomerStatus.Submitted or CustomerStatus.Restricted, "escalate");
        EscalationReason = reason;
        Move(CustomerStatus.Escalated, by, nowUtc, "Escalated: " + reason);
    }

    /// <summary>Records "pending verification, restricted use" with the restrictions applied (what the written CIP allows).</summary>
    public void Restrict(string restrictions, string by, DateTime nowUtc)
    {
        Require(Status is CustomerStatus.Submitted or CustomerStatus.Escalated, "restrict");
        FourEyes(by);
        Restrictions = restrictions;
        Move(CustomerStatus.Restricted, by, nowUtc, "Pending verification, restricted use: " + restrictions);
    }

    /// <summary>The four-eyes rule: the Approver is never the submitter. The snapshot is what was approved.</summary>
    public void Verify(string approver, DateTime nowUtc, string snapshot, string rulePackVersion, DateOnly reverifyDue, string? note)
    {
        Require(IsPendingDecision, "verify");
        FourEyes(approver);
        DecidedBy = approver;
        DecidedAtUtc = nowUtc;
        DecisionNote = note;
        ApprovedSnapshot = snapshot;
        DecisionRulePackVersion = rulePackVersion;
        ReverifyDue = reverifyDue;
        Restrictions = null;
        EscalationReason = null;
        ReviewNote = null;
        Move(CustomerStatus.Verified, approver, nowUtc, note is null ? "Verified" : "Verified: " + note);
    }

    public void Reject(string approver, DateTime nowUtc, string reason, string rulePackVersion)
    {
        Require(IsPendingDecision, "reject");
        FourEyes(approver);
        DecidedBy = approver;
        DecidedAtUtc = nowUtc;
        DecisionNote = reason;
        DecisionRulePackVersion = rulePackVersion;
        ReviewNote = null;
        Move(CustomerStatus.Rejected, approver, nowUtc, "Rejected: " + reason);
    }

    /// <summary>Closing starts the retention clock (rule pack <c>retentionYears</c> after the later of closure and last access).</summary>
    public void Close(string reason, string by, DateTime nowUtc)
    {
        Require(Status != CustomerStatus.Closed, "close");
        ClosedAtUtc = nowUtc;
        foreach (var a in accounts.Where(a => a.ClosedAtUtc is null)) a.Close(nowUtc);
        Move(CustomerStatus.Closed, by, nowUtc, "Closed: " + reason);
    }

    public void OverrideRisk(RiskLevel level, string reason, DateOnly expires, string approver, DateTime nowUtc)
    {
        (RiskOverride, RiskOverrideReason, RiskOverrideExpires, RiskOverrideBy) = (level, reason, expires, approver);
        UpdatedAtUtc = nowUtc;
        history.Add(new StatusChange(Guid.NewGuid(), Id, Status, Status, approver, nowUtc, $"Risk overridden to {level} until {expires:yyyy-MM-dd}: {reason}"));
    }

    /// <summary>
    /// The customer reported a new beneficial owner (product.md "Beneficial owners"): a verified or pending decision goes back
    /// to Submitted with <paramref name="note"/> in the history; a submitted customer keeps its status with the note added.
    /// </summary>
    public void OwnersChanged(string by, DateTime nowUtc, string note)
    {
        UpdatedAtUtc = nowUtc;
        if (Status is CustomerStatus.Escalated or CustomerStatus.Restricted or CustomerStatus.Verified)
        {
            ReviewNote = note;
            Move(CustomerStatus.Submitted, by, nowUtc, note);
        }
        else if (Status == CustomerStatus.Submitted)
        {
            ReviewNote = note;
            history.Add(new StatusChange(Guid.NewGuid(), Id, Status, Status, by, nowUtc, note));
        }
    }

    /// <summary>A note on the customer's timeline that changes nothing else (a confirmed-blocked owner, a recorded statement).</summary>
    public void AddNote(string note, string by, DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        history.Add(new StatusChange(Guid.NewGuid(), Id, Status, Status, by, nowUtc, note));
    }

    /// <summary>A change to what an approval rests on: a pending decision starts again from Submitted, a verified customer goes back to review.</summary>
    private void Touch(bool changed, string what, string by, DateTime nowUtc)
    {
        UpdatedAtUtc = nowUtc;
        if (!changed) return;
        if (Status is CustomerStatus.Escalated or CustomerStatus.Restricted or CustomerStatus.Verified)
        {
            ReviewNote = $"{Capitalize(what)} changed by {by} after {(Status == CustomerStatus.Verified ? "verification" : "submission")}: review again.";
            Move(CustomerStatus.Submitted, by, nowUtc, ReviewNote);
        }
        else if (Status == CustomerStatus.Submitted)
        {
            ReviewNote = $"{Capitalize(what)} changed by {by} while awaiting a decision: review the latest data.";
            history.Add(new StatusChange(Guid.NewGuid(), Id, Status, Status, by, nowUtc, ReviewNote));
        }
    }

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private void FourEyes(string approver)
    {
        if (string.Equals(approver, SubmittedBy, StringComparison.OrdinalIgnoreCase))
            throw new FourEyesViolation("You submitted this customer: another Approver must decide.");
    }

    private void Require(bool condition, string action)
    {
        if (!condition) throw new InvalidStateTransition($"A customer in status {Status} cannot be asked to {action}.");
    }

    private void Move(CustomerStatus to, string by, DateTime nowUtc, string note)
    {
        history.Add(new StatusChange(Guid.NewGuid(), Id, Status, to, by, nowUtc, note));
        Status = to;
        UpdatedAtUtc = nowUtc;
    }
}

/// <summary>Approving one's own submission: refused in the domain (409 in the API).</summary>
public sealed class FourEyesViolation(string message) : InvalidOperationException(message);

public sealed class InvalidStateTransition(string message) : InvalidOperationException(message);

/// <summary>One entry of the status history (also risk overrides and review notes).</summary>
public sealed record StatusChange(Guid Id, Guid CustomerId, CustomerStatus? From, CustomerStatus To, string By, DateTime AtUtc, string Note);
