using IaasKyc.Domain.Retention;
using IaasKyc.Portal.Features.Retention;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaasKyc.Portal.Data.Configurations;

// No foreign key to the customer: holds and tombstones outlive the purged customer row.
public sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> b)
    {
        b.HasKey(h => h.Id);
        b.Property(h => h.Id).ValueGeneratedNever();
        b.Property(h => h.Reason).HasMaxLength(1000);
        b.Property(h => h.ReleaseReason).HasMaxLength(1000);
        b.Property(h => h.PlacedBy).HasMaxLength(256);
        b.Property(h => h.ReleasedBy).HasMaxLength(256);
        b.Property(h => h.Version).IsConcurrencyToken();
        b.Ignore(h => h.Active);
        b.HasIndex(h => new { h.CustomerId, h.PlacedAtUtc });
        // At most one active hold per record, even when two people place one at the same moment.
        b.HasIndex(h => h.CustomerId).IsUnique().HasFilter("\"ReleasedAtUtc\" IS NULL").HasDatabaseName("IX_LegalHolds_Active");
    }
}

public sealed class CustomerTombstoneConfiguration : IEntityTypeConfiguration<CustomerTombstone>
{
    public void Configure(EntityTypeBuilder<CustomerTombstone> b)
    {
        b.HasKey(t => t.CustomerId);
        b.Property(t => t.CustomerId).ValueGeneratedNever();
        b.Property(t => t.PurgedBy).HasMaxLength(256);
        b.Property(t => t.Basis).HasMaxLength(500);
        b.Property(t => t.RulePackVersion).HasMaxLength(100);
    }
}

public sealed class PurgeCandidateConfiguration : IEntityTypeConfiguration<PurgeCandidate>
{
    public void Configure(EntityTypeBuilder<PurgeCandidate> b)
    {
        b.HasKey(c => c.CustomerId);
        b.Property(c => c.CustomerId).ValueGeneratedNever();
        b.HasOne<IaasKyc.Domain.Customers.Customer>().WithOne().HasForeignKey<PurgeCandidate>(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
