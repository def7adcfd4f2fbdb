using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaasKyc.Portal.Data.Configurations;

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasKey(e => e.Sequence);
        // The interceptor assigns sequences; a second writer with the same number fails instead of forking the chain.
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.Actor).HasMaxLength(256);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.EntityType).HasMaxLength(128);
        b.Property(e => e.EntityId).HasMaxLength(256);
        b.Property(e => e.SubjectId).HasMaxLength(128);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => e.AtUtc);
        b.HasIndex(e => new { e.EntityType, e.EntityId });
        b.HasIndex(e => e.SubjectId);
        b.HasIndex(e => e.Actor);
    }
}

public sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Hash).HasMaxLength(64);
    }
}

public sealed class SubjectKeyConfiguration : IEntityTypeConfiguration<SubjectKey>
{
    public void Configure(EntityTypeBuilder<SubjectKey> b)
    {
        b.HasKey(e => e.SubjectId);
        b.Property(e => e.SubjectId).HasMaxLength(128);
    }
}

public sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> b) => b.Property(u => u.DisplayName).HasMaxLength(200);
}
