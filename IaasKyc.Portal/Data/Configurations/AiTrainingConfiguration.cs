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
    }
}
