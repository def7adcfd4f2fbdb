using IaasKyc.Domain;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Resellers;
using IaasKyc.Domain.Rules;

namespace IaasKyc.Portal.Features.Resellers;

public sealed record ResellerListItem(Guid Id, Guid CustomerId, string Name, string? Country, ResellerStatus Status, CipArrangement Arrangement,
    string Attestation, string? TerminationClock = null, DeadlineState? TerminationState = null);

/// <summary>An entity customer determined foreign that is not a reseller yet.</summary>
public sealed record ResellerCandidate(Guid CustomerId, string Name, string? Country, CustomerStatus Status);

public sealed record NewResellerInput(Guid? CustomerId, string? RelationshipStart, ResellerContactInput Contact);

public sealed record ContactView(Guid Id, string Name, string Title, string Email, string Phone);

public sealed record CipFileView(Guid Id, int Number, string FileName, string Sha256, string UploadedBy, DateTime UploadedAtUtc);

/// <summary>An account: the reseller's own, or an end customer's that comes through it.</summary>
public sealed record ResellerAccountView(Guid AccountId, string Reference, Guid CustomerId, string CustomerName, DateTime OpenedAtUtc, DateTime? ClosedAtUtc,
    Guid? LinkId = null);

public sealed record ResellerHistoryView(ResellerStatus? From, ResellerStatus To, string By, DateTime AtUtc, string Note);

public sealed record ResellerDetail(
    Guid Id, Guid CustomerId, string Name, string? Country, CustomerStatus CustomerStatus, bool? UsPerson, DateOnly RelationshipStart,
    ResellerStatus Status, CipArrangement Arrangement, DateOnly? AgreementDate, string? AgreementReference, DateOnly? EndDate,
    IReadOnlyList<ContactView> Contacts, IReadOnlyList<CipFileView> CipFiles, IReadOnlyList<ResellerAccountView> Accounts,
    IReadOnlyList<ResellerAccountView> EndAccounts, IReadOnlyList<ResellerHistoryView> History, IReadOnlyList<Finding> ActivateBlockers,
    DateTime UpdatedAtUtc, Guid Version, IReadOnlyList<FindingView> Findings, IReadOnlySet<Guid> FlaggedAccounts)
{
    /// <summary>The earliest termination deadline among open findings.</summary>
    public FindingView? NextDeadline => Findings.Where(f => f.IsOpen).OrderBy(f => f.DueDate).FirstOrDefault();
}

/// <summary>A non-compliance finding with its termination clock as of now.</summary>
public sealed record FindingView(Guid Id, string What, string Evidence, DateOnly LearnedOn, DateOnly DueDate, int DaysLeft, DeadlineState Deadline,
    string DeadlineText, string RecordedBy, DateTime RecordedAtUtc, bool IsOpen, bool Terminated, string? CureNote, string? ClosedBy, DateTime? ClosedAtUtc);

/// <summary>One line of the certification's list of foreign resellers.</summary>
public sealed record CertificationReseller(Guid Id, string Name, string? Country, DateOnly RelationshipStart, ResellerStatus StatusAsOf,
    CipArrangement Arrangement, DateOnly? EndDate);
