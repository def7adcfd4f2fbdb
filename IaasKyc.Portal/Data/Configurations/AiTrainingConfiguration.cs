using IaasKyc.Domain.AiTraining;
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
