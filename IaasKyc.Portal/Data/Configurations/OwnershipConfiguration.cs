using IaasKyc.Domain.Customers;
using IaasKyc.Domain.Owners;
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
        b.Property(o => o.AllUsPersonsBasis).HasMaxLength(1000);
        b.Property(o => o.AllUsPersonsBy).HasMaxLength(256);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.HasOne<Customer>().WithOne().HasForeignKey<OwnershipStructure>(o => o.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class OwnerProfileConfiguration : IEntityTypeConfiguration<OwnerProfile>
{
    public void Configure(EntityTypeBuilder<OwnerProfile> b)
    {
        b.ToTable("OwnerProfiles");
        b.HasKey(p => new { p.CustomerId, p.NodeKey });
        b.Property(p => p.NodeKey).HasMaxLength(64);
        b.Property(p => p.Nationality).HasMaxLength(2);
        b.Property(p => p.AddressLine1).HasMaxLength(200);
        b.Property(p => p.AddressLine2).HasMaxLength(200);
        b.Property(p => p.City).HasMaxLength(100);
        b.Property(p => p.Region).HasMaxLength(100);
        b.Property(p => p.PostalCode).HasMaxLength(20);
        b.Property(p => p.Country).HasMaxLength(2);
        b.Property(p => p.Email).HasMaxLength(254);
        b.Property(p => p.Phone).HasMaxLength(20);
        b.Property(p => p.DocumentType).HasMaxLength(100);
        b.Property(p => p.DocumentNumberEncrypted).HasMaxLength(300);
        b.Property(p => p.DocumentNumberMasked).HasMaxLength(80);
        b.Property(p => p.DocumentCountry).HasMaxLength(2);
        b.Property(p => p.DeterminationBasis).HasMaxLength(1000);
        b.Property(p => p.VerifiedBy).HasMaxLength(256);
        b.Property(p => p.UpdatedBy).HasMaxLength(256);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.Ignore(p => p.Verified);
        b.HasOne<Customer>().WithMany().HasForeignKey(p => p.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
