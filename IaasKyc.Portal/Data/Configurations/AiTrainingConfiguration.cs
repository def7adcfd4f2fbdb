using IaasKyc.Domain.AiTraining;
using IaasKyc.Domain.Customers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaasKyc.Portal.Data.Configurations;

public sealed class AcceleratorConfiguration : IEntityTypeConfiguration<Accelerator>
{
    public void Configure(EntityTypeBuilder<Accelerator> b)
    {
        b.HasKey(a => a.NameKey);
        b.Property(a => a.NameKey).HasMaxLength(40);
        b.Property(a => a.Name).HasMaxLength(40);
        b.Property(a => a.Description).HasMaxLength(200);
        b.Property(a => a.Source).HasMaxLength(1000);
        b.Property(a => a.Version).IsConcurrencyToken();
    }
}

public sealed class TrainingCaseConfiguration : IEntityTypeConfiguration<TrainingCase>
{
    public void Configure(EntityTypeBuilder<TrainingCase> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.AccountReferences).HasMaxLength(2000);
        b.Property(c => c.Trigger).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(40);
        b.Property(c => c.RulePackVersion).HasMaxLength(100);
        b.Property(c => c.OpenedBy).HasMaxLength(256);
        b.Property(c => c.DraftBy).HasMaxLength(256);
        b.Property(c => c.ApprovedBy).HasMaxLength(256);
        b.Property(c => c.FiledBy).HasMaxLength(256);
        b.Property(c => c.FilingReference).HasMaxLength(100);
        b.Property(c => c.CloseReason).HasMaxLength(2000);
        b.Property(c => c.CloseProposedBy).HasMaxLength(256);
        b.Property(c => c.ClosedBy).HasMaxLength(256);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.CustomerId, c.State });
        b.Property(c => c.NarrativeJson).HasMaxLength(20000);
        b.Property(c => c.NarrativeBy).HasMaxLength(256);
        b.Ignore(c => c.Narrative);
        b.HasOne<Domain.Resellers.Reseller>().WithMany().HasForeignKey(c => c.ResellerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TrainingCase>().WithMany().HasForeignKey(c => c.FollowUpOfId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>A frozen report version: its content never changes, only its approval is recorded once.</summary>
public sealed class ReportVersionConfiguration : IEntityTypeConfiguration<ReportVersion>
{
    public void Configure(EntityTypeBuilder<ReportVersion> b)
    {
        b.HasKey(v => v.Id);
        b.HasIndex(v => new { v.CaseId, v.Number }).IsUnique();
        b.Property(v => v.RulePackVersion).HasMaxLength(100);
        b.Property(v => v.PreparedBy).HasMaxLength(256);
        b.Property(v => v.ApprovedBy).HasMaxLength(256);
        b.Ignore(v => v.Approved);
        b.HasOne<TrainingCase>().WithMany().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class UsageSignalConfiguration : IEntityTypeConfiguration<UsageSignal>
{
    public void Configure(EntityTypeBuilder<UsageSignal> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Accelerator).HasMaxLength(40);
        b.Property(s => s.ThresholdsMet).HasMaxLength(200);
        b.Property(s => s.RulePackVersion).HasMaxLength(100);
        b.HasIndex(s => s.AccountId);
        b.HasIndex(s => s.CaseId);
        b.HasOne<Account>().WithMany().HasForeignKey(s => s.AccountId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TrainingCase>().WithMany().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
