using IaasKyc.Portal.Features.ApiKeys;
using IaasKyc.Portal.Features.RulePacks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaasKyc.Portal.Data.Configurations;

public sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.HasKey(k => k.Id);
        b.Property(k => k.Name).HasMaxLength(100);
        b.Property(k => k.Prefix).HasMaxLength(16);
        b.Property(k => k.Hash).HasMaxLength(64);
        b.Property(k => k.Scopes).HasMaxLength(200);
        b.Property(k => k.CreatedBy).HasMaxLength(256);
        b.Property(k => k.RevokedBy).HasMaxLength(256);
        b.Property(k => k.Version).IsConcurrencyToken();
        b.HasIndex(k => k.Prefix);
    }
}

public sealed class RulePackVersionConfiguration : IEntityTypeConfiguration<RulePackVersion>
{
    public void Configure(EntityTypeBuilder<RulePackVersion> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Name).HasMaxLength(100);
        b.HasIndex(r => r.Name).IsUnique();
        b.Property(r => r.CreatedBy).HasMaxLength(256);
        b.Property(r => r.Version).IsConcurrencyToken();
    }
}
