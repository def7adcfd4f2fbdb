using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Resellers;
using Microsoft.AspNetCore.Identity;

namespace IaasKyc.Portal.Data;

/// <summary>How one entity type appears in the audit trail.</summary>
/// <param name="Label">The entity type name shown in the trail.</param>
/// <param name="Subject">The data subject whose key encrypts personal values (null: no personal values).</param>
/// <param name="Personal">Fields holding personal values: encrypted with the subject's key.</param>
/// <param name="Secret">Fields never written in clear: shown as masked (identifiers) or omitted (hashes, stamps).</param>
public sealed record AuditRule(
    string Label,
    Func<object, string?>? Subject = null,
    IReadOnlySet<string>? Personal = null,
    IReadOnlySet<string>? Secret = null,
    IReadOnlySet<string>? Ignored = null);

/// <summary>
/// The one place that says how each entity is audited. Features register their entities here
/// when they add them; an entity without a rule is audited with every field in clear.
/// </summary>
public static class AuditPolicy
{
    public const string Masked = "***";

    private static readonly Dictionary<Type, AuditRule> Rules = new()
    {
        [typeof(PortalUser)] = new("User",
            Subject: e => ((PortalUser)e).Id,
            Personal: Set(nameof(PortalUser.Email), nameof(PortalUser.NormalizedEmail), nameof(PortalUser.UserName),
                nameof(PortalUser.NormalizedUserName), nameof(PortalUser.DisplayName), nameof(PortalUser.PhoneNumber)),
            Secret: Set(nameof(PortalUser.PasswordHash), nameof(PortalUser.SecurityStamp)),
            Ignored: Set(nameof(PortalUser.ConcurrencyStamp))),
        [typeof(IdentityUserRole<string>)] = new("UserRole", Subject: e => ((IdentityUserRole<string>)e).UserId),
        [typeof(IdentityRole)] = new("Role", Ignored: Set(nameof(IdentityRole.ConcurrencyStamp))),
        [typeof(IdentityUserToken<string>)] = new("UserToken", Secret: Set(nameof(IdentityUserToken<string>.Value))),
        [typeof(Features.ApiKeys.ApiKey)] = new("ApiKey", Secret: Set(nameof(Features.ApiKeys.ApiKey.Hash))),
        [typeof(Customer)] = new("Customer",
            Subject: e => ((Customer)e).Id.ToString(),
            Personal: Set(nameof(Customer.LegalName), nameof(Customer.OtherNames), nameof(Customer.AddressLine1), nameof(Customer.AddressLine2),
                nameof(Customer.City), nameof(Customer.PostalCode), nameof(Customer.Email), nameof(Customer.Phone), nameof(Customer.DateOfBirthOrIncorporation),
                nameof(Customer.ApprovedSnapshot))),
        [typeof(Account)] = new("Account",
            Subject: e => ((Account)e).CustomerId.ToString(),
            Personal: Set(nameof(Account.PaymentSourceName)),
            Secret: Set(nameof(Account.PaymentIdentifierEncrypted))),
        [typeof(Evidence)] = new("Evidence",
            Subject: e => ((Evidence)e).CustomerId.ToString(),
            Secret: Set(nameof(Evidence.DocumentNumberEncrypted))),
        [typeof(Discrepancy)] = new("Discrepancy", Subject: e => ((Discrepancy)e).CustomerId.ToString(),
            Personal: Set(nameof(Discrepancy.Description), nameof(Discrepancy.Resolution))),
        [typeof(StatusChange)] = new("CustomerStatus", Subject: e => ((StatusChange)e).CustomerId.ToString(),
            Personal: Set(nameof(StatusChange.Note))),
        [typeof(Features.Owners.OwnershipStructure)] = new("Ownership",
            Subject: e => ((Features.Owners.OwnershipStructure)e).CustomerId.ToString(),
            Personal: Set(nameof(Features.Owners.OwnershipStructure.NodesJson), nameof(Features.Owners.OwnershipStructure.AllUsPersonsBasis))),
        [typeof(Domain.Owners.OwnerProfile)] = new("OwnerProfile",
            Subject: e => ((Domain.Owners.OwnerProfile)e).CustomerId.ToString(),
            Personal: Set(nameof(Domain.Owners.OwnerProfile.DateOfBirth), nameof(Domain.Owners.OwnerProfile.AddressLine1),
                nameof(Domain.Owners.OwnerProfile.AddressLine2), nameof(Domain.Owners.OwnerProfile.City), nameof(Domain.Owners.OwnerProfile.PostalCode),
                nameof(Domain.Owners.OwnerProfile.Email), nameof(Domain.Owners.OwnerProfile.Phone), nameof(Domain.Owners.OwnerProfile.DeterminationBasis)),
            Secret: Set(nameof(Domain.Owners.OwnerProfile.DocumentNumberEncrypted))),
        [typeof(Features.Screening.ListSnapshotFile)] = new("ListFile", Ignored: Set(nameof(Features.Screening.ListSnapshotFile.Content))),
        [typeof(Features.Screening.ScreeningRun)] = new("Screening", Subject: e => ((Features.Screening.ScreeningRun)e).CustomerId.ToString(),
            Personal: Set(nameof(Features.Screening.ScreeningRun.SubjectName))),
        [typeof(Features.Screening.ScreeningAlert)] = new("ScreeningHit", Subject: e => ((Features.Screening.ScreeningAlert)e).CustomerId.ToString(),
            Personal: Set(nameof(Features.Screening.ScreeningAlert.SubjectName), nameof(Features.Screening.ScreeningAlert.ProposalComment),
                nameof(Features.Screening.ScreeningAlert.DecisionComment))),
        [typeof(Features.Screening.NoMatchMemory)] = new("NoMatchDecision", Subject: e => ((Features.Screening.NoMatchMemory)e).CustomerId.ToString()),
        // A named person's names are personal values, erasable with the entry's own key.
        [typeof(Features.SpecialMeasures.SpecialMeasure)] = new("SpecialMeasure",
            Subject: e => "special-measure:" + ((Features.SpecialMeasures.SpecialMeasure)e).Id,
            Personal: Set(nameof(Features.SpecialMeasures.SpecialMeasure.PersonName), nameof(Features.SpecialMeasures.SpecialMeasure.Aliases))),
        [typeof(Reseller)] = new("Reseller"),
        [typeof(ResellerContact)] = new("ResellerContact", Subject: e => ((ResellerContact)e).ResellerId.ToString(),
            Personal: Set(nameof(ResellerContact.Name), nameof(ResellerContact.Email), nameof(ResellerContact.Phone))),
        [typeof(ResellerCipFile)] = new("ResellerCip"),
        [typeof(ResellerEndAccount)] = new("ResellerEndAccount"),
        [typeof(ResellerStatusChange)] = new("ResellerStatus"),
        [typeof(AttestationTemplate)] = new("AttestationTemplate"),
        [typeof(NonComplianceFinding)] = new("ResellerFinding"),
        [typeof(TerminationFlag)] = new("ResellerTerminationFlag"),
        [typeof(CipProductionRequest)] = new("CipProductionRequest"),
        [typeof(CipProductionDocument)] = new("CipProductionDocument"),
        [typeof(Attestation)] = new("Attestation", Subject: e => ((Attestation)e).ResellerId.ToString(),
            Personal: Set(nameof(Attestation.SignerName), nameof(Attestation.SignerEmail), nameof(Attestation.SignerIp), nameof(Attestation.SentTo)),
            Secret: Set(nameof(Attestation.TokenHash))),
        [typeof(Domain.AiTraining.Accelerator)] = new("Accelerator"),
        [typeof(Domain.AiTraining.TrainingCase)] = new("AiTrainingCase", Subject: e => ((Domain.AiTraining.TrainingCase)e).CustomerId.ToString(),
            Personal: Set(nameof(Domain.AiTraining.TrainingCase.CloseReason), nameof(Domain.AiTraining.TrainingCase.NarrativeJson))),
        [typeof(Domain.AiTraining.ReportVersion)] = new("AiTrainingReportVersion", Personal: Set(nameof(Domain.AiTraining.ReportVersion.ContentJson)),
            Subject: e => "ai-report:" + ((Domain.AiTraining.ReportVersion)e).CaseId),
        [typeof(Domain.AiTraining.UsageSignal)] = new("UsageSignal", Subject: e => ((Domain.AiTraining.UsageSignal)e).CustomerId.ToString()),
        // The figures name customers whose verification failed: personal values under the certification's own key.
        [typeof(Domain.Certifications.Certification)] = new("Certification",
            Subject: e => "certification:" + ((Domain.Certifications.Certification)e).Id,
            Personal: Set(nameof(Domain.Certifications.Certification.FiguresJson))),
        [typeof(Domain.Certifications.AdpApplication)] = new("AdpApplication"),
        [typeof(Domain.Certifications.AdpEvidence)] = new("AdpEvidence"),
        // Hold reasons name a matter, not a person; a tombstone holds no personal value by design.
        [typeof(Domain.Retention.LegalHold)] = new("LegalHold", Subject: e => ((Domain.Retention.LegalHold)e).CustomerId.ToString()),
        [typeof(Domain.Retention.CustomerTombstone)] = new("CustomerTombstone", Subject: e => ((Domain.Retention.CustomerTombstone)e).CustomerId.ToString()),
        [typeof(Features.Retention.PurgeCandidate)] = new("PurgeCandidate", Subject: e => ((Features.Retention.PurgeCandidate)e).CustomerId.ToString()),
    };

    /// <summary>Audit infrastructure is never audited itself.</summary>
    public static bool IsAuditInfrastructure(Type t) => t == typeof(AuditEntry) || t == typeof(AuditHead) || t == typeof(SubjectKey)
        || t == typeof(Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey) || t == typeof(JobLease) || t == typeof(Features.Dashboard.JobRun);

    public static AuditRule For(Type type) => Rules.TryGetValue(type, out var rule) ? rule : new AuditRule(type.Name);

    public static void Register(Type type, AuditRule rule) => Rules[type] = rule;

    private static HashSet<string> Set(params string[] names) => [.. names];
}
