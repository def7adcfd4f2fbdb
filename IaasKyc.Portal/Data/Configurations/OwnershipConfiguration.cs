using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Features.Owners;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaasKyc.Portal.Data.Configurations;

public sealed class OwnershipConfiguration : IEntityTypeConfiguration<OwnershipStructure>
{
    public void Configure(EntityTypeBuilder<OwnershipStructure> b)
    {
        b.ToTable("OwnershipStructures");
        b.HasKey(o => o.CustomerId);
        b.Property(o => o.CustomerId).ValueGeneratedNever();
        b.Property(o => o.UpdatedBy).HasMaxLength(256);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasOne<Customer>().WithOne().HasForeignKey<OwnershipStructure>(o => o.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
