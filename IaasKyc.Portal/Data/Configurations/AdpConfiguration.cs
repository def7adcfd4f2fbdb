using IaasKyc.Domain.Certifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaasKyc.Portal.Data.Configurations;

public sealed class AdpApplicationConfiguration : IEntityTypeConfiguration<AdpApplication>
{
    public void Configure(EntityTypeBuilder<AdpApplication> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Scope).HasMaxLength(1000);
        b.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.FitToSize).HasMaxLength(8000);
        b.Property(a => a.RedFlags).HasMaxLength(8000);
        b.Property(a => a.ResellerOversight).HasMaxLength(8000);
        b.Property(a => a.LawEnforcement).HasMaxLength(8000);
        b.Property(a => a.DataSharing).HasMaxLength(8000);
        b.Property(a => a.CreatedBy).HasMaxLength(256);
        b.Property(a => a.PreparedBy).HasMaxLength(256);
        b.Property(a => a.SignedBy).HasMaxLength(256);
        b.Property(a => a.SignerName).HasMaxLength(200);
        b.Property(a => a.SignerTitle).HasMaxLength(200);
        b.Property(a => a.DecisionReference).HasMaxLength(100);
        b.Property(a => a.GrantedScope).HasMaxLength(1000);
        b.Property(a => a.GrantRecordedBy).HasMaxLength(256);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.HasMany(a => a.Evidence).WithOne().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(a => a.Evidence).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public sealed class AdpEvidenceConfiguration : IEntityTypeConfiguration<AdpEvidence>
{
    public void Configure(EntityTypeBuilder<AdpEvidence> b)
    {
        b.HasKey(e => e.Id);
        // Keys are made in the domain: an entity reached through its application's collection is new, not an existing row to update.
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Factor).HasConversion<string>().HasMaxLength(32);
        b.Property(e => e.Description).HasMaxLength(500);
        b.Property(e => e.FileName).HasMaxLength(255);
        b.Property(e => e.UploadId).HasMaxLength(32);
        b.Property(e => e.Sha256).HasMaxLength(64);
        b.Property(e => e.AddedBy).HasMaxLength(256);
        b.HasIndex(e => e.ApplicationId);
    }
}
