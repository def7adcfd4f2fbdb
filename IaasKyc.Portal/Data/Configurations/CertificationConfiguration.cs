using IaasKyc.Domain.Certifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaasKyc.Portal.Data.Configurations;

public sealed class CertificationConfiguration : IEntityTypeConfiguration<Certification>
{
    public void Configure(EntityTypeBuilder<Certification> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.OffCycleReason).HasMaxLength(2000);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.Property(c => c.PreparedBy).HasMaxLength(256);
        b.Property(c => c.CipReviewedComment).HasMaxLength(2000);
        b.Property(c => c.UpdatedForServicesComment).HasMaxLength(2000);
        b.Property(c => c.UpdatedForThreatsComment).HasMaxLength(2000);
        b.Property(c => c.CompliantComment).HasMaxLength(2000);
        b.Property(c => c.SignedBy).HasMaxLength(256);
        b.Property(c => c.SignerName).HasMaxLength(200);
        b.Property(c => c.SignerTitle).HasMaxLength(200);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.Ignore(c => c.HasStatements);
        b.HasIndex(c => new { c.State, c.AsOf });
    }
}
