using System.Security.Cryptography;
using IaasKyc.Domain.Audit;
using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Resellers;
using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Portal.Features.RulePacks;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace IaasKyc.Portal.Data;

/// <summary>
/// The portal's database. On PostgreSQL the subclass <see cref="PostgresPortalDbContext"/> is used, so that each provider
/// keeps its own migrations (docs/decisions/0005-postgresql-provider.md); code asks for this type either way.
/// </summary>
public class PortalDbContext(DbContextOptions options, AuditActor? actor = null)
    : IdentityDbContext<PortalUser>(options), Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();
    public DbSet<SubjectKey> SubjectKeys => Set<SubjectKey>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<RulePackVersion> RulePackVersions => Set<RulePackVersion>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<Discrepancy> Discrepancies => Set<Discrepancy>();
    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();
    public DbSet<AccessEvent> AccessEvents => Set<AccessEvent>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<CipDocument> CipDocuments => Set<CipDocument>();
    public DbSet<Features.Owners.OwnershipStructure> OwnershipStructures => Set<Features.Owners.OwnershipStructure>();
    public DbSet<Domain.Owners.OwnerProfile> OwnerProfiles => Set<Domain.Owners.OwnerProfile>();
    public DbSet<Features.Screening.ListSnapshot> ListSnapshots => Set<Features.Screening.ListSnapshot>();
    public DbSet<Features.Screening.ListSnapshotFile> ListSnapshotFiles => Set<Features.Screening.ListSnapshotFile>();
    public DbSet<Features.Screening.ScreeningRun> ScreeningRuns => Set<Features.Screening.ScreeningRun>();
    public DbSet<Features.Screening.ScreeningAlert> ScreeningAlerts => Set<Features.Screening.ScreeningAlert>();
    public DbSet<Features.Screening.NoMatchMemory> NoMatchMemories => Set<Features.Screening.NoMatchMemory>();
    public DbSet<Features.Screening.ScreeningBatch> ScreeningBatches => Set<Features.Screening.ScreeningBatch>();
    public DbSet<Features.SpecialMeasures.SpecialMeasure> SpecialMeasures => Set<Features.SpecialMeasures.SpecialMeasure>();
    public DbSet<Reseller> Resellers => Set<Reseller>();
    public DbSet<ResellerEndAccount> ResellerEndAccounts => Set<ResellerEndAccount>();
    public DbSet<AttestationTemplate> AttestationTemplates => Set<AttestationTemplate>();
    public DbSet<Attestation> Attestations => Set<Attestation>();
    public DbSet<CipProductionRequest> CipProductionRequests => Set<CipProductionRequest>();
    public DbSet<Domain.AiTraining.Accelerator> Accelerators => Set<Domain.AiTraining.Accelerator>();
    public DbSet<Domain.AiTraining.TrainingCase> TrainingCases => Set<Domain.AiTraining.TrainingCase>();
    /// <summary>Data Protection keys, shared by every instance on PostgreSQL (SQLite keeps them in files); never audited.</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();
    /// <summary>Which instance runs each background job (<see cref="JobLeases"/>); never audited.</summary>
    public DbSet<JobLease> JobLeases => Set<JobLease>();

    /// <summary>The last run of each background job, on whichever instance ran it (<see cref="Features.Dashboard.JobMonitor"/>); never audited.</summary>
    public DbSet<Features.Dashboard.JobRun> JobRuns => Set<Features.Dashboard.JobRun>();
    public DbSet<Domain.AiTraining.ReportVersion> ReportVersions => Set<Domain.AiTraining.ReportVersion>();
    public DbSet<Domain.AiTraining.UsageSignal> UsageSignals => Set<Domain.AiTraining.UsageSignal>();
    public DbSet<Domain.Certifications.Certification> Certifications => Set<Domain.Certifications.Certification>();
    public DbSet<Domain.Certifications.AdpApplication> AdpApplications => Set<Domain.Certifications.AdpApplication>();
    public DbSet<Domain.Retention.LegalHold> LegalHolds => Set<Domain.Retention.LegalHold>();
    public DbSet<Domain.Retention.CustomerTombstone> CustomerTombstones => Set<Domain.Retention.CustomerTombstone>();
    public DbSet<Features.Retention.PurgeCandidate> PurgeCandidates => Set<Features.Retention.PurgeCandidate>();
    public DbSet<Features.Dashboard.Notification> Notifications => Set<Features.Dashboard.Notification>();

    public AuditActor? Actor { get; } = actor;

    internal List<AuditNote> PendingAuditNotes { get; } = [];
    internal HashSet<Type> BulkAuditedTypes { get; } = [];
    internal IDbContextTransaction? OwnAuditTransaction { get; set; }
    internal bool AuditLockHeld { get; set; }
    internal bool AuditFinishOnReaderDisposing { get; set; }

    /// <summary>
    /// Records a bulk operation as one audit entry with the count and the SHA-256 of its payload (api.md, "Audit"),
    /// instead of one entry per row of <typeparamref name="TRow"/> saved in the same SaveChanges.
    /// </summary>
    public void AuditBulk<TRow>(string action, string entityType, string entityId, string? subjectId, int count, ReadOnlySpan<byte> payload)
    {
        BulkAuditedTypes.Add(typeof(TRow));
        PendingAuditNotes.Add(new AuditNote(action, entityType, entityId, subjectId,
        [
            new FieldChange("count", null, count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new FieldChange("sha256", null, Convert.ToHexStringLower(SHA256.HashData(payload))),
        ]));
    }

    /// <summary>Records an action that changes no row (an export, a chain verification) in the audit trail.</summary>
    public void AuditEvent(string action, string entityType, string entityId, params FieldChange[] details) =>
        PendingAuditNotes.Add(new AuditNote(action, entityType, entityId, null, details));

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        // Optimistic concurrency by opting in: every entity that implements IVersioned has its Version checked on update
        // (the audit interceptor stamps a new one on each save), whichever feature added it.
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(Domain.IVersioned).IsAssignableFrom(t.ClrType)).ToList())
            builder.Entity(type.ClrType).Property(nameof(Domain.IVersioned.Version)).IsConcurrencyToken();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are stored in UTC and come back marked as UTC (SQLite keeps no kind).
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcConverter>();
    }

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private sealed class NullableUtcConverter() : ValueConverter<DateTime?, DateTime?>(
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v,
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);
}
