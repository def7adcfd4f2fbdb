using IaasKyc.Domain.Customers;
using IaasKyc.Portal.Features.Screening;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace IaasKyc.Portal.Data.Configurations;

public sealed class ListSnapshotConfiguration : IEntityTypeConfiguration<ListSnapshot>
{
    public void Configure(EntityTypeBuilder<ListSnapshot> b)
    {
        b.ToTable("ListSnapshots");
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.Source).HasMaxLength(16);
        b.Property(s => s.ImportedBy).HasMaxLength(256);
        b.HasIndex(s => new { s.Source, s.Active });
        b.HasMany(s => s.Files).WithOne().HasForeignKey(f => f.SnapshotId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ListSnapshotFileConfiguration : IEntityTypeConfiguration<ListSnapshotFile>
{
    public void Configure(EntityTypeBuilder<ListSnapshotFile> b)
    {
        b.ToTable("ListSnapshotFiles");
        b.HasKey(f => new { f.SnapshotId, f.Name });
        b.Property(f => f.Name).HasMaxLength(8);
        b.Property(f => f.Sha256).HasMaxLength(64);
    }
}

public sealed class ScreeningRunConfiguration : IEntityTypeConfiguration<ScreeningRun>
{
    public void Configure(EntityTypeBuilder<ScreeningRun> b)
    {
        b.ToTable("ScreeningRuns");
        b.Property(r => r.Id).ValueGeneratedNever();
        b.Property(r => r.SubjectKind).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.SubjectKey).HasMaxLength(64);
        b.Property(r => r.SubjectName).HasMaxLength(400);
        b.Property(r => r.SubjectCountry).HasMaxLength(2);
        b.Property(r => r.SubjectType).HasMaxLength(16);
        b.Property(r => r.ScreenedBy).HasMaxLength(256);
        b.Property(r => r.MatcherVersion).HasMaxLength(32);
        b.HasIndex(r => new { r.CustomerId, r.ScreenedAtUtc });
        b.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ScreeningAlertConfiguration : IEntityTypeConfiguration<ScreeningAlert>
{
    public void Configure(EntityTypeBuilder<ScreeningAlert> b)
    {
        b.ToTable("ScreeningAlerts");
        b.Property(a => a.Id).ValueGeneratedNever();
        b.Property(a => a.SubjectKind).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.Proposed).HasConversion<string>().HasMaxLength(16);
        b.Property(a => a.SubjectKey).HasMaxLength(64);
        b.Property(a => a.SubjectName).HasMaxLength(400);
        b.Property(a => a.Source).HasMaxLength(16);
        b.Property(a => a.EntryId).HasMaxLength(80);
        b.Property(a => a.EntryName).HasMaxLength(400);
        b.Property(a => a.EntryType).HasMaxLength(16);
        b.Property(a => a.Programs).HasMaxLength(400);
        b.Property(a => a.MatchedName).HasMaxLength(400);
        b.Property(a => a.EntryContentHash).HasMaxLength(64);
        b.Property(a => a.ProposedBy).HasMaxLength(256);
        b.Property(a => a.DecidedBy).HasMaxLength(256);
        b.Property(a => a.ProposalComment).HasMaxLength(2000);
        b.Property(a => a.DecisionComment).HasMaxLength(2000);
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Ignore(a => a.IsOpen);
        b.HasIndex(a => new { a.Status, a.OpenedAtUtc });
        b.HasIndex(a => new { a.CustomerId, a.SubjectKey, a.Source, a.EntryId });
        b.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ScreeningRun>().WithMany().HasForeignKey(a => a.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NoMatchMemoryConfiguration : IEntityTypeConfiguration<NoMatchMemory>
{
    public void Configure(EntityTypeBuilder<NoMatchMemory> b)
    {
        b.ToTable("NoMatchMemories");
        b.Property(m => m.Id).ValueGeneratedNever();
        b.Property(m => m.SubjectKey).HasMaxLength(64);
        b.Property(m => m.Source).HasMaxLength(16);
        b.Property(m => m.EntryId).HasMaxLength(80);
        b.Property(m => m.EntryContentHash).HasMaxLength(64);
        b.HasIndex(m => new { m.CustomerId, m.SubjectKey, m.Source, m.EntryId });
        b.HasOne<Customer>().WithMany().HasForeignKey(m => m.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ScreeningBatchConfiguration : IEntityTypeConfiguration<ScreeningBatch>
{
    public void Configure(EntityTypeBuilder<ScreeningBatch> b)
    {
        b.ToTable("ScreeningBatches");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Reason).HasMaxLength(400);
        b.Property(x => x.Error).HasMaxLength(2000);
        b.HasIndex(x => x.QueuedAtUtc);
    }
}
