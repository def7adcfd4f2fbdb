using IaasKyc.Domain.Customers;

namespace IaasKyc.Portal.Features.Customers;

public sealed record CustomerListItem(Guid Id, string Name, CustomerKind Kind, string? Country, string? Email, bool? UsPerson,
    CustomerStatus Status, RiskLevel Risk, DateTime UpdatedAtUtc, string CreatedBy);

public sealed record CustomerQuery(string? Text = null, CustomerStatus? Status = null, RiskLevel? Risk = null, string? Country = null,
    bool? UsPerson = null, string Sort = "updated", bool Descending = true, int Skip = 0, int Take = 25, string? Involving = null);

public sealed record CustomerResults(IReadOnlyList<CustomerListItem> Items, int Total);

public sealed record AccountView(Guid Id, string Reference, PaymentMeansType PaymentMeans, bool Prepaid, string IssuerCountry, string PaymentIdentifierMasked,
    PaymentSource PaymentSource, string? PaymentSourceName, IReadOnlyList<string> Products, DateTime OpenedAtUtc, DateTime? ClosedAtUtc,
    int AccessEvents, DateTime? LastAccessUtc);

public sealed record EvidenceView(Guid Id, EvidenceKind Kind, string Description, string? DocumentType, string? DocumentNumberMasked, string? IssuingCountry,
    DateOnly? Expires, string? FileName, bool HasFile, string? Source, DateOnly? CheckedOn, string? Result, string RecordedBy, DateTime RecordedAtUtc,
    string? OwnerKey = null);

public sealed record DiscrepancyView(Guid Id, string Description, string RaisedBy, DateTime RaisedAtUtc, string? Resolution, string? ResolvedBy, DateTime? ResolvedAtUtc);

public sealed record HistoryView(CustomerStatus? From, CustomerStatus To, string By, DateTime AtUtc, string Note);

public sealed record CustomerDetail(
    Guid Id, CustomerKind Kind, string Name, string? OtherNames,
    string? AddressLine1, string? AddressLine2, string? City, string? Region, string? PostalCode, string? Country,
    string? Email, string? Phone, DateOnly? DateOfBirthOrIncorporation, string? CitizenshipOrJurisdiction,
    DateOnly? NoticeGivenOn, string? NoticeVersion, bool? UsPerson, string? DeterminationBasis,
    CustomerStatus Status, string? SubmittedBy, DateTime? SubmittedAtUtc, string? DecidedBy, DateTime? DecidedAtUtc, string? DecisionNote,
    string? DecisionRulePackVersion, string? Restrictions, string? EscalationReason, string? ReviewNote,
    RiskLevel Risk, RiskAssessment ComputedRisk, RiskLevel? RiskOverride, string? RiskOverrideReason, DateOnly? RiskOverrideExpires, string? RiskOverrideBy,
    DateOnly? ReverifyDue, DateTime? ClosedAtUtc, Provisioning Provisioning, int IntakeStep,
    IReadOnlyList<AccountView> Accounts, IReadOnlyList<EvidenceView> Evidence, IReadOnlyList<DiscrepancyView> Discrepancies,
    IReadOnlyList<HistoryView> History, IReadOnlyList<IaasKyc.Domain.Finding> SubmitBlockers, IReadOnlyList<IaasKyc.Domain.Finding> VerifyBlockers,
    string CreatedBy, DateTime CreatedAtUtc, DateTime UpdatedAtUtc, Guid Version)
{
    public bool IsDraft => Status == CustomerStatus.Draft;
    public bool IsPendingDecision => Status is CustomerStatus.Submitted or CustomerStatus.Escalated or CustomerStatus.Restricted;
}
